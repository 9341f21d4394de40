//! The morphological dictionary: lindera over IPADIC, built from MeCab's sources.
//!
//! Debian's `mecab-ipadic` installs IPADIC's sources (EUC-JP CSV files, `matrix.def`,
//! `char.def`, `unk.def`) under `/usr/share/mecab/dic/ipadic`. The first time they are needed,
//! lindera's builder compiles them into its binary format in the cache folder
//! (`<cache>/podium/dictionary/ipadic-<key>`); later runs load that folder memory-mapped.
//! The key hashes the sources' names, sizes and modification times with lindera's format
//! version, so an updated package or a new lindera builds a fresh copy.
//!
//! A build writes into a temporary folder beside the final one and renames it into place, so
//! an interrupted build leaves nothing half-written and two processes building at once both
//! end with a complete dictionary.
//!
//! Windows has no mecab-ipadic: its installer and portable zip ship the built dictionary in
//! a `dictionary` folder beside the executable (`make package-windows` builds it with
//! `examples/build_dictionary.rs`). An [`Origin`] tries that folder first, then the cache.

use lindera::dictionary::{load_fs_dictionary, DictionaryBuilder, Metadata};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where Debian (and most Linux and BSD packages) install IPADIC's sources.
pub const DEBIAN_IPADIC: &str = "/usr/share/mecab/dic/ipadic";

/// The environment variable that points at another copy of IPADIC's sources.
pub const SOURCES_VARIABLE: &str = "PODIUM_IPADIC";

/// The folder beside the executable that holds a shipped, built dictionary.
pub const SHIPPED_FOLDER: &str = "dictionary";

/// Bumped when Podium changes how it builds the dictionary.
const BUILD_VERSION: u32 = 1;

/// A loaded dictionary, ready to split text into words.
pub struct Dictionary {
    pub(crate) segmenter: Segmenter,
    /// The built dictionary's folder.
    pub folder: PathBuf,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

/// Why there is no dictionary. Every feature still works at the character level without one.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("辞書のもと（IPADIC, mecab-ipadic パッケージ）が見つかりません: {0}")]
    SourcesMissing(PathBuf),
    #[error("キャッシュ用のフォルダーがありません")]
    NoCacheFolder,
    #[error("辞書を作れませんでした: {0}")]
    Build(String),
    #[error("辞書を読み込めませんでした: {0}")]
    Load(String),
    #[error("辞書のフォルダーに書き込めませんでした: {0}")]
    Io(#[from] std::io::Error),
}

/// How a dictionary was made available, for the CLI and the app to report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Provenance {
    /// Loaded from the copy shipped beside the program.
    Shipped,
    /// Loaded from the cache.
    Cached,
    /// Built from the sources just now, taking this long.
    Built(Duration),
}

/// IPADIC's sources: `PODIUM_IPADIC` when set, else Debian's folder.
pub fn default_sources() -> PathBuf {
    std::env::var_os(SOURCES_VARIABLE)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEBIAN_IPADIC))
}

/// The OS cache folder for built dictionaries (`~/.cache/podium/dictionary` on Linux).
pub fn default_cache() -> Option<PathBuf> {
    dirs::cache_dir().map(|dir| dir.join("podium").join("dictionary"))
}

/// Where a program's dictionary comes from, tried in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// A built dictionary shipped with the program, loaded as it is (never built or checked
    /// against `sources`).
    pub shipped: Option<PathBuf>,
    /// IPADIC's sources, built into `cache` the first time.
    pub sources: PathBuf,
    /// `None` when the OS has no cache folder.
    pub cache: Option<PathBuf>,
}

impl Origin {
    /// The running program's: the dictionary shipped beside its executable when there is one,
    /// else the one built from [`default_sources`] into [`default_cache`].
    pub fn of_this_program() -> Origin {
        Origin {
            shipped: shipped_beside_executable(),
            sources: default_sources(),
            cache: default_cache(),
        }
    }

    /// Built from `sources` into `cache`, ignoring any shipped copy (tests, benchmarks).
    pub fn built(sources: PathBuf, cache: Option<PathBuf>) -> Origin {
        Origin {
            shipped: None,
            sources,
            cache,
        }
    }

    /// Whether [`open_origin`] will build the dictionary first (seconds, not milliseconds).
    pub fn needs_build(&self) -> bool {
        self.shipped.is_none()
            && self.cache.as_deref().is_some_and(|cache| {
                built_folder(&self.sources, cache)
                    .is_ok_and(|folder| !folder.join("metadata.json").is_file())
            })
    }
}

/// `<folder of the executable>/dictionary` when it holds a built dictionary.
pub fn shipped_beside_executable() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let folder = exe.parent()?.join(SHIPPED_FOLDER);
    folder.join("metadata.json").is_file().then_some(folder)
}

/// Load the dictionary from where `origin` says: the shipped copy, else the cache (built from
/// the sources first when needed).
pub fn open_origin(origin: &Origin) -> Result<(Dictionary, Provenance), DictionaryError> {
    if let Some(folder) = &origin.shipped {
        return Ok((load(folder)?, Provenance::Shipped));
    }
    let cache = origin
        .cache
        .as_deref()
        .ok_or(DictionaryError::NoCacheFolder)?;
    open(&origin.sources, cache)
}

