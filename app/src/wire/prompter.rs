//! What the prompter window reads: the script as plain data built from the core's `Script`
//! (never HTML: every string is text for the UI to place with `textContent`), the prompter's
//! settings, the displays to choose from, and rehearsals with the measured pace.

use super::analysis::{count, role, SectionRole};
use crate::error::AppError;
use podium::rehearsal::{self, SectionRun};
use podium::script::{self, Aside, Block, Cue, Inline, Quote, Script};
use podium::settings::{PACE_CPM, PACE_MPM};
use podium::timing::{ScriptTiming, Unit};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A draft laid out for reading aloud: one flat list of blocks in reading order, each with
/// its section and, for a paragraph, the pause the estimate puts after it; the sections'
/// figures beside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrompterScript {
    #[ts(type = "number")]
    pub draft_id: i64,
    /// The draft's revision this was built from.
    pub revision: u32,
    pub title: Option<String>,
    /// The planned length, when the draft has one.
    pub target_seconds: Option<u32>,
    /// The estimate at the settings' pace (in morae when the dictionary is ready: the live
    /// panel's figure).
    pub seconds: f64,
    /// The pace of the estimate: characters a minute, or morae a minute with the dictionary.
    pub pace_per_minute: f64,
    /// What the pace counts: the prompter reads at a pace in this unit.
    pub pace_unit: PaceUnit,
    /// The range a pace in this unit may take (the settings' limits): the prompter's pace
    /// keeps within it.
    pub pace_min: u32,
    pub pace_max: u32,
    pub sections: Vec<PrompterSection>,
    /// Every block of every section, in order: the sections' headings, sub-headings,
    /// paragraphs (list items and quotes included) and notes.
    pub blocks: Vec<PrompterBlock>,
}

/// What a reading pace counts: characters (字/分) or morae (拍/分, with the dictionary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaceUnit {
    Char,
    Mora,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrompterSection {
    /// Empty for text before the first `##`.
    pub title: String,
    pub role: SectionRole,
    pub number: Option<u32>,
    /// The estimate for the section: its sentences and the pauses after its paragraphs.
    pub seconds: f64,
    /// Read aloud, in the unit of the pace (characters or morae).
    pub spoken: u32,
}

