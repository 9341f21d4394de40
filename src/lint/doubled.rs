//! Doubled phrases (「仕組みを仕組みを」) and doubled particles (「計画をを」).
//!
//! A phrase is a unit of 2 to 20 word characters (no spaces or punctuation) written twice in a
//! row inside one run of plain text. Legitimate reduplications are not reported:
//! - 2-character kana units, which are nearly always mimetic or reduplicated words (いろいろ,
//!   ますます, まだまだ, どんどん, ドキドキ), except function words that never double (です,
//!   こと, ため …);
//! - listed words (一人一人-type units 一X, もっともっと, 重ね重ね, 思い思い …), and a word
//!   paired with itself by と (人と人との);
//! - units of digits, ー and other non-letters only (2020, ーー).

use super::{Notes, Rule};
use crate::passage::Passage;

/// Longest unit looked for, in characters.
const MAX_UNIT: usize = 20;

/// 2-character kana units whose doubling is a slip, not a mimetic word.
const NEVER_MIMETIC: &[&str] = &[
    "です", "こと", "ため", "まで", "など", "より", "ので", "のに", "には", "では", "とは",
];

/// Longer units that are legitimately said twice.
const REDUPLICATED: &[&str] = &[
    "もっと",
    "ずっと",
    "ひとつ",
    "ひとり",
    "そろり",
    "見る",
    "泣く",
    "恐る",
    "重ね",
    "返す",
    "代わる",
    "思い",
    "離れ",
    "生き",
    "晴れ",
    "休み",
    "飛び",
    "散り",
    "少しずつ",
    "一歩ずつ",
];

/// `with_particles`: also look for doubled particles (off when words find them).
pub(super) fn check(passage: &Passage, with_particles: bool, notes: &mut Notes) {
    for segment in passage.segments() {
        let chars: Vec<(usize, char)> = passage.text[segment.clone()]
            .char_indices()
            .map(|(i, c)| (segment.start + i, c))
            .collect();
        phrases(passage, &chars, notes);
        if with_particles {
            particles(&chars, notes);
        }
    }
}

fn phrases(passage: &Passage, chars: &[(usize, char)], notes: &mut Notes) {
    let offset = |i: usize| chars.get(i).map_or(passage_end(chars), |(o, _)| *o);
    // Whether each character can be part of a unit, looked up once (not once per unit length
    // tried: Unicode's tables made 16 MiB of 「、」 take seconds).
    let word: Vec<bool> = chars.iter().map(|(_, c)| is_word(*c)).collect();
    let mut i = 0;
    while i < chars.len() {
        let unit = (2..=MAX_UNIT.min((chars.len() - i) / 2)).find(|&len| {
            let (a, b) = (&chars[i..i + len], &chars[i + len..i + 2 * len]);
            word[i..i + len].iter().all(|w| *w) && a.iter().zip(b).all(|((_, x), (_, y))| x == y)
        });
        let Some(len) = unit else {
            i += 1;
            continue;
        };
        let text = &passage.text[offset(i)..offset(i + len)];
        if legitimate(text) {
            i += 1;
            continue;
        }
        let message = format!("「{text}」が重複しています。");
        let (start, middle, end) = (offset(i), offset(i + len), offset(i + 2 * len));
        let fix = Some((middle..end, String::new()));
        notes.add(Rule::DoubledPhrase, message, start..end, fix);
        i += 2 * len;
    }
}

/// A letter or digit (kana and kanji looked up first: Unicode's tables are slow for them).
fn is_word(c: char) -> bool {
    match c {
        'ぁ'..='ゖ' | 'ァ'..='ヺ' | '一'..='鿿' => true,
        // 、。「」 and the like, and full-width punctuation.
        '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF00}'..='\u{FF0F}' => false,
        c => c.is_alphanumeric(),
    }
}

fn passage_end(chars: &[(usize, char)]) -> usize {
    chars.last().map_or(0, |(o, c)| o + c.len_utf8())
}

fn is_kana(c: char) -> bool {
    matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | 'ー' | 'ゝ' | 'ゞ' | 'ヽ' | 'ヾ')
}

fn legitimate(unit: &str) -> bool {
    let chars: Vec<char> = unit.chars().collect();
    let kana_pair = chars.len() == 2 && chars.iter().all(|c| is_kana(*c));
    let counted_one = chars.len() == 2 && matches!(chars[0], '一' | '1' | '１');
    // 人と人との, 心と心を: a word paired with itself.
    let paired = chars.len() == 2 && chars[1] == 'と' && !is_kana(chars[0]);
    let no_letters = chars
        .iter()
        .all(|c| c.is_numeric() || !c.is_alphabetic() || *c == 'ー');
    (kana_pair && !NEVER_MIMETIC.contains(&unit))
        || counted_one
        || paired
        || no_letters
        || REDUPLICATED.contains(&unit)
}

