//! Pasted HTML, piece by piece (Word's whole documents are in `tests/docx.rs`).

use super::*;

fn word(body: &str) -> String {
    format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>p.MsoNormal {{}}\r\n</style></head><body>{body}</body></html>"
    )
}

fn pasted(body: &str) -> Pasted {
    paste(&word(body), "plain").unwrap()
}

#[test]
fn a_web_page_pastes_as_its_plain_text() {
    let page = "<h2>お知らせ</h2><p>本文</p>";
    let text = paste(page, "お知らせ\r\n本文").unwrap();
    assert_eq!(
        text,
        Pasted {
            text: "お知らせ\n本文".into(),
            notes: vec![]
        }
    );
}

#[test]
fn white_space_as_html_shows_it() {
    let text = pasted("<p class=MsoNormal>全庁を挙げて\r\n取り組みます。ＤＸ and\r\n  AI の話。<br>\r\n次の行&nbsp;&nbsp;です。</p>").text;
    assert_eq!(
        text,
        "全庁を挙げて取り組みます。ＤＸ and AI の話。\n次の行  です。"
    );
}

#[test]
fn what_is_not_text_is_left_out() {
    let text = pasted(
        "<p class=MsoNormal>見える<span style='display:none'>隠し</span><span style='mso-hide:all'>隠し</span>文<script>alert(1)</script><style>p{}</style><rp>(</rp></p><title>題</title>",
    )
    .text;
    assert_eq!(text, "見える文");
}

#[test]
fn html_lists_number_as_shown() {
    let text =
        pasted("<ol start=3><li><p>三つ目</p></li><li>四つ目</li></ol><ul><li>点</li></ul>").text;
    assert_eq!(text, "3. 三つ目\n\n4. 四つ目\n\n・点");
}

#[test]
fn ruby_with_several_bases_and_readings() {
    let text = pasted("<p><ruby>漢<rt>かん</rt>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>と<ruby><rb>邁進</rb><rt>まいしん</rt></ruby></p>").text;
    assert_eq!(text, "{漢|かん}{字|じ}と{邁進|まいしん}");
}

#[test]
fn a_paste_inside_a_line_stays_in_it() {
    assert_eq!(
        pasted("<p class=MsoNormal>一文だけ。</p>").text,
        "一文だけ。"
    );
    assert_eq!(pasted("").text, "");
}

#[test]
fn huge_clipboards_are_refused() {
    let huge = "あ".repeat(MAX_DRAFT_BYTES / 3 + 1);
    // Plain text over the draft's limit; a document's HTML whose text is.
    assert!(matches!(paste("", &huge), Err(InputError::TooLarge { .. })));
    let document = format!("<p class=MsoNormal>{huge}</p>");
    assert!(matches!(
        paste(&document, ""),
        Err(InputError::TooLarge { .. })
    ));
    // Markup over the file limit, whatever its text.
    let markup = "<p class=MsoNormal></p>".repeat(MAX_FILE_BYTES / 20);
    assert!(matches!(
        paste(&markup, "短い。"),
        Err(InputError::TooLarge { .. })
    ));
    // A word processor's markup many times its text is read: its text is what counts.
    let styled = "<span style='mso-fareast-font-family:游明朝'>あ</span>".repeat(40_000);
    let pasted = paste(&format!("<p class=MsoNormal>{styled}</p>"), "").unwrap();
    assert_eq!(pasted.text.chars().count(), 40_000);
}
