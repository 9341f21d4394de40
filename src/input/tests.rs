use std::io;

use encoding_rs::{EUC_JP, SHIFT_JIS};

use super::*;

const SPEECH: &str =
    "# 年頭挨拶\r\n\r\n新年あけましておめでとうございます。年末年始も業務に従事された\
職員の皆さん、ありがとうございました。\r\n\r\n## ①人材の育成\r\n\r\n市民・企業・大学との共創を\
進めます。髙橋さん、﨑山さんにもお礼申し上げます。\r\n";

fn lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}

fn sjis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn invalid_at(result: Result<Decoded, InputError>) -> (SourceEncoding, usize) {
    match result {
        Err(InputError::InvalidEncoding { encoding, offset }) => (encoding, offset),
        other => panic!("expected InvalidEncoding, got {other:?}"),
    }
}

#[test]
fn utf8_with_and_without_bom() {
    let plain = decode("挨拶\n".as_bytes()).unwrap();
    assert_eq!(
        (plain.text.as_str(), plain.encoding),
        ("挨拶\n", SourceEncoding::Utf8)
    );
    let bom = decode(b"\xEF\xBB\xBF# \xE6\x8C\xA8").unwrap();
    assert_eq!(
        (bom.text.as_str(), bom.encoding),
        ("# 挨", SourceEncoding::Utf8Bom)
    );
    assert_eq!(decode(b"\xEF\xBB\xBF").unwrap().text, "");
}

#[test]
fn empty_input_is_an_empty_draft() {
    let empty = decode(b"").unwrap();
    assert_eq!(
        (empty.text.as_str(), empty.encoding),
        ("", SourceEncoding::Utf8)
    );
    assert!(!empty.had_crlf);
}

#[test]
fn line_endings_become_lf() {
    let crlf = decode(SPEECH.as_bytes()).unwrap();
    assert_eq!(crlf.text, lf(SPEECH));
    assert!(crlf.had_crlf);
    let mixed = decode(b"a\rb\r\nc\r").unwrap();
    assert_eq!((mixed.text.as_str(), mixed.had_crlf), ("a\nb\nc\n", true));
    let lone_cr = decode(b"a\rb").unwrap();
    assert_eq!((lone_cr.text.as_str(), lone_cr.had_crlf), ("a\nb", false));
    assert!(!decode(b"a\nb\n").unwrap().had_crlf);
}

#[test]
fn utf16_with_bom() {
    for (little_endian, encoding) in [
        (true, SourceEncoding::Utf16Le),
        (false, SourceEncoding::Utf16Be),
    ] {
        let decoded = decode(&utf16(SPEECH, little_endian)).unwrap();
        assert_eq!(decoded.encoding, encoding);
        assert_eq!(decoded.text, lf(SPEECH));
        assert!(decoded.had_crlf);
    }
}

#[test]
fn utf16_without_bom_is_decoded_when_it_is_plainly_text() {
    for (little_endian, encoding) in [
        (true, SourceEncoding::Utf16Le),
        (false, SourceEncoding::Utf16Be),
    ] {
        let bytes = utf16(SPEECH, little_endian);
        let decoded = decode(&bytes[2..]).unwrap();
        assert_eq!(decoded.encoding, encoding);
        assert_eq!(decoded.text, lf(SPEECH));
        let ascii = utf16("Hello\nworld\n", little_endian);
        assert_eq!(decode(&ascii[2..]).unwrap().text, "Hello\nworld\n");
    }
    // NULs on both sides of the pairs, or text without a line break: not UTF-16.
    assert!(matches!(
        decode(b"\0\0\0\x01\x02\0\n\0"),
        Err(InputError::Binary)
    ));
    assert!(matches!(
        decode(b"text\0more text"),
        Err(InputError::Binary)
    ));
}

#[test]
fn broken_utf16_is_refused_with_its_offset() {
    let mut odd = utf16("あ", true);
    odd.push(b'a');
    assert_eq!(invalid_at(decode(&odd)), (SourceEncoding::Utf16Le, 4));
    let lone_surrogate = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
    assert_eq!(
        invalid_at(decode(&lone_surrogate)),
        (SourceEncoding::Utf16Le, 4)
    );
    assert!(matches!(
        decode(&utf16("a\0b", false)),
        Err(InputError::Binary)
    ));
}