/// One block; `section` is the index of its section in [`PrompterScript::sections`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    tag = "kind"
)]
#[ts(export)]
pub enum PrompterBlock {
    /// A section's `##` heading (sections without one have none).
    Section {
        section: u32,
        title: String,
        number: Option<u32>,
    },
    /// `###` and deeper: shown, not read.
    Heading {
        section: u32,
        inlines: Vec<PrompterInline>,
    },
    /// Read aloud (ordinary paragraphs, list items, quotes), then `pause_after` seconds of the
    /// estimate (between paragraphs, and between sections after a section's last one).
    Paragraph {
        section: u32,
        sentences: Vec<PrompterSentence>,
        pause_after: f64,
    },
    /// A speaker note: shown dimmed or hidden, never read.
    Note {
        section: u32,
        sentences: Vec<PrompterSentence>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrompterSentence {
    /// The estimate (0 in notes).
    pub seconds: f64,
    /// Of `seconds`, the time spent speaking; the rest is the pauses at its commas, its end and
    /// its `[[間]]` cues (voice mode waits those out as the speaker's silences).
    pub spoken_seconds: f64,
    pub inlines: Vec<PrompterInline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum PrompterInline {
    Text {
        text: String,
        strong: bool,
        emphasis: bool,
    },
    Ruby {
        base: String,
        reading: String,
    },
    /// `[[間]]`: a pause of so many seconds.
    Pause {
        seconds: f64,
    },
    /// `[[ゆっくり]]`, `[[強調]]` …
    Direction {
        text: String,
    },
    Break,
}

impl PrompterScript {
    pub fn new(script: &Script, timing: &ScriptTiming, draft: &podium::store::Draft) -> Self {
        let mut sections = Vec::with_capacity(script.sections.len());
        let mut blocks = Vec::new();
        for (index, (section, timing)) in script.sections.iter().zip(&timing.sections).enumerate() {
            let (role, number) = role(section.role);
            let title = section.title();
            let index = count(index);
            if !title.is_empty() {
                blocks.push(PrompterBlock::Section {
                    section: index,
                    title: title.clone(),
                    number,
                });
            }
            let timed = Timed {
                sentences: timing
                    .sentences
                    .iter()
                    .map(|s| (s.seconds, s.seconds - s.pauses)),
                pauses_after: timing.pauses_after.iter().copied(),
            };
            section_blocks(index, &section.blocks, timed, &mut blocks);
            sections.push(PrompterSection {
                title,
                role,
                number,
                seconds: timing.seconds,
                spoken: count(timing.spoken),
            });
        }
        let (pace_unit, limits) = match timing.pace.unit {
            Unit::Char => (PaceUnit::Char, PACE_CPM),
            Unit::Mora => (PaceUnit::Mora, PACE_MPM),
        };
        PrompterScript {
            draft_id: draft.id,
            revision: draft.revision,
            title: script.title_text(),
            target_seconds: draft.target_seconds,
            seconds: timing.seconds,
            pace_per_minute: timing.pace.per_minute,
            pace_unit,
            pace_min: *limits.start(),
            pace_max: *limits.end(),
            sections,
            blocks,
        }
    }
}

/// A section's estimate, in the order of its paragraphs read aloud: each sentence's seconds
/// (all, and speaking) and the pause after each paragraph.
struct Timed<S, P> {
    sentences: S,
    pauses_after: P,
}

/// The blocks of section `section`, pushed onto `out`.
fn section_blocks(
    section: u32,
    blocks: &[Block],
    mut timed: Timed<impl Iterator<Item = (f64, f64)>, impl Iterator<Item = f64>>,
    out: &mut Vec<PrompterBlock>,
) {
    let mut read = |paragraph: &script::Paragraph| PrompterBlock::Paragraph {
        section,
        sentences: paragraph
            .sentences
            .iter()
            .map(|s| sentence(&s.inlines, timed.sentences.next().unwrap_or((0.0, 0.0))))
            .collect(),
        pause_after: timed.pauses_after.next().unwrap_or(0.0),
    };
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => out.push(read(paragraph)),
            Block::List(list) => out.extend(list.items.iter().map(&mut read)),
            Block::Quote(Quote { paragraphs, .. }) | Block::Spoken(Aside { paragraphs, .. }) => {
                out.extend(paragraphs.iter().map(&mut read))
            }
            Block::Heading(heading) => out.push(PrompterBlock::Heading {
                section,
                inlines: inlines(&heading.inlines),
            }),
            Block::Note(note) => out.push(PrompterBlock::Note {
                section,
                sentences: note
                    .paragraphs
                    .iter()
                    .flat_map(|p| &p.sentences)
                    .map(|s| sentence(&s.inlines, (0.0, 0.0)))
                    .collect(),
            }),
            // Printed and published, never read: not on the prompter.
            Block::Signature(_) | Block::Rule(_) => {}
        }
    }
}

/// A sentence with its seconds: all, and speaking.
fn sentence(parts: &[Inline], (seconds, spoken_seconds): (f64, f64)) -> PrompterSentence {
    PrompterSentence {
        seconds,
        spoken_seconds,
        inlines: inlines(parts),
    }
}

fn inlines(parts: &[Inline]) -> Vec<PrompterInline> {
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        match part {
            Inline::Text { text, style, .. } => out.push(PrompterInline::Text {
                text: text.clone(),
                strong: style.strong,
                emphasis: style.emphasis,
            }),
            Inline::Ruby { base, reading, .. } => out.push(PrompterInline::Ruby {
                base: base.to_string(),
                reading: reading.to_string(),
            }),
            Inline::Cue {
                cue: Cue::Pause { seconds },
                ..
            } => out.push(PrompterInline::Pause { seconds: *seconds }),
            Inline::Cue {
                cue: Cue::Direction { text },
                ..
            } => out.push(PrompterInline::Direction { text: text.clone() }),
            // The reader sees a link's words; the address is for exports only.
            Inline::Link { inlines: inner, .. } => out.extend(inlines(inner)),
            Inline::Break { .. } => out.push(PrompterInline::Break),
        }
    }
    out
}

/// A display the prompter window can go full screen on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Display {
    pub name: String,
    /// Physical pixels.
    pub width: u32,
    pub height: u32,
    /// The display the main window is on.
    pub main: bool,
}

