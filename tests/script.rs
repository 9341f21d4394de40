//! The parser and timing over the sample address: the whole `Script` and its timing are kept as
//! golden files, so any change in how a draft is read shows up in review.
//!
//! Regenerate with `UPDATE_GOLDEN=1 cargo test --test script`.

mod common;

use common::{assert_golden, data};
use podium::script::{parse, Block, Cue, Inline, SectionRole};
use podium::timing::{estimate, TimingOptions};

fn address() -> String {
    std::fs::read_to_string(data("address.md")).expect("fixture")
}

#[test]
fn the_address_parses_to_its_golden_script() {
    let script = parse(&address());
    let json = serde_json::to_string_pretty(&script).expect("serialise") + "\n";
    assert_golden("address.script.json", &json);
}

#[test]
fn the_address_times_to_its_golden_figures() {
    let timing = estimate(&parse(&address()), &TimingOptions::default());
    let json = serde_json::to_string_pretty(&timing).expect("serialise") + "\n";
    assert_golden("address.timing.json", &json);
}

#[test]
fn the_address_has_the_shape_of_a_new_year_address() {
    let source = address();
    let script = parse(&source);
    let roles: Vec<SectionRole> = script.sections.iter().map(|s| s.role).collect();
    assert_eq!(
        roles,
        [
            SectionRole::Greeting,
            SectionRole::Stance,
            SectionRole::Priority(1),
            SectionRole::Priority(2),
            SectionRole::Priority(3),
            SectionRole::Closing
        ]
    );
    assert!(script.sections[3].summary.is_some());
    assert!(script.sections[1]
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Note(_))));
    let inlines: Vec<&Inline> = script.sentences().flat_map(|s| s.inlines.iter()).collect();
    let rubies = inlines
        .iter()
        .filter(|i| matches!(i, Inline::Ruby { .. }))
        .count();
    let pauses: Vec<f64> = inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Cue {
                cue: Cue::Pause { seconds },
                ..
            } => Some(*seconds),
            _ => None,
        })
        .collect();
    assert_eq!(rubies, 5);
    assert!(pauses.contains(&3.0) && pauses.contains(&2.0));
    // Every inline's span points at its own source text.
    for inline in inlines {
        let span = inline.span();
        let slice = &source[span.range()];
        match inline {
            Inline::Ruby { base, .. } => assert!(slice.contains(&**base), "{slice}"),
            Inline::Cue { .. } => assert!(slice.starts_with("[[") && slice.ends_with("]]")),
            _ => {}
        }
    }
    assert!(script.diagnostics.is_empty(), "{:?}", script.diagnostics);
}

#[test]
fn a_twenty_thousand_character_speech_parses_without_loss() {
    let source = address();
    let mut long = String::new();
    while long.chars().count() < 20_000 {
        long.push_str(&source);
        long.push('\n');
    }
    let one = estimate(&parse(&source), &TimingOptions::default());
    let many = estimate(&parse(&long), &TimingOptions::default());
    let copies = long.matches("# 令和9年").count();
    assert_eq!(many.spoken, one.spoken * copies);
}

/// The signature is printed, not read: no time, no sentence; a line for the room is read and
/// timed like any paragraph.
#[test]
fn a_signature_is_not_read_and_a_line_for_the_room_is() {
    let with = "## 結びに\n\n> [!spoken] 皆さん、どうぞお掛けください。\n\n\
                よろしくお願いいたします。\n\n> [!sign]\n> 令和9年1月4日　市長　山田太郎\n";
    let script = parse(with);
    let read: Vec<String> = script.sentences().map(|s| s.text()).collect();
    assert_eq!(
        read,
        [
            "皆さん、どうぞお掛けください。",
            "よろしくお願いいたします。"
        ]
    );
    let blocks = &script.sections[0].blocks;
    assert!(matches!(&blocks[0], Block::Spoken(_)));
    assert!(
        matches!(&blocks[2], Block::Signature(s) if s.paragraphs[0].sentences[0].text() == "令和9年1月4日　市長　山田太郎")
    );
    let seconds = |source: &str| estimate(&parse(source), &TimingOptions::default()).seconds;
    let without_signature = with.split("> [!sign]").next().unwrap();
    assert_eq!(seconds(with), seconds(without_signature));
}
