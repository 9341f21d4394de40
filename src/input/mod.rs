//! Turns the bytes of an imported file (or stdin) into draft text, or refuses them with a reason
//! the user can read.
//!
//! Accepted: UTF-8 (with or without BOM), UTF-16LE/BE with a BOM or, when it is plain, without
//! one, and Shift_JIS (Windows-31J) when the bytes are not UTF-8 but read as Japanese; and Word
//! documents (.docx), known by their content (a zip holding `word/document.xml`), whatever the
//! file's name: [`docx`] turns them into the speech dialect, with [`ImportNote`]s on what it left
//! out. HTML pasted from Word becomes the same text ([`paste`]). Only regular files are read (a FIFO would wait for a writer forever). Every line ending
//! becomes `\n`.

mod dialect;
mod docx;
mod html;
mod sjis;
#[cfg(test)]
mod tests;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

pub use html::{paste, Pasted};

use encoding_rs::{DecoderResult, Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE};
use serde::{Deserialize, Serialize};

/// Largest draft, in bytes of text (2 MiB): some 700,000 Japanese characters, 35 hours read
/// aloud, where a long policy address is 60 KB; a 1 MB text imports, a 10 MB one is refused.
/// Every command handles any draft up to it in at most a few seconds and a few hundred MB
/// (`make bench-pathological`; SECURITY.md).
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

/// Largest file read (16 MiB), and the most markup unpacked from one: a Word document with its
/// pictures, the XML of its text, a word processor's pasted HTML, all many times the text that
/// comes out of them (which is held to [`MAX_DRAFT_BYTES`]).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

const LIMIT: u64 = MAX_FILE_BYTES as u64;

/// How far into the input the control-character heuristic looks.
const SNIFF_BYTES: usize = 8 * 1024;

/// The encoding the input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    ShiftJis,
    /// A Word document (.docx), its text read from its XML.
    Word,
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::ShiftJis => "Shift_JIS",
            Self::Word => "Word (.docx)",
        })
    }
}

/// Draft text decoded from an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text without BOM, every line ending (CRLF, lone CR) turned into `\n`.
    pub text: String,
    pub encoding: SourceEncoding,
    /// Whether the input had at least one CRLF.
    pub had_crlf: bool,
    /// What the input had that the text leaves out (a Word document's tables, comments …).
    pub notes: Vec<ImportNote>,
}

/// Something a Word document had that its draft leaves out, for the writer to know: shown in
/// the import report (the app) or on stderr (the CLI), never written into the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ImportNote {
    /// Tracked changes: the insertions kept, the deletions left out (the changes accepted).
    TrackedChanges {
        insertions: u32,
        deletions: u32,
    },
    Comments {
        count: u32,
    },
    /// Tables, their text included.
    Tables {
        count: u32,
    },
    /// Pictures, shapes, charts and text boxes.
    Drawings {
        count: u32,
    },
    /// Footnotes and endnotes.
    Footnotes {
        count: u32,
    },
}

/// Japanese first, English in brackets, as the CLI prints it (the UI has its own wording in
/// both languages).
impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TrackedChanges {
                insertions,
                deletions,
            } => write!(
                f,
                "変更履歴は承認した状態で取り込みました（挿入 {insertions} 件・削除 {deletions} 件）\
                 (tracked changes accepted: {insertions} insertions, {deletions} deletions)"
            ),
            Self::Comments { count } => write!(
                f,
                "コメント {count} 件は取り込んでいません ({count} comments left out)"
            ),
            Self::Tables { count } => write!(
                f,
                "表 {count} 個は取り込んでいません ({count} tables left out)"
            ),
            Self::Drawings { count } => write!(
                f,
                "図・画像・テキストボックス {count} 個は取り込んでいません \
                 ({count} pictures, shapes or text boxes left out)"
            ),
            Self::Footnotes { count } => write!(
                f,
                "脚注 {count} 件は取り込んでいません ({count} footnotes left out)"
            ),
        }
    }
}

