//! The real-speech corpus (`tests/data/corpus/`, see its README) and how Podium is scored on
//! it: the gold items (numbers, dates, counters, acronyms, words a dictionary misreads,
//! readings in brackets) and the gold sentences (whole readings, for the share of words read
//! right). Shared by `tests/speeches.rs` (what must hold) and `benches/speeches.rs` (figures).

use podium::japanese::{mora, SentenceReading};
use std::path::{Path, PathBuf};

pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

pub struct Speech {
    pub id: String,
    pub text: String,
}

/// Every speech of the corpus, in file order.
pub fn speeches() -> Vec<Speech> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder().join("speeches"))
        .expect("the corpus folder")
        .map(|entry| entry.expect("a corpus file").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| Speech {
            id: path.file_stem().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).expect("a UTF-8 speech"),
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct GoldItem {
    pub speech: String,
    pub line: usize,
    pub surface: String,
    pub context: String,
    pub reading: String,
    pub class: String,
}

#[derive(Debug, Clone)]
pub struct GoldSentence {
    pub speech: String,
    pub sentence: String,
    pub reading: String,
}

/// Rows of a corpus TSV file without its header and `#` comments.
fn rows(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(folder().join(name)).expect("a corpus TSV file");
    text.lines()
        .skip(1)
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

pub fn gold_items() -> Vec<GoldItem> {
    rows("gold-items.tsv")
        .into_iter()
        .map(|r| GoldItem {
            speech: r[0].clone(),
            line: r[1].parse().expect("a line number"),
            surface: r[2].clone(),
            context: r[3].clone(),
            reading: r[4].clone(),
            class: r[5].clone(),
        })
        .collect()
}

pub fn gold_sentences() -> Vec<GoldSentence> {
    rows("gold-sentences.tsv")
        .into_iter()
        .map(|r| GoldSentence {
            speech: r[0].clone(),
            sentence: r[2].clone(),
            reading: r[3].clone(),
        })
        .collect()
}

/// A finding on the corpus, judged by hand (`judged-findings.tsv`): would a writer preparing
/// the speech to be read aloud want to see it?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedFinding {
    pub speech: String,
    pub line: usize,
    pub column: usize,
    pub rule: String,
    pub useful: bool,
}

pub fn judged_findings() -> Vec<JudgedFinding> {
    rows("judged-findings.tsv")
        .into_iter()
        .map(|r| JudgedFinding {
            speech: r[0].clone(),
            line: r[1].parse().expect("a line number"),
            column: r[2].parse().expect("a column"),
            rule: r[3].clone(),
            useful: match r[4].as_str() {
                "yes" => true,
                "no" => false,
                other => panic!("useful is yes or no, not {other}"),
            },
        })
        .collect()
}

/// The judgement of a finding of `speech`, if it was judged.
pub fn judgement<'a>(
    judged: &'a [JudgedFinding],
    speech: &str,
    finding: &podium::lint::Finding,
) -> Option<&'a JudgedFinding> {
    judged.iter().find(|j| {
        j.speech == speech
            && j.line == finding.span.line()
            && j.column == finding.span.column()
            && j.rule == finding.rule.id()
    })
}

/// UniDic's mora count of each speech, an independent count: (speech, morae).
pub fn unidic_morae() -> Vec<(String, usize)> {
    rows("unidic-morae.tsv")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().expect("a count")))
        .collect()
}

/// Katakana as heard, so that a reading as spelled (the gold's トウキョウ, 私ハ) and one as
/// pronounced (Podium's トーキョー, ワタシワ) compare equal: ー and the vowel that lengthens
/// (オウ, エイ) become the vowel itself, the particles' ハ ヘ ヲ their sounds, ヂ ヅ as ジ ズ.
pub fn as_heard(kana: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in mora::to_katakana(kana).chars() {
        let c = match c {
            'ハ' => 'ワ',
            'ヘ' => 'エ',
            'ヲ' => 'オ',
            'ヂ' => 'ジ',
            'ヅ' => 'ズ',
            c => c,
        };
        let previous = out.last().copied().and_then(vowel);
        let c = match (previous, c) {
            (Some(v), 'ー') => v,
            (Some('オ'), 'ウ') => 'オ',
            (Some('エ'), 'イ') => 'エ',
            _ => c,
        };
        if mora::is_kana(c) {
            out.push(c);
        }
    }
    // 言う is spelled イウ and said ユウ (という: トイウ, トユウ).
    out.into_iter().collect::<String>().replace("イウ", "ユウ")
}

/// The vowel a katakana ends in.
fn vowel(c: char) -> Option<char> {
    const ROWS: [(char, &str); 5] = [
        ('ア', "アァカガサザタダナハバパマャヤラワヮ"),
        ('イ', "イィキギシジチヂニヒビピミリヰ"),
        ('ウ', "ウゥクグスズツヅヌフブプムュユルヴ"),
        ('エ', "エェケゲセゼテデネヘベペメレヱ"),
        ('オ', "オォコゴソゾトドノホボポモョヨロヲ"),
    ];
    ROWS.iter()
        .find(|(_, row)| row.contains(c))
        .map(|(vowel, _)| *vowel)
}