/// One section of a rehearsal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SectionRunTime {
    /// 0-based index of the section.
    pub position: u32,
    pub title: String,
    pub estimated_seconds: f64,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RehearsalRun {
    #[ts(type = "number")]
    pub id: i64,
    pub revision: u32,
    pub recorded_at: String,
    pub seconds: f64,
    pub sections: Vec<SectionRunTime>,
}

/// A draft's rehearsals and what they say about the speaker's pace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RehearsalSummary {
    /// Newest first (at most 20).
    pub runs: Vec<RehearsalRun>,
    /// The speaker's pace measured over these runs (字/分), `null` until a section was read
    /// long enough to tell.
    pub measured_cpm: Option<u32>,
    /// The same in morae (拍/分), over the sections the dictionary timed; `null` when none.
    pub measured_mpm: Option<u32>,
    /// The draft's estimate with the measured paces adopted.
    pub calibrated_seconds: Option<f64>,
}

impl RehearsalSummary {
    /// `estimate_at(cpm, mpm)` re-estimates the draft with the measured paces (rounded, as
    /// the settings keep them) adopted.
    pub fn new(
        runs: &[rehearsal::Rehearsal],
        estimate_at: impl FnOnce(u32, Option<u32>) -> f64,
    ) -> Self {
        let sections = || runs.iter().flat_map(|r| &r.sections);
        let per_minute = |pace: f64| pace.round() as u32;
        let cpm = rehearsal::measured_pace(sections()).map(per_minute);
        let mpm = rehearsal::measured_mora_pace(sections()).map(per_minute);
        RehearsalSummary {
            runs: runs.iter().map(RehearsalRun::from).collect(),
            measured_cpm: cpm,
            measured_mpm: mpm,
            calibrated_seconds: cpm.map(|cpm| estimate_at(cpm, mpm)),
        }
    }
}

impl From<&rehearsal::Rehearsal> for RehearsalRun {
    fn from(run: &rehearsal::Rehearsal) -> Self {
        RehearsalRun {
            id: run.id,
            revision: run.revision,
            recorded_at: super::instant(run.recorded_at),
            seconds: run.seconds(),
            sections: run.sections.iter().map(section_time).collect(),
        }
    }
}

fn section_time(run: &SectionRun) -> SectionRunTime {
    SectionRunTime {
        position: count(run.position),
        title: run.title.clone(),
        estimated_seconds: run.estimated_seconds,
        seconds: run.seconds,
    }
}

/// Measured seconds per section, as the prompter sends them: finite, 0 to a day each, at most
/// one per section a draft could have.
pub fn check_section_seconds(seconds: &[f64]) -> Result<(), AppError> {
    const MAX_SECTIONS: usize = 10_000;
    if seconds.len() > MAX_SECTIONS
        || seconds
            .iter()
            .any(|s| !s.is_finite() || !(0.0..=86_400.0).contains(s))
    {
        return Err(AppError::invalid(
            "リハーサルの時間が正しくありません (invalid rehearsal times)",
        ));
    }
    Ok(())
}

/// What a presenter's clicker (or pedal) sends, and no typing needs: PageUp/PageDown (with
/// Shift for sections) and F5 (Shift+F5 too). These reach a live prompter from anywhere in the
/// main window, and — when the operator turns it on — from anywhere on the desktop.
pub const CLICKER_KEYS: [&str; 3] = ["PageUp", "PageDown", "F5"];

/// The event the shell tells the main window of a clicker's key with, pressed while another
/// app had the focus (its payload: the key's name and whether Shift was down).
pub const CLICKER_EVENT: &str = "podium://clicker-key";

/// The event that carries a command to the prompter window (from the operator view, or from the
/// shell for a phone: `crate::remote`).
pub const PROMPTER_COMMAND_EVENT: &str = "prompter:command";

/// The event the prompter window reports its state with, to every window that listens (the
/// operator view, the second screen; the shell hears it too, for the phones).
pub const PROMPTER_REPORT_EVENT: &str = "prompter:report";

/// The prompter window's label (its capability, `capabilities/prompter.json`, names it).
pub const PROMPTER_WINDOW: &str = "prompter";

