//! What a paragraph's style and list make of it: `word/styles.xml` (which styles are headings,
//! which carry a list) and `word/numbering.xml` (the number or bullet each list paragraph
//! shows, counted as Word counts it).

use super::{attribute, malformed, InputError, MAX_DEPTH};
use crate::input::dialect::HeadingStyle;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// How far `w:basedOn` and `w:numStyleLink` chains are followed (they may loop).
const MAX_CHAIN: usize = 16;
/// Word's list levels: `w:ilvl` 0–8.
const LEVELS: usize = 9;

/// A paragraph's list: `w:numId` and `w:ilvl`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ListRef {
    pub id: Option<String>,
    pub level: Option<u8>,
}

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline_level: Option<u8>,
    list: Option<ListRef>,
}

/// The paragraph styles of `word/styles.xml`, by `w:styleId`.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    pub fn read(xml: &str, part: &str) -> Result<Styles, InputError> {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        each_element(xml, part, |element, _| {
            let name = element.local_name();
            if name.as_ref() == "style" {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
                current = attribute(element, "styleId").map(|id| (id, Style::default()));
                return;
            }
            let Some((_, style)) = current.as_mut() else {
                return;
            };
            let value = || attribute(element, "val");
            match name.as_ref() {
                "name" => style.name = value().unwrap_or_default(),
                "basedOn" => style.based_on = value(),
                "outlineLvl" => style.outline_level = value().and_then(|v| v.parse().ok()),
                "numId" => style.list.get_or_insert_with(ListRef::default).id = value(),
                "ilvl" => {
                    style.list.get_or_insert_with(ListRef::default).level =
                        value().and_then(|v| v.parse().ok());
                }
                _ => {}
            }
        })?;
        if let Some((id, style)) = current {
            styles.by_id.insert(id, style);
        }
        Ok(styles)
    }

    /// The heading a style makes (following `w:basedOn`): by its name (`heading 1`, `見出し 1`,
    /// `Title`, `表題`; the style's id when it has no name), else by its outline level.
    pub fn heading(&self, id: &str) -> Option<HeadingStyle> {
        let mut id = id.to_owned();
        for _ in 0..MAX_CHAIN {
            let Some(style) = self.by_id.get(&id) else {
                return heading_by_name(&id);
            };
            let name = if style.name.is_empty() {
                &id
            } else {
                &style.name
            };
            if let Some(heading) = heading_by_name(name) {
                return Some(heading);
            }
            if let Some(level) = style.outline_level.filter(|level| *level < 9) {
                return Some(HeadingStyle::Level(level + 1));
            }
            id = style.based_on.clone()?;
        }
        None
    }

    /// The list a style puts its paragraphs in (following `w:basedOn`).
    pub fn list(&self, id: &str) -> Option<ListRef> {
        let mut id = id;
        for _ in 0..MAX_CHAIN {
            let style = self.by_id.get(id)?;
            if let Some(list) = &style.list {
                return Some(list.clone());
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// `heading 1` … `heading 9`, `見出し 1`, `Heading1` (an id), `Title`, `表題`.
fn heading_by_name(name: &str) -> Option<HeadingStyle> {
    let name = name.trim().to_lowercase();
    if name == "title" || name == "表題" {
        return Some(HeadingStyle::Title);
    }
    let number = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("見出し"))?
        .trim();
    let digit = number.chars().next().and_then(|c| match c {
        '１'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => c.to_digit(10),
    })?;
    (number.chars().count() == 1 && (1..=9).contains(&digit))
        .then_some(HeadingStyle::Level(digit as u8))
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct AbstractList {
    levels: Vec<Level>,
    /// A list style this one stands for (`w:numStyleLink`).
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct List {
    abstract_id: String,
    /// `w:startOverride` by level.
    starts: HashMap<u8, u32>,
}

/// The lists of `word/numbering.xml` and where each one has counted to.
#[derive(Debug, Default)]
pub(super) struct Lists {
    abstracts: HashMap<String, AbstractList>,
    lists: HashMap<String, List>,
    /// Counters by abstract list (lists that share one continue its numbers, as in Word).
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    /// Lists already used (a `w:startOverride` restarts the count at a list's first use).
    used: HashSet<String>,
}

impl Lists {
    pub fn read(xml: &str, part: &str) -> Result<Lists, InputError> {
        let mut lists = Lists::default();
        let (mut abstract_id, mut level, mut list_id, mut override_level) =
            (None::<String>, None::<usize>, None::<String>, None::<u8>);
        each_element(xml, part, |element, _| {
            let value = || attribute(element, "val");
            match element.local_name().as_ref() {
                "abstractNum" => {
                    (abstract_id, list_id) = (attribute(element, "abstractNumId"), None);
                    if let Some(id) = &abstract_id {
                        lists.abstracts.entry(id.clone()).or_default();
                    }
                }
                "num" => {
                    (abstract_id, list_id) = (None, attribute(element, "numId"));
                    if let Some(id) = &list_id {
                        lists.lists.entry(id.clone()).or_default();
                    }
                }
                "lvl" => {
                    level = attribute(element, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .filter(|level| *level < LEVELS);
                }
                "lvlOverride" => {
                    override_level = attribute(element, "ilvl").and_then(|v| v.parse().ok());
                }
                name => {
                    if let Some(list) = list_id.as_ref().and_then(|id| lists.lists.get_mut(id)) {
                        match name {
                            "abstractNumId" => list.abstract_id = value().unwrap_or_default(),
                            "startOverride" => {
                                if let (Some(at), Some(start)) =
                                    (override_level, value().and_then(|v| v.parse().ok()))
                                {
                                    list.starts.insert(at, start);
                                }
                            }
                            _ => {}
                        }
                        return;
                    }
                    let Some(list) = abstract_id
                        .as_ref()
                        .and_then(|id| lists.abstracts.get_mut(id))
                    else {
                        return;
                    };
                    if name == "numStyleLink" {
                        list.style_link = value();
                        return;
                    }
                    let Some(at) = level else { return };
                    if list.levels.len() <= at {
                        list.levels.resize_with(at + 1, || Level {
                            start: 1,
                            ..Level::default()
                        });
                    }
                    let level = &mut list.levels[at];
                    match name {
                        "start" => level.start = value().and_then(|v| v.parse().ok()).unwrap_or(1),
                        "numFmt" => level.format = value().unwrap_or_default(),
                        "lvlText" => level.text = value().unwrap_or_default(),
                        _ => {}
                    }
                }
            }
        })?;
        Ok(lists)
    }

    /// The next number (or bullet) of list `id` at `level`, as the reader saw it: `①`,
    /// `1.`, `（１）`, `ア`, `・`. `None` for no list, or a level that shows nothing.
    pub fn next(&mut self, styles: &Styles, id: &str, level: u8) -> Option<String> {
        let at = usize::from(level).min(LEVELS - 1);
        let list = self.lists.get(id)?;
        let abstract_id = self.resolve(styles, &list.abstract_id)?;
        let levels = &self.abstracts.get(&abstract_id)?.levels;
        let shown = levels.get(at)?;
        let restart = !self.used.contains(id) && list.starts.contains_key(&(at as u8));
        let counters = self.counters.entry(abstract_id).or_default();
        let start = |at: usize| {
            list.starts
                .get(&(at as u8))
                .copied()
                .or_else(|| levels.get(at).map(|level| level.start))
                .unwrap_or(1)
        };
        counters[at] = match counters[at] {
            Some(n) if !restart => Some(n.saturating_add(1)),
            _ => Some(start(at)),
        };
        for deeper in counters.iter_mut().skip(at + 1) {
            *deeper = None;
        }
        self.used.insert(id.to_owned());
        if shown.format == "bullet" {
            return Some("・".to_owned());
        }
        let mut text = String::new();
        let mut chars = shown.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(n @ 1..=9)) => {
                    chars.next();
                    let of = n as usize - 1;
                    let value = counters[of].unwrap_or_else(|| start(of));
                    let format = levels.get(of).map_or("decimal", |level| &level.format);
                    text.push_str(&format_number(value, format));
                }
                _ => text.push(c),
            }
        }
        (!text.trim().is_empty()).then_some(text)
    }

    /// The abstract list an abstract list stands for, through `w:numStyleLink` → the list
    /// style's list.
    fn resolve(&self, styles: &Styles, abstract_id: &str) -> Option<String> {
        let mut id = abstract_id.to_owned();
        for _ in 0..MAX_CHAIN {
            let Some(link) = &self.abstracts.get(&id)?.style_link else {
                return Some(id);
            };
            let list = styles.list(link)?.id?;
            id = self.lists.get(&list)?.abstract_id.clone();
        }
        None
    }
}

/// Calls `each` with every start (or empty) element and its depth; fails on malformed XML.
pub(super) fn each_element(
    xml: &str,
    part: &str,
    mut each: impl FnMut(&BytesStart, usize),
) -> Result<(), InputError> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| malformed(part, reader.error_position(), error))?;
        match event {
            Event::Start(element) => {
                each(&element, depth);
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(malformed(
                        part,
                        reader.buffer_position(),
                        "nested too deeply",
                    ));
                }
            }
            Event::Empty(element) => each(&element, depth),
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof if depth > 0 => {
                return Err(malformed(part, reader.buffer_position(), "cut off"));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A list number in one of Word's formats (`w:numFmt`); decimal for the ones not known.
fn format_number(n: u32, format: &str) -> String {
    const AIUEO: &str = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    const AIUEO_HALF: &str = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
    const IROHA: &str = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const ZODIAC: &str = "子丑寅卯辰巳午未申酉戌亥";
    let cycle = |set: &str| {
        let chars: Vec<char> = set.chars().collect();
        let index = (n.max(1) as usize - 1) % chars.len();
        chars[index].to_string()
    };
    match format {
        "none" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| d.to_digit(10).and_then(|d| char::from_u32(0xFF10 + d)))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => circled(n),
        "decimalEnclosedParen" if (1..=20).contains(&n) => {
            char::from_u32(0x2473 + n).map_or_else(|| n.to_string(), String::from)
        }
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => {
            char::from_u32(0x2487 + n).map_or_else(|| n.to_string(), String::from)
        }
        "upperLetter" | "lowerLetter" => {
            let letter = char::from(b'A' + ((n.max(1) - 1) % 26) as u8);
            let text = letter
                .to_string()
                .repeat(((n.max(1) - 1) / 26 + 1) as usize);
            match format {
                "lowerLetter" => text.to_lowercase(),
                _ => text,
            }
        }
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "aiueoFullWidth" => cycle(AIUEO),
        "aiueo" => cycle(AIUEO_HALF),
        "iroha" | "irohaFullWidth" => cycle(IROHA),
        "ideographTraditional" => cycle(STEMS),
        "ideographZodiac" => cycle(ZODIAC),
        "ideographDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(d.to_digit(10).unwrap_or(0) as usize)
                    .unwrap_or('〇')
            })
            .collect(),
        "japaneseCounting"
        | "chineseCounting"
        | "chineseCountingThousand"
        | "ideographLegalTraditional"
        | "japaneseLegal"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => kanji(n),
        _ => n.to_string(),
    }
}