/// Why an input was refused. Messages are Japanese first, English in parentheses; callers
/// prefix the file name.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("ファイルが見つかりません (file not found)")]
    NotFound,
    #[error("ファイルを読む権限がありません (permission denied)")]
    PermissionDenied,
    #[error("フォルダーは読み込めません (is a directory, not a file)")]
    IsDirectory,
    #[error("通常のファイルではないため読み込めません（FIFO・デバイスなど）(not a regular file: a FIFO, device or socket)")]
    NotAFile,
    /// `bytes` is `None` when a stream was cut off at the limit, its size unknown.
    #[error("{}", too_large_message(*.bytes, *.limit))]
    TooLarge { bytes: Option<u64>, limit: u64 },
    #[error("バイナリファイルのため読み込めません (binary file, not text)")]
    Binary,
    /// A zip that holds no `word/document.xml` (an .xlsx, an .odt, a plain zip).
    #[error("Word 文書（.docx）ではない ZIP ファイルのため読み込めません (a zip file, not a Word document)")]
    NotWord,
    /// A damaged package or malformed XML; the detail says where.
    #[error("Word 文書（.docx）が壊れているため読み込めません (damaged Word document: {0})")]
    DamagedWord(String),
    /// A zip bomb, or a document whose text is beyond the limit once unpacked.
    #[error("{}", unpacked_message(*.limit))]
    UnpackedTooLarge { limit: u64 },
    /// A password-protected Office document (an OLE file holding an encrypted package).
    #[error("パスワードで保護された文書は読み込めません。Word でパスワードを解除して保存し直してください (password-protected document: remove the password in Word and save it again)")]
    Encrypted,
    /// An OLE compound file without an encrypted package: Word 97–2003 (.doc) and the like.
    #[error("古い形式の Office 文書（Word 97-2003 の .doc など）は読み込めません。Word で .docx として保存し直してください (an old Office format such as .doc: save it as .docx in Word)")]
    OldOffice,
    /// `offset` counts from 0; the message counts from 1 ("N バイト目").
    #[error("{encoding} として不正なバイトがあります（{} バイト目）(invalid {encoding} at byte {})", .offset + 1, .offset + 1)]
    InvalidEncoding {
        encoding: SourceEncoding,
        offset: usize,
    },
    #[error("読み込みに失敗しました (read error: {0})")]
    Io(io::Error),
}

impl From<io::Error> for InputError {
    fn from(err: io::Error) -> Self {
        match err.kind() {
            io::ErrorKind::NotFound => Self::NotFound,
            io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            io::ErrorKind::IsADirectory => Self::IsDirectory,
            _ => Self::Io(err),
        }
    }
}

fn too_large_message(bytes: Option<u64>, limit: u64) -> String {
    match bytes {
        Some(n) => format!(
            "大きすぎます（{}、上限 {}）(too large: {}, limit {})",
            megabytes(n),
            megabytes(limit),
            megabytes(n),
            megabytes(limit)
        ),
        None => format!(
            "大きすぎます（上限 {} を超えています）(too large: over the {} limit)",
            megabytes(limit),
            megabytes(limit)
        ),
    }
}

fn unpacked_message(limit: u64) -> String {
    format!(
        "展開すると大きすぎます（上限 {} を超えています）(too large once unpacked: over the {} limit)",
        megabytes(limit),
        megabytes(limit)
    )
}

/// `bytes` in MB (of 1024², as Windows shows them), rounded up to a tenth.
fn megabytes(bytes: u64) -> String {
    let tenths = (u128::from(bytes) * 10).div_ceil(1 << 20);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        frac => format!("{}.{frac} MB", tenths / 10),
    }
}

/// Decodes a whole input; see the module documentation for what is accepted.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: Some(bytes.len() as u64),
            limit: LIMIT,
        });
    }
    if docx::is_zip(bytes) {
        return docx::read(bytes);
    }
    if bytes.len() > MAX_DRAFT_BYTES {
        return Err(InputError::TooLarge {
            bytes: Some(bytes.len() as u64),
            limit: MAX_DRAFT_BYTES as u64,
        });
    }
    if docx::is_ole(bytes) {
        return Err(docx::ole_error(bytes));
    }
    let (encoding, text) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        refuse_binary_bytes(rest)?;
        let text = std::str::from_utf8(rest).map_err(|e| InputError::InvalidEncoding {
            encoding: SourceEncoding::Utf8Bom,
            offset: e.valid_up_to() + 3,
        })?;
        (SourceEncoding::Utf8Bom, text.to_owned())
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            SourceEncoding::Utf16Le,
            decode_utf16(UTF_16LE, rest, SourceEncoding::Utf16Le)?,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            SourceEncoding::Utf16Be,
            decode_utf16(UTF_16BE, rest, SourceEncoding::Utf16Be)?,
        )
    } else if let Some(decoded) = utf16_without_bom(bytes) {
        decoded
    } else {
        refuse_binary_bytes(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => (SourceEncoding::Utf8, text.to_owned()),
            Err(e) => match decode_strict(SHIFT_JIS, bytes) {
                Ok(text) if sjis::looks_japanese(bytes) => (SourceEncoding::ShiftJis, text),
                _ => {
                    return Err(InputError::InvalidEncoding {
                        encoding: SourceEncoding::Utf8,
                        offset: e.valid_up_to(),
                    })
                }
            },
        }
    };
    let (text, had_crlf) = normalise_newlines(text);
    Ok(Decoded {
        text,
        encoding,
        had_crlf,
        notes: Vec::new(),
    })
}