/// The second screen's window label (`capabilities/second-screen.json`): a second output that
/// follows the prompter's reports.
pub const SECOND_SCREEN_WINDOW: &str = "prompter-second";

#[cfg(test)]
mod tests {
    use super::*;
    use podium::timing::{estimate, TimingOptions};

    #[test]
    fn the_script_is_plain_data_with_every_sentence_timed() {
        let body = "# 題\n\n## ① 人を育てる\n\n{市長|しちょう}です。[[間]]続けます。\n\n\
                    ### 小見出し\n\n- 一つ目。\n\n> [!spoken] どうぞ。\n\n> [!note]\n> 会場を見る\n\n\
                    &lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(1)>\n\n\
                    > [!sign]\n> 令和9年1月4日　市長\n";
        let script = script::parse(body);
        let timing = estimate(&script, &TimingOptions::default());
        let draft = podium::store::Draft {
            id: 3,
            title: "題".into(),
            event: String::new(),
            event_date: None,
            target_seconds: Some(60),
            body: body.into(),
            stats: Default::default(),
            revision: 2,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            updated_at: time::OffsetDateTime::UNIX_EPOCH,
            deleted_at: None,
            status: podium::store::DraftStatus::Draft,
        };
        let prompter = PrompterScript::new(&script, &timing, &draft);
        assert_eq!((prompter.draft_id, prompter.revision), (3, 2));
        // Timed in characters: the prompter's pace is in 字/分, within the settings' limits.
        assert_eq!(
            (prompter.pace_unit, prompter.pace_min, prompter.pace_max),
            (PaceUnit::Char, 30, 2000)
        );
        assert_eq!(prompter.title.as_deref(), Some("題"));
        let section = &prompter.sections[0];
        assert_eq!(
            (section.role, section.number),
            (SectionRole::Priority, Some(1))
        );
        let kinds: Vec<(&str, u32)> = prompter
            .blocks
            .iter()
            .map(|b| match b {
                PrompterBlock::Section { section, .. } => ("section", *section),
                PrompterBlock::Paragraph { section, .. } => ("paragraph", *section),
                PrompterBlock::Heading { section, .. } => ("heading", *section),
                PrompterBlock::Note { section, .. } => ("note", *section),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("section", 0),
                ("paragraph", 0),
                ("heading", 0),
                ("paragraph", 0),
                ("paragraph", 0),
                ("note", 0),
                ("paragraph", 0)
            ]
        );
        let PrompterBlock::Paragraph { sentences, .. } = &prompter.blocks[1] else {
            unreachable!()
        };
        assert_eq!(sentences.len(), 2);
        assert_eq!(
            sentences[0].inlines[..2],
            [
                PrompterInline::Ruby {
                    base: "市長".into(),
                    reading: "しちょう".into()
                },
                PrompterInline::Text {
                    text: "です。".into(),
                    strong: false,
                    emphasis: false
                }
            ]
        );
        assert!(sentences[0]
            .inlines
            .contains(&PrompterInline::Pause { seconds: 2.0 }));
        // The section's estimate is its sentences and the pauses after its paragraphs, as
        // the blocks carry them (no pause after the speech's last paragraph).
        let (mut read, mut paused) = (0.0, Vec::new());
        for block in &prompter.blocks {
            if let PrompterBlock::Paragraph {
                sentences,
                pause_after,
                ..
            } = block
            {
                read += sentences.iter().map(|s| s.seconds).sum::<f64>();
                paused.push(*pause_after);
            }
        }
        assert_eq!(paused, [0.4, 0.4, 0.4, 0.0]);
        assert!((read + paused.iter().sum::<f64>() - section.seconds).abs() < 1e-9);
        // Escaped markup arrives as text; the raw tag is gone.
        let json = serde_json::to_string(&prompter).unwrap();
        assert!(json.contains("<script>alert(1)</script>"));
        assert!(!json.contains("<img"));
    }

    #[test]
    fn rehearsal_times_are_checked() {
        assert!(check_section_seconds(&[12.5, 0.0]).is_ok());
        assert!(check_section_seconds(&[f64::NAN]).is_err());
        assert!(check_section_seconds(&[-1.0]).is_err());
        assert!(check_section_seconds(&vec![1.0; 10_001]).is_err());
    }
}