/// Where an item's surface sits in the speech: a byte range of the speech's text.
pub fn locate(speech: &Speech, item: &GoldItem) -> Option<std::ops::Range<usize>> {
    let line_start: usize = speech
        .text
        .split_inclusive('\n')
        .take(item.line - 1)
        .map(str::len)
        .sum();
    let line = speech.text[line_start..].lines().next()?;
    let context = line.find(&item.context)?;
    let surface = item.context.find(&item.surface)?;
    let start = line_start + context + surface;
    Some(start..start + item.surface.len())
}

/// Podium's reading of a stretch of the speech: the kana of the parts that cover it, and
/// whether they cover exactly the stretch. A part that reaches past either end (a word the
/// surface cuts) is taken whole: the item is then right only if the gold reading is found
/// inside.
pub fn reading_of(
    readings: &[SentenceReading],
    range: &std::ops::Range<usize>,
    source: &str,
) -> Option<(String, bool)> {
    let sentence = readings
        .iter()
        .find(|r| r.span.start() <= range.start && range.end <= r.span.end())?;
    // The parts are the sentence's printed text in order; walk the source alongside them.
    let mut at = sentence.span.start();
    let mut kana = String::new();
    let mut whole = true;
    for part in sentence.parts.iter() {
        let found = source[at..sentence.span.end()].find(part.text.as_str());
        let Some(found) = found else { continue };
        let start = at + found;
        let end = start + part.text.len();
        at = end;
        if end > range.start && start < range.end {
            kana.push_str(&part.kana);
            whole &= start >= range.start && end <= range.end;
        }
    }
    Some((kana, whole))
}

/// Whether Podium read an item right: its reading, as heard, is the gold's (or holds it, when
/// a word reaches past the surface).
pub fn item_right(ours: &str, gold: &str, whole: bool) -> bool {
    let (ours, gold) = (as_heard(ours), as_heard(gold));
    if whole {
        ours == gold
    } else {
        ours.contains(&gold)
    }
}

/// Words of one sentence read right against its gold reading: Podium's parts that are read
/// (not silent) are aligned with the gold by edit distance over kana as heard; a word is right
/// when every kana of it matches and nothing is inserted inside it. (right, words).
pub fn words_right(reading: &SentenceReading, gold: &str) -> (usize, usize) {
    // As heard over the whole sentence (a long vowel can be the next word's first kana: て|いる
    // is heard テエル), then cut back into words: `as_heard` keeps one character per kana.
    let lengths: Vec<usize> = reading
        .parts
        .iter()
        .map(|p| {
            mora::to_katakana(&p.kana)
                .chars()
                .filter(|c| mora::is_kana(*c))
                .count()
        })
        .filter(|n| *n > 0)
        .collect();
    let spoken: String = reading.parts.iter().map(|p| p.kana.as_str()).collect();
    let ours: Vec<char> = as_heard(&spoken).chars().collect();
    let gold: Vec<char> = as_heard(gold).chars().collect();
    let ok = aligned_matches(&ours, &gold);
    let mut at = 0;
    let mut right = 0;
    for length in &lengths {
        if ok[at..at + length].iter().all(|&m| m) {
            right += 1;
        }
        at += length;
    }
    (right, lengths.len())
}

/// For each character of `a`: whether an optimal alignment with `b` matches it (and no
/// character of `b` is inserted right before it).
fn aligned_matches(a: &[char], b: &[char]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
        }
    }
    let mut ok = vec![false; n];
    let (mut i, mut j) = (n, m);
    let mut inserted_after = false;
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]) {
            ok[i - 1] = a[i - 1] == b[j - 1] && !inserted_after;
            inserted_after = false;
            i -= 1;
            j -= 1;
        } else if i > 0 && d[i][j] == d[i - 1][j] + 1 {
            inserted_after = false;
            i -= 1;
        } else {
            // A gold character Podium did not say: the word after it is not right.
            if i < n {
                ok[i] = false;
            }
            inserted_after = true;
            j -= 1;
        }
    }
    ok
}

/// The same speech with its lines broken differently: every line break inside a paragraph
/// removed, one after every sentence, and one after every 、. Timing must not change.
pub fn rebroken(text: &str) -> Vec<(&'static str, String)> {
    // Paragraphs are separated by blank lines (a line of spaces is blank, as in Markdown).
    let mut paragraphs: Vec<String> = vec![String::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if !paragraphs.last().is_some_and(String::is_empty) {
                paragraphs.push(String::new());
            }
        } else {
            paragraphs.last_mut().unwrap().push_str(line.trim_end());
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    let joined = paragraphs.join("\n\n");
    let after = |marks: &[char]| {
        let mut out = String::new();
        for c in joined.chars() {
            out.push(c);
            if marks.contains(&c) {
                out.push('\n');
            }
        }
        out.replace("\n\n\n", "\n\n")
    };
    vec![
        ("joined", joined.clone()),
        ("a sentence a line", after(&['。'])),
        ("broken at every 、", after(&['、', '。'])),
    ]
}