/// Load the dictionary built from `sources`, building it into `cache` first when needed.
pub fn open(sources: &Path, cache: &Path) -> Result<(Dictionary, Provenance), DictionaryError> {
    let folder = built_folder(sources, cache)?;
    let provenance = if folder.join("metadata.json").is_file() {
        Provenance::Cached
    } else {
        let started = Instant::now();
        build(sources, &folder)?;
        Provenance::Built(started.elapsed())
    };
    Ok((load(&folder)?, provenance))
}

/// Where the dictionary built from `sources` lives (whether built yet or not).
pub fn built_folder(sources: &Path, cache: &Path) -> Result<PathBuf, DictionaryError> {
    let key = sources_key(sources)?;
    Ok(cache.join(format!("ipadic-{key:016x}")))
}

/// Load a built dictionary, memory-mapped.
pub fn load(folder: &Path) -> Result<Dictionary, DictionaryError> {
    let dictionary =
        load_fs_dictionary(folder).map_err(|e| DictionaryError::Load(e.to_string()))?;
    Ok(Dictionary {
        segmenter: Segmenter::new(Mode::Normal, dictionary, None),
        folder: folder.to_path_buf(),
    })
}

/// Compile IPADIC's sources into `folder`.
pub fn build(sources: &Path, folder: &Path) -> Result<(), DictionaryError> {
    let parent = folder.parent().ok_or(DictionaryError::NoCacheFolder)?;
    fs::create_dir_all(parent)?;
    let staging = tempfile_dir(parent)?;
    let metadata = Metadata {
        name: "ipadic".to_string(),
        encoding: "EUC-JP".to_string(),
        ..Metadata::default()
    };
    DictionaryBuilder::new(metadata)
        .build_dictionary(sources, &staging)
        .map_err(|e| DictionaryError::Build(e.to_string()))?;
    match fs::rename(&staging, folder) {
        Ok(()) => Ok(()),
        // Another process finished first: its copy is as good as ours.
        Err(_) if folder.join("metadata.json").is_file() => {
            fs::remove_dir_all(&staging)?;
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            Err(e.into())
        }
    }
}

/// A fresh staging folder next to the final one (same file system, so the rename is atomic).
fn tempfile_dir(parent: &Path) -> Result<PathBuf, DictionaryError> {
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let path = parent.join(format!(".building-{pid}-{attempt}"));
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(DictionaryError::Build(
        "作業用フォルダーを作れませんでした".to_string(),
    ))
}

/// A hash of the sources (names, sizes, modification times) and the builder's versions.
fn sources_key(sources: &Path) -> Result<u64, DictionaryError> {
    let entries = fs::read_dir(sources).map_err(|_| missing(sources))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        files.push((entry.file_name(), meta.len(), modified));
    }
    if !files
        .iter()
        .any(|(name, _, _)| name.as_encoded_bytes() == b"matrix.def")
    {
        return Err(missing(sources));
    }
    files.sort();
    let mut hash = Fnv::default();
    hash.write(lindera::get_version().as_bytes());
    hash.write(&BUILD_VERSION.to_le_bytes());
    for (name, len, modified) in files {
        hash.write(name.as_encoded_bytes());
        hash.write(&len.to_le_bytes());
        hash.write(&modified.to_le_bytes());
    }
    Ok(hash.0)
}

fn missing(sources: &Path) -> DictionaryError {
    DictionaryError::SourcesMissing(sources.to_path_buf())
}

/// FNV-1a: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_sources_are_reported_not_built() {
        let cache = std::env::temp_dir().join("podium-no-dictionary-test");
        let error = open(Path::new("/nonexistent/ipadic"), &cache).unwrap_err();
        assert!(matches!(error, DictionaryError::SourcesMissing(_)));
        assert!(error.to_string().contains("mecab-ipadic"));
    }

    #[test]
    fn a_shipped_dictionary_comes_first_and_no_cache_is_reported() {
        let origin = Origin {
            shipped: Some(PathBuf::from("/nonexistent/shipped")),
            sources: PathBuf::from("/nonexistent/ipadic"),
            cache: None,
        };
        // The shipped copy is loaded, not the sources built: its own error is the one seen.
        assert!(!origin.needs_build());
        let error = open_origin(&origin).unwrap_err();
        assert!(matches!(error, DictionaryError::Load(_)), "{error:?}");
        let error = open_origin(&Origin::built(origin.sources, None)).unwrap_err();
        assert!(matches!(error, DictionaryError::NoCacheFolder), "{error:?}");
    }

    #[test]
    fn the_key_changes_when_a_source_changes() {
        let dir = std::env::temp_dir().join(format!("podium-key-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("matrix.def"), "1 1\n0 0 0\n").unwrap();
        let before = sources_key(&dir).unwrap();
        fs::write(dir.join("Noun.csv"), "x").unwrap();
        let after = sources_key(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_ne!(before, after);
    }
}
