//! What the integration tests share: the fixtures folder and golden files.

use std::path::{Path, PathBuf};

/// A file of `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Compare with `tests/data/golden/<name>`, or write it when `UPDATE_GOLDEN` is set.
pub fn assert_golden(name: &str, actual: &str) {
    let path = data("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let folder = path.parent().expect("a golden file is in a folder");
        std::fs::create_dir_all(folder).expect("golden folder");
        std::fs::write(&path, actual).expect("golden file written");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}