#[test]
fn shift_jis_japanese_decodes() {
    let decoded = decode(&sjis(SPEECH)).unwrap();
    assert_eq!(decoded.encoding, SourceEncoding::ShiftJis);
    assert_eq!(decoded.text, lf(SPEECH));
    assert!(decoded.had_crlf);
    let short = decode(&sjis("本日はお集まりいただき")).unwrap();
    assert_eq!(short.encoding, SourceEncoding::ShiftJis);
}

#[test]
fn latin1_and_windows_1252_are_not_taken_for_shift_jis() {
    assert_eq!(
        invalid_at(decode(b"caf\xe9 au lait")),
        (SourceEncoding::Utf8, 3)
    );
    assert_eq!(invalid_at(decode(b"\xe9t\xe9s")), (SourceEncoding::Utf8, 0));
    let cp1252 = b"The mayor\x92s address and the city\x92s plan";
    assert!(SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(cp1252)
        .is_some());
    assert_eq!(invalid_at(decode(cp1252)), (SourceEncoding::Utf8, 9));
}

#[test]
fn damaged_utf8_and_euc_jp_are_not_taken_for_shift_jis() {
    let bytes = SPEECH.as_bytes();
    assert!(!sjis::looks_japanese(bytes));
    let truncated = &bytes[..bytes.len() - 4];
    assert_eq!(
        invalid_at(decode(truncated)),
        (SourceEncoding::Utf8, truncated.len() - 1)
    );
    // Cut inside a character, these bytes decode cleanly as Shift_JIS mojibake (縺ゅ…).
    let cut = &"新年あけましておめでとうございます".as_bytes()[..35];
    assert!(SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(cut)
        .is_some());
    assert_eq!(invalid_at(decode(cut)), (SourceEncoding::Utf8, 33));
    let (euc, _, _) = EUC_JP.encode(SPEECH);
    assert_eq!(invalid_at(decode(&euc)).0, SourceEncoding::Utf8);
    assert!(!sjis::looks_japanese(&euc));
}

#[test]
fn invalid_utf8_after_a_bom_counts_the_bom() {
    assert_eq!(
        invalid_at(decode(b"\xEF\xBB\xBFa\xFF")),
        (SourceEncoding::Utf8Bom, 4)
    );
}

#[test]
fn binary_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert!(matches!(decode(png), Err(InputError::Binary)));
    assert!(matches!(decode(&png[..8]), Err(InputError::Binary)));
    assert!(matches!(
        decode(b"text\0more text"),
        Err(InputError::Binary)
    ));
    assert!(matches!(
        decode(b"ab\x01\x02cd\x03\x04efgh"),
        Err(InputError::Binary)
    ));
    assert!(decode(b"tab\there\x0cpage\r\n").is_ok());
}

#[test]
fn size_limit() {
    // A text of a megabyte imports; one over the draft's limit does not, nor any input over the
    // file limit.
    let line = "新年あけましておめでとうございます。\r\n";
    let big = line.repeat(1_000_000 / line.len() + 1);
    assert!(big.len() >= 1_000_000);
    let decoded = decode(big.as_bytes()).unwrap();
    assert_eq!(decoded.text.len(), big.len() - big.len() / line.len());
    let draft_limit = MAX_DRAFT_BYTES as u64;
    let too_big = vec![b'a'; MAX_DRAFT_BYTES + 1];
    assert!(matches!(
        decode(&too_big),
        Err(InputError::TooLarge { bytes: Some(n), limit }) if n == draft_limit + 1 && limit == draft_limit
    ));
    let way_too_big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(matches!(
        decode(&way_too_big),
        Err(InputError::TooLarge { bytes: Some(n), limit: LIMIT }) if n == LIMIT + 1
    ));
}

