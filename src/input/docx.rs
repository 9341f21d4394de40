//! Word documents (.docx) → draft text in the speech dialect, with notes on what was left out.
//!
//! A .docx is a zip package: `word/document.xml` holds the text, `word/styles.xml` the
//! paragraph styles (which of them are headings), `word/numbering.xml` the list numbers. The
//! package is read with the `zip` crate, each part through a reader limited to what is left of
//! [`MAX_FILE_BYTES`] for all the parts together (the text that comes out: [`MAX_DRAFT_BYTES`]): the sizes a zip's headers claim are never
//! trusted, so a zip bomb stops at the limit, having used at most that much memory. The XML is
//! read with `quick-xml` as a stream of events: no DTD, no entity expansion, no tree.
//!
//! What Word's features become is written in [`body`] (and what every document's paragraphs
//! become in [`super::dialect`]); the numbers of Word's lists in [`numbering`]. A password-protected .docx is not a zip but an OLE compound file (as the old
//! `.doc` is): both are refused with a reason, as are a zip that holds no Word document and a
//! damaged package or XML.

mod body;
mod numbering;

use super::{Decoded, InputError, SourceEncoding, MAX_DRAFT_BYTES, MAX_FILE_BYTES};
use quick_xml::events::{BytesRef, BytesStart};
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// How every zip file starts (a local file header).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// How every OLE compound file starts: the old `.doc`, and an encrypted `.docx`.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// The stream an encrypted Office document keeps its package in, as the OLE directory names
/// it (UTF-16LE).
const ENCRYPTED_PACKAGE: &str = "EncryptedPackage";

const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";

/// Deepest XML nesting read (Word's own documents stay far below it).
const MAX_DEPTH: usize = 512;

pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

pub(super) fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_MAGIC)
}

/// Why an OLE compound file cannot be read: a password, or an old binary format.
pub(super) fn ole_error(bytes: &[u8]) -> InputError {
    let name: Vec<u8> = ENCRYPTED_PACKAGE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    match bytes.windows(name.len()).any(|window| window == name) {
        true => InputError::Encrypted,
        false => InputError::OldOffice,
    }
}

/// Reads a Word document's text (see the module documentation).
pub(super) fn read(bytes: &[u8]) -> Result<Decoded, InputError> {
    let mut package = Package {
        archive: ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?,
        left: MAX_FILE_BYTES as u64,
    };
    let document = package.part(DOCUMENT)?.ok_or(InputError::NotWord)?;
    let styles = match package.part(STYLES)? {
        Some(xml) => numbering::Styles::read(&xml, STYLES)?,
        None => numbering::Styles::default(),
    };
    let lists = match package.part(NUMBERING)? {
        Some(xml) => numbering::Lists::read(&xml, NUMBERING)?,
        None => numbering::Lists::default(),
    };
    let (text, counts) = body::read(&document, DOCUMENT, &styles, lists)?;
    if text.len() > MAX_DRAFT_BYTES {
        return Err(InputError::TooLarge {
            bytes: Some(text.len() as u64),
            limit: MAX_DRAFT_BYTES as u64,
        });
    }
    Ok(Decoded {
        text,
        encoding: SourceEncoding::Word,
        had_crlf: false,
        notes: counts.notes(),
    })
}

/// The package, and how many bytes its parts may still take once unpacked.
struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    left: u64,
}

impl Package<'_> {
    /// A part's text; `None` when the package has no such part. Reads at most what is left
    /// of the limit, whatever the zip's headers say the part's size is.
    fn part(&mut self, name: &str) -> Result<Option<String>, InputError> {
        let file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(damaged(error)),
        };
        let mut bytes = Vec::new();
        file.take(self.left + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| InputError::DamagedWord(format!("{name}: {error}")))?;
        let size = bytes.len() as u64;
        if size > self.left {
            return Err(InputError::UnpackedTooLarge {
                limit: MAX_FILE_BYTES as u64,
            });
        }
        self.left -= size;
        xml_text(bytes)
            .map(Some)
            .ok_or_else(|| InputError::DamagedWord(format!("{name}: not UTF-8 or UTF-16")))
    }
}

/// An XML part's bytes as text: UTF-8 (a BOM dropped), or UTF-16 with its BOM.
fn xml_text(bytes: Vec<u8>) -> Option<String> {
    let (encoding, rest) =
        encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_8, 0));
    if encoding == encoding_rs::UTF_8 {
        let mut bytes = bytes;
        bytes.drain(..rest);
        return String::from_utf8(bytes).ok();
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[rest..]);
    (!had_errors).then(|| text.into_owned())
}

fn damaged(error: ZipError) -> InputError {
    InputError::DamagedWord(error.to_string())
}

/// A malformed part: where in it, and what quick-xml found.
fn malformed(part: &str, position: u64, error: impl std::fmt::Display) -> InputError {
    InputError::DamagedWord(format!("{part}: malformed XML at byte {position}: {error}"))
}

/// The value of an element's attribute by its local name (`w:val` → `val`).
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == name)
        .and_then(|attribute| {
            attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|value| value.into_owned())
        })
}

/// The text an entity or character reference stands for (`&amp;`, `&#x3000;`); nothing for
/// any other name (a package has no DTD to declare one).
fn reference(reference: &BytesRef) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(&reference.xml10_content()).map(str::to_owned)
}

#[cfg(test)]
mod tests;
