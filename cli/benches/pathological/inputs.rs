//! The pathological inputs of `make bench-pathological`: each a generator of about `n` bytes
//! of one kind of text that once took the CLI minutes or gigabytes (issue 18, item 3).

pub type Generator = fn(usize) -> String;

/// (name, what it is, generator of about `n` bytes).
pub const INPUTS: &[(&str, &str, Generator)] = &[
    ("speech", "a real address repeated", speech),
    ("url", "one URL", url),
    ("ascii-line", "one line of ASCII words", ascii_line),
    ("ascii-run", "one line of one letter", ascii_run),
    ("headings", "## headings, one a line", headings),
    ("bidi", "bidi overrides between kana", bidi),
    ("html-a", "`<a ` repeated", html_a),
    (
        "long-sentence",
        "sentences, then one long sentence",
        long_sentence,
    ),
    (
        "jp-no-period",
        "one paragraph of Japanese without 。",
        japanese_no_period,
    ),
    ("ruby", "`{漢|かん}` repeated", ruby),
    ("pauses", "`[[間]]` repeated", pauses),
    ("unclosed", "`[[あ` and `{漢|` never closed", unclosed),
    ("quotes", "`>>>>…` nested block quotes", quotes),
    ("lists", "`- - - -…` nested lists", lists),
    ("pipes", "a table of pipes", pipes),
    ("links", "links", links),
    ("emphasis", "`*強調*_` and stray delimiters", emphasis),
    ("digits", "one line of digits", digits),
    ("commas", "`、` repeated", commas),
    ("kanji-run", "one kanji repeated", kanji_run),
    ("sentences", "`はい。` repeated", sentences),
    ("findings", "doubled phrases and mixed style", findings),
    ("variants", "表記ゆれ in every sentence", variants),
    ("crlf", "lines ending in CRLF and LF", crlf),
    ("base64", "one line of base64", base64),
];

/// `unit` repeated until the text has about `n` bytes.
fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len()).max(1))
}

/// `items` cycled, each followed by `sep`, until the text has about `n` bytes.
fn cycle_to(items: &[&str], sep: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 64);
    for item in items.iter().cycle() {
        if out.len() + item.len() + sep.len() > n {
            break;
        }
        out.push_str(item);
        out.push_str(sep);
    }
    out
}

fn speech(n: usize) -> String {
    let address = include_str!("../../../tests/data/address.md");
    let body = address
        .split_once("\n## ")
        .map_or(address, |(_, rest)| rest);
    let mut out = String::from("# 長い演説\n");
    while out.len() + body.len() + 4 < n {
        out.push_str("\n## ");
        out.push_str(body);
    }
    out
}

fn url(n: usize) -> String {
    let mut out = String::from("詳しくは https://example.com/");
    out.push_str(&repeat_to(
        "path/abc123/DEF-456_ghi?x=1&y=2#7",
        n - out.len() - 40,
    ));
    out.push_str(" をご覧ください。\n");
    out
}

fn ascii_line(n: usize) -> String {
    repeat_to("The quick brown fox jumps over the lazy dog, 1 2 3. ", n) + "\n"
}

fn ascii_run(n: usize) -> String {
    repeat_to("a", n) + "\n"
}

fn headings(n: usize) -> String {
    cycle_to(
        &[
            "## ① 人づくり",
            "## 結びに",
            "## 見出し",
            "### 小見出し",
            "# 題",
        ],
        "\n",
        n,
    )
}

fn bidi(n: usize) -> String {
    cycle_to(&["あ\u{202E}い\u{2066}う\u{200F}え\u{0007}お"], "", n) + "\n"
}

fn html_a(n: usize) -> String {
    repeat_to("<a ", n)
}

fn long_sentence(n: usize) -> String {
    let mut out = cycle_to(
        &["本日は晴天です。", "市民の皆さんと共に歩みます。"],
        "",
        n / 2,
    );
    out.push_str("\n\n");
    out.push_str(&repeat_to(
        "市民の皆さんと共に未来を築いていくために",
        n / 2,
    ));
    out.push('\n');
    out
}

fn japanese_no_period(n: usize) -> String {
    repeat_to(
        "市民の皆さんとともに未来を築いていきたいと考えております",
        n,
    ) + "\n"
}

fn ruby(n: usize) -> String {
    repeat_to("{漢|かん}", n) + "\n"
}

fn pauses(n: usize) -> String {
    repeat_to("[[間]]", n) + "\n"
}

fn unclosed(n: usize) -> String {
    cycle_to(&["[[あ", "{漢|", "《", "｜"], "", n) + "\n"
}

fn quotes(n: usize) -> String {
    repeat_to(">", n - 20) + " 引用です。\n"
}

fn lists(n: usize) -> String {
    repeat_to("- ", n - 20) + "項目です。\n"
}

fn pipes(n: usize) -> String {
    let mut out = String::from("| 項目 | 値 | 備考 |\n|---|---|---|\n");
    out.push_str(&cycle_to(
        &["| 市民 | 100 | あ |", "||||||||||||||||"],
        "\n",
        n,
    ));
    out
}

fn links(n: usize) -> String {
    cycle_to(
        &[
            "[市のサイト](https://example.com/a)",
            "[詳細](javascript:alert(1))",
            "<https://example.com/b>",
            "[参照][ref]",
        ],
        " ",
        n - 40,
    ) + "\n\n[ref]: https://example.com/ref\n"
}

fn emphasis(n: usize) -> String {
    cycle_to(&["*強調*", "**太字**", "_あ", "*", "**", "`", "~"], "", n) + "\n"
}

fn digits(n: usize) -> String {
    repeat_to("1234567890", n) + "\n"
}

fn commas(n: usize) -> String {
    repeat_to("、", n) + "\n"
}

fn kanji_run(n: usize) -> String {
    repeat_to("漢", n) + "\n"
}

fn sentences(n: usize) -> String {
    repeat_to("はい。", n) + "\n"
}

fn findings(n: usize) -> String {
    cycle_to(
        &[
            "仕組みを仕組みを整えます。",
            "計画をを進めるのだ。",
            "市立と私立の学校がある。",
        ],
        "",
        n,
    ) + "\n"
}

fn variants(n: usize) -> String {
    cycle_to(
        &["取組を進めます。", "取り組みを進めます。", "子供と子ども。"],
        "\n\n",
        n,
    )
}

fn crlf(n: usize) -> String {
    cycle_to(
        &["本日は晴天です。\r", "市民の皆さん、\r\n", "\r\n"],
        "\n",
        n,
    )
}

fn base64(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(n + 2);
    let mut state: u32 = 12345;
    while out.len() < n - 2 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.push(ALPHABET[(state >> 16) as usize % 64] as char);
    }
    out.push_str("==\n");
    out
}