/// Particles checked for doubling.
const PARTICLES: &[char] = &['を', 'が', 'に', 'へ', 'は', 'で', 'と', 'も', 'の'];

/// A particle written twice: 「をを」「がが」 anywhere; the others (「はは」「でで」「のの」…)
/// only right after a kanji, katakana or closing bracket and not before hiragana, so that
/// 「オンラインでできる」「そのものの」「とともに」「母（はは）」 are not reported.
fn particles(chars: &[(usize, char)], notes: &mut Notes) {
    for i in 1..chars.len() {
        let (at, c) = chars[i];
        if !PARTICLES.contains(&c) || chars[i - 1].1 != c {
            continue;
        }
        let before = (i >= 2).then(|| chars[i - 2].1);
        let after = chars.get(i + 1).map(|(_, c)| *c);
        let strong = matches!(c, 'を' | 'が') && before != Some(c) && after != Some(c);
        let after_noun = before.is_some_and(|b| {
            !matches!(b, 'ぁ'..='ゖ') && (b.is_alphanumeric() || matches!(b, '）' | ')' | '」'))
        });
        let before_word = after.is_some_and(|a| matches!(a, 'ぁ'..='ゖ'));
        if strong || (after_noun && !before_word) {
            let first = chars[i - 1].0;
            let end = at + c.len_utf8();
            let message = format!("助詞「{c}」が重なっています（「{c}{c}」）。");
            let fix = Some((at..end, String::new()));
            notes.add(Rule::DoubledParticle, message, first..end, fix);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::tests::{assert_clean, findings, of_rule};
    use crate::lint::Rule;

    #[test]
    fn word_characters_are_unicode_letters_and_digits() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{20000}', '\u{1F600}']) {
            assert_eq!(super::is_word(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn assert_no_doubling(text: &str) {
        let found: Vec<_> = findings(text)
            .into_iter()
            .filter(|f| matches!(f.rule, Rule::DoubledPhrase | Rule::DoubledParticle))
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_doubled_phrase_is_reported_with_a_fix() {
        let source = "## 共創\n\nそのための仕組みを仕組みを整えてまいります。\n";
        let found = of_rule(findings(source), Rule::DoubledPhrase);
        assert_eq!(found.len(), 1);
        let finding = &found[0];
        assert_eq!(&source[finding.span.range()], "仕組みを仕組みを");
        assert_eq!((finding.span.line(), finding.span.column()), (3, 6));
        assert_eq!(finding.excerpt, "仕組みを仕組みを");
        let fix = finding.fix.as_ref().unwrap();
        assert_eq!(&source[fix.span.range()], "仕組みを");
        assert_eq!(fix.span.start(), source.rfind("仕組みを").unwrap());
        assert_eq!(fix.replacement, "");
    }

    #[test]
    fn other_doubled_units() {
        for (text, unit) in [
            ("研究研究を進めます。", "研究"),
            ("市民のためのための施策です。", "のため"),
            ("ですです。", "です"),
            ("これはABCABCの例です。", "ABC"),
            ("見出しの見出し見出し", "見出し"),
        ] {
            let found = of_rule(findings(text), Rule::DoubledPhrase);
            assert_eq!(found.len(), 1, "{text}");
            assert!(found[0].message.contains(unit), "{text}");
        }
    }

    #[test]
    fn reduplicated_words_are_not_doubled_phrases() {
        assert_no_doubling(
            "いろいろな方に。ますますのご活躍を。それぞれの地域で。まだまだです。どんどん。\
             だんだんと。なかなか。いよいよ。一人一人。一つ一つ。一歩一歩。日々。一日一日。\
             ひとつひとつ。ドキドキ。ぴかぴか。もっともっと。ずっとずっと。重ね重ね。\
             思い思いに。人と人とのつながり。心と心を。2020年。１０１０円。ーーーー。……。――。",
        );
    }

    #[test]
    fn a_phrase_is_not_doubled_across_punctuation_ruby_or_cues() {
        assert_clean("ありがとう、ありがとう。");
        assert_clean("仕組みを{仕組|しく}みを整えます。");
        assert_clean("仕組みを[[間]]仕組みを整えます。");
    }

    #[test]
    fn doubled_particles() {
        for (text, particle) in [
            ("計画をを進めます。", "を"),
            ("ことがが大切です。", "が"),
            ("市役所はは前進します。", "は"),
            ("会場でで開きます。", "で"),
            ("（仮称）のの案です。", "の"),
        ] {
            let found = of_rule(findings(text), Rule::DoubledParticle);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].excerpt, format!("{particle}{particle}"));
            assert!(found[0].fix.is_some());
        }
    }

    #[test]
    fn words_with_particle_pairs_are_not_doubled_particles() {
        assert_clean(
            "手続がオンラインでできるようになります。そのものの見直しです。\
             職員の皆さんとともに進みます。実ににぎやかです。父ははじめて来ました。",
        );
    }
}