/// ①–⑳, ㉑–㉟, ㊱–㊿; beyond, the number.
fn circled(n: u32) -> String {
    let code = match n {
        1..=20 => 0x245F + n,
        21..=35 => 0x3251 + n - 21,
        36..=50 => 0x32B1 + n - 36,
        _ => return n.to_string(),
    };
    char::from_u32(code).map_or_else(|| n.to_string(), String::from)
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut text = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            text.push_str(numeral);
            n -= value;
        }
    }
    text
}

/// 一, 十, 十一, 二十三, 百五, 千二百 (up to 9,999; beyond, the number).
fn kanji(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let mut text = String::new();
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十")] {
        let digit = (n / unit % 10) as usize;
        if digit > 0 {
            text.push_str(if digit == 1 { "" } else { DIGITS[digit] });
            text.push_str(name);
        }
    }
    text.push_str(DIGITS[(n % 10) as usize]);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_formats() {
        let shown = |n, format| format_number(n, format);
        assert_eq!(shown(3, "decimalEnclosedCircle"), "③");
        assert_eq!(shown(21, "decimalEnclosedCircle"), "㉑");
        assert_eq!(shown(50, "decimalEnclosedCircle"), "㊿");
        assert_eq!(shown(51, "decimalEnclosedCircle"), "51");
        assert_eq!(shown(12, "decimalFullWidth"), "１２");
        assert_eq!(shown(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(shown(2, "aiueoFullWidth"), "イ");
        assert_eq!(shown(3, "iroha"), "ハ");
        assert_eq!(shown(1, "ideographTraditional"), "甲");
        assert_eq!(shown(23, "japaneseCounting"), "二十三");
        assert_eq!(shown(1105, "japaneseCounting"), "千百五");
        assert_eq!(shown(14, "upperRoman"), "XIV");
        assert_eq!(shown(28, "lowerLetter"), "bb");
        assert_eq!(shown(7, "something new"), "7");
    }

    #[test]
    fn headings_by_style_name() {
        assert_eq!(heading_by_name("heading 2"), Some(HeadingStyle::Level(2)));
        assert_eq!(heading_by_name("見出し 1"), Some(HeadingStyle::Level(1)));
        assert_eq!(heading_by_name("見出し１"), Some(HeadingStyle::Level(1)));
        assert_eq!(heading_by_name("Heading3"), Some(HeadingStyle::Level(3)));
        assert_eq!(heading_by_name("表題"), Some(HeadingStyle::Title));
        assert_eq!(heading_by_name("Heading"), None);
        assert_eq!(heading_by_name("heading 10"), None);
    }
}