/// Reads and decodes a file, refusing it by its metadata (not a regular file, too large)
/// before reading anything.
pub fn read_path(path: &Path) -> Result<Decoded, InputError> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    if !meta.is_file() {
        return Err(InputError::NotAFile);
    }
    if meta.len() > LIMIT {
        return Err(InputError::TooLarge {
            bytes: Some(meta.len()),
            limit: LIMIT,
        });
    }
    let file = open_without_waiting(path)?;
    // What was opened, in case the path was swapped for a FIFO since it was looked at.
    if !file.metadata()?.is_file() {
        return Err(InputError::NotAFile);
    }
    decode(&read_bounded(file, meta.len())?)
}

/// Opens for reading without waiting: opening a FIFO waits for a writer unless non-blocking.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

/// Reads and decodes standard input, reading at most [`MAX_FILE_BYTES`] + 1 bytes.
pub fn read_stdin() -> Result<Decoded, InputError> {
    decode(&read_bounded(io::stdin().lock(), 0)?)
}

/// Reads to the end, but never more than the limit + 1 bytes (files can grow, devices and pipes
/// have no size).
fn read_bounded(reader: impl Read, size_hint: u64) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::with_capacity(usize::try_from(size_hint.min(LIMIT)).unwrap_or(0) + 1);
    reader.take(LIMIT + 1).read_to_end(&mut buf)?;
    if buf.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: None,
            limit: LIMIT,
        });
    }
    Ok(buf)
}

/// Refuses an ASCII-compatible (UTF-8, Shift_JIS) input that looks binary.
fn refuse_binary_bytes(bytes: &[u8]) -> Result<(), InputError> {
    let sample = bytes.iter().take(SNIFF_BYTES).map(|&b| char::from(b));
    match looks_binary(bytes.contains(&0), sample) {
        true => Err(InputError::Binary),
        false => Ok(()),
    }
}

fn decode_utf16(
    encoding: &'static Encoding,
    bytes: &[u8],
    source: SourceEncoding,
) -> Result<String, InputError> {
    let text = decode_strict(encoding, bytes).map_err(|offset| InputError::InvalidEncoding {
        encoding: source,
        offset: offset + 2,
    })?;
    if looks_binary(text.contains('\0'), text.chars().take(SNIFF_BYTES / 2)) {
        return Err(InputError::Binary);
    }
    Ok(text)
}

/// UTF-16 without a BOM (as some tools save "Unicode" text): the NUL bytes of its ASCII
/// characters all fall on one side of each pair (high bytes: odd offsets in little-endian,
/// even ones in big-endian), the bytes decode strictly in that order, with at least one line
/// break, to text nineteen twentieths of which (in the sample) is Japanese, ASCII or common
/// symbols. None when unsure: the input is then judged as UTF-8 or Shift_JIS, or binary.
fn utf16_without_bom(bytes: &[u8]) -> Option<(SourceEncoding, String)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (source, encoding) = match (zeros_at(0), zeros_at(1)) {
        (0, odd) if odd > 0 => (SourceEncoding::Utf16Le, UTF_16LE),
        (even, 0) if even > 0 => (SourceEncoding::Utf16Be, UTF_16BE),
        _ => return None,
    };
    let text = decode_strict(encoding, bytes).ok()?;
    let sample: Vec<char> = text.chars().take(SNIFF_BYTES / 2).collect();
    let plausible = sample.iter().filter(|c| is_common_in_drafts(**c)).count();
    (text.contains('\n') && plausible * 20 >= sample.len() * 19).then_some((source, text))
}

/// Characters a Japanese draft is made of: ASCII text, Latin-1, punctuation and symbols
/// (① ■ ※ “ ”), kana and CJK punctuation, enclosed and compatibility characters (㈱ ㎡ 﨑),
/// kanji, full-width forms.
fn is_common_in_drafts(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{FF}' | '\u{2010}'..='\u{27BF}'
        | '\u{3000}'..='\u{30FF}' | '\u{3200}'..='\u{33FF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// A NUL anywhere, or more than one in twenty of the sampled characters being control
/// characters other than tab, LF, CR and form feed.
fn looks_binary(has_nul: bool, sample: impl Iterator<Item = char>) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if matches!(c, '\u{1}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}') {
            controls += 1;
        }
    }
    has_nul || controls * 20 > total
}

/// Decodes without BOM handling; a malformed sequence gives the offset where it starts.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::new();
    let mut read = 0;
    loop {
        let rest = &bytes[read..];
        out.reserve(
            decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(rest.len()),
        );
        let (result, n) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                return Err(read.saturating_sub(usize::from(bad) + usize::from(after)))
            }
        }
    }
}

/// Turns CRLF and lone CR into LF; reports whether any CRLF was seen.
fn normalise_newlines(text: String) -> (String, bool) {
    if !text.contains('\r') {
        return (text, false);
    }
    let mut out = String::with_capacity(text.len());
    let mut had_crlf = false;
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
            had_crlf = true;
        }
    }
    out.push_str(rest);
    (out, had_crlf)
}