#[test]
fn read_path_refuses_a_huge_file_by_its_size() {
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(100 * 1024 * 1024).unwrap();
    let err = read_path(file.path()).unwrap_err();
    assert!(matches!(
        err,
        InputError::TooLarge {
            bytes: Some(104_857_600),
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "大きすぎます（100 MB、上限 16 MB）(too large: 100 MB, limit 16 MB)"
    );
}

#[test]
fn read_path_reads_and_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("挨拶.txt");
    std::fs::write(&path, sjis(SPEECH)).unwrap();
    let decoded = read_path(&path).unwrap();
    assert_eq!(
        (decoded.text, decoded.encoding),
        (lf(SPEECH), SourceEncoding::ShiftJis)
    );
    assert!(matches!(
        read_path(dir.path()),
        Err(InputError::IsDirectory)
    ));
    let missing = read_path(&dir.path().join("missing.md")).unwrap_err();
    assert!(matches!(missing, InputError::NotFound));
    assert_eq!(
        missing.to_string(),
        "ファイルが見つかりません (file not found)"
    );
}

#[test]
fn streams_are_cut_off_at_the_limit() {
    let err = read_bounded(io::repeat(b'a'), 0).unwrap_err();
    assert!(matches!(err, InputError::TooLarge { bytes: None, .. }));
    assert_eq!(
        err.to_string(),
        "大きすぎます（上限 16 MB を超えています）(too large: over the 16 MB limit)"
    );
    assert_eq!(read_bounded(&b"abc"[..], 3).unwrap(), b"abc");
}

#[test]
fn io_errors_are_explained() {
    let denied = InputError::from(io::Error::from(io::ErrorKind::PermissionDenied));
    assert_eq!(
        denied.to_string(),
        "ファイルを読む権限がありません (permission denied)"
    );
    let other = InputError::from(io::Error::other("disk on fire"));
    assert_eq!(
        other.to_string(),
        "読み込みに失敗しました (read error: disk on fire)"
    );
}

#[test]
fn messages() {
    assert_eq!(
        decode(b"abc\xff").unwrap_err().to_string(),
        "UTF-8 として不正なバイトがあります（4 バイト目）(invalid UTF-8 at byte 4)"
    );
    assert_eq!(
        InputError::Binary.to_string(),
        "バイナリファイルのため読み込めません (binary file, not text)"
    );
    assert_eq!(megabytes(LIMIT + 1), "16.1 MB");
}

#[test]
fn decode_never_panics() {
    const PICKS: [u8; 16] = [
        0x00, 0x0A, 0x0D, 0x1A, 0x40, 0x81, 0x82, 0x9F, 0xA0, 0xBB, 0xBF, 0xD8, 0xE3, 0xEF, 0xFE,
        0xFF,
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u8
    };
    for _ in 0..5_000 {
        let len = usize::from(next() % 64);
        let mut bytes: Vec<u8> = match next() % 4 {
            0 => b"\xEF\xBB\xBF".to_vec(),
            1 => vec![0xFF, 0xFE],
            2 => vec![0xFE, 0xFF],
            _ => Vec::new(),
        };
        for _ in 0..len {
            let b = next();
            bytes.push(if b & 1 == 0 {
                PICKS[usize::from(b >> 4)]
            } else {
                next()
            });
        }
        if let Ok(decoded) = decode(&bytes) {
            assert!(!decoded.text.contains('\r'), "{bytes:?}");
        }
    }
}

/// Shift_JIS as Windows writes it (CP932, Windows-31J; encoding_rs's Shift_JIS is WHATWG's,
/// which is Windows'): NEC row 13 (①, ㈱, ≒, №), NEC-selected and IBM extensions (ⅰ, 髙, 﨑)
/// and Windows' own mappings of JIS rows (0x8160 ～ U+FF5E, not JIS's 〜 U+301C; 0x817C －
/// U+FF0D, not −) decode; the bytes are written by hand, as Notepad and Excel write them.
#[test]
fn windows_31j_extended_characters_decode() {
    let mut cp932 = Vec::new();
    cp932.extend([0x87, 0x40]); // ①
    cp932.extend(sjis("本日は"));
    cp932.extend([0x87, 0x8A]); // ㈱
    cp932.extend(sjis("の皆さんと"));
    cp932.extend([0x87, 0x82]); // №
    cp932.extend(sjis("１、約"));
    cp932.extend([0x81, 0xE0]); // ≒
    cp932.extend(sjis("百人、"));
    cp932.extend([0x87, 0x90]); // ≒ (NEC's copy)
    cp932.extend([0xFA, 0x40]); // ⅰ (IBM)
    cp932.extend([0xFB, 0xFC]); // 髙 (IBM)
    cp932.extend([0xED, 0x95]); // 﨑 (NEC-selected IBM)
    cp932.extend(sjis("さん。十時"));
    cp932.extend([0x81, 0x60]); // ～
    cp932.extend(sjis("十一時、"));
    cp932.extend([0x81, 0x7C]); // －
    cp932.extend(sjis("です。\r\n"));
    let decoded = decode(&cp932).unwrap();
    assert_eq!(decoded.encoding, SourceEncoding::ShiftJis);
    assert_eq!(
        decoded.text,
        "①本日は㈱の皆さんと№１、約≒百人、≒ⅰ髙﨑さん。十時～十一時、－です。\n"
    );
    assert!(decoded.had_crlf);
}
