//! No circles between modules.
//!
//! Every crate of the workspace is read as source text; each module's references to other
//! modules of its crate become edges, and the graph must have no circle. The rule:
//!
//! - A module is a file (`a.rs`, `a/mod.rs`, `a/b.rs`); inline modules belong to their file.
//! - The circles are looked for among siblings: the top-level modules of a crate (`lint`,
//!   `japanese`, `store` …), then the children of each module (`store::drafts`,
//!   `store::revisions` …). A reference from anywhere inside `a` to anywhere inside `b` is an
//!   edge between the siblings `a` and `b` at the level where their paths part.
//! - A parent module and its children are one unit: a child using its parent's own items
//!   (`super::Rule`) and the parent using its children (`notation::check`) is no circle. A name
//!   the parent imports or re-exports (`pub use passage::Passage`) counts as the module it comes
//!   from, so a sibling circle cannot hide behind the parent's re-exports.
//! - Test code is left out, as cargo lets a dev-dependency point back at the crate: modules
//!   named `tests` (`tests.rs`, `tests/`) and items under `#[cfg(test)]`.
//! - References are `use` declarations (groups across lines, `self`, `super`, globs) and paths
//!   in code that start with `crate`, `self`, `super` or the crate's name; comments (docs
//!   included) and string literals are not code.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::Path;

mod source;
use source::{blank, paths, tokens, without_test_items};

/// A module's path from its crate's root: `["store", "drafts"]`; the root is `[]`.
type ModPath = Vec<String>;

/// The crates of the workspace whose modules must not form circles: a source folder (from the
/// workspace root) and the files in it that are not the library's (the binary's own modules).
/// Folders that do not exist (yet) are skipped.
const CRATES: &[(&str, &[&str])] = &[
    ("src", &["main.rs", "cli"]),
    ("src-tauri/src", &[]),
    ("app/src", &[]),
    ("cli/src", &[]),
];

#[test]
fn no_module_forms_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    let mut circles = Vec::new();
    for (folder, skip) in CRATES {
        let folder = root.join(folder);
        if !folder.is_dir() {
            continue;
        }
        let name = crate_name(&folder);
        circles.extend(circles_in_folder(&folder, &name, skip));
        checked += 1;
    }
    assert!(checked >= 2, "the core and the shell are always checked");
    assert!(
        circles.is_empty(),
        "modules in a circle:\n\n{}",
        circles.join("\n\n")
    );
}

/// The crate's name from the `Cargo.toml` beside its source folder (`podium-desktop` →
/// `podium_desktop`), the name its own binary can use for its library.
fn crate_name(folder: &Path) -> String {
    let manifest = folder.parent().map(|p| p.join("Cargo.toml"));
    let text = manifest
        .and_then(|m| fs::read_to_string(m).ok())
        .unwrap_or_default();
    let mut in_package = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package && line.starts_with("name") {
            if let Some(value) = line.split('"').nth(1) {
                return value.replace('-', "_");
            }
        }
    }
    "crate".to_string()
}

/// The circles among the modules of the crate whose sources are in `folder`, leaving out the
/// files and folders in `skip` (paths relative to `folder`).
fn circles_in_folder(folder: &Path, crate_name: &str, skip: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    read_folder(folder, folder, skip, &mut files);
    let shown = folder
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(folder);
    circles(crate_name, &format!("{}/", shown.display()), &files)
}

fn read_folder(root: &Path, dir: &Path, skip: &[&str], out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if skip.contains(&relative.as_str()) {
            continue;
        }
        if path.is_dir() {
            read_folder(root, &path, skip, out);
        } else if relative.ends_with(".rs") {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
            out.push((relative, text));
        }
    }
}

/// The circles among the modules of one crate, given its files as (path relative to the source
/// folder, text); `shown` is put before a path in messages. When there is a `lib.rs`, a
/// `main.rs` is the root of another crate (the binary) and is left out. Each circle is
/// described by its modules and every reference between them, with where it is.
fn circles(crate_name: &str, shown: &str, files: &[(String, String)]) -> Vec<String> {
    let has_lib = files.iter().any(|(p, _)| p == "lib.rs");
    let mut sources = Vec::new();
    for (path, text) in files {
        if has_lib && path == "main.rs" {
            continue;
        }
        let module = module_path(path);
        if module.iter().any(|m| m == "tests") {
            continue;
        }
        sources.push((
            module,
            format!("{shown}{path}"),
            tokens(&without_test_items(&blank(text))),
        ));
    }
    let modules: BTreeSet<ModPath> = sources.iter().map(|(m, _, _)| m.clone()).collect();

    // Every path each module names, made absolute, and every name it imports.
    let mut named = Vec::new();
    let mut imports: BTreeMap<(ModPath, String), Vec<String>> = BTreeMap::new();
    for (module, shown, tokens) in &sources {
        for path in paths(tokens) {
            let Some(absolute) = absolute(module, &path.segments, crate_name, &modules) else {
                continue;
            };
            if path.in_use && !path.glob {
                if let Some(name) = &path.name {
                    imports.insert((module.clone(), name.clone()), absolute.clone());
                }
            }
            named.push((module.clone(), absolute, format!("{shown}:{}", path.line)));
        }
    }

    // The edges between siblings, grouped by their parent, with one place each was seen.
    let mut levels: BTreeMap<ModPath, BTreeMap<(String, String), String>> = BTreeMap::new();
    for (from, absolute, at) in named {
        let to = resolve(&absolute, &modules, &imports, 0);
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            continue; // the module itself, an ancestor or a descendant: one unit
        }
        let edge = (from[common].clone(), to[common].clone());
        let level = levels.entry(from[..common].to_vec()).or_default();
        level
            .entry(edge)
            .or_insert_with(|| format!("{at} ({})", absolute.join("::")));
    }

    let mut found = Vec::new();
    for (parent, edges) in &levels {
        let prefix: String = parent.iter().map(|p| format!("{p}::")).collect();
        for (group, cycle) in cycles(edges) {
            let names: Vec<String> = cycle.iter().map(|m| format!("{prefix}{m}")).collect();
            let mut text = format!("{crate_name}: {} → {}", names.join(" → "), names[0]);
            if group.len() > cycle.len() {
                let all: Vec<&str> = group.iter().map(String::as_str).collect();
                text.push_str(&format!(
                    " (one circle of those among {prefix}{{{}}})",
                    all.join(", ")
                ));
            }
            // every reference inside the group, one place each
            for ((from, to), at) in edges {
                if group.contains(from) && group.contains(to) {
                    text.push_str(&format!("\n  {prefix}{from} → {prefix}{to}: {at}"));
                }
            }
            found.push(text);
        }
    }
    found
}

/// `lib.rs` → `[]`, `store/mod.rs` → `["store"]`, `lint/prh/pattern.rs` → `["lint", "prh",
/// "pattern"]`.
fn module_path(path: &str) -> ModPath {
    let path = path.strip_suffix(".rs").unwrap_or(path);
    let mut parts: ModPath = path.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod")) {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        parts.clear();
    }
    parts
}

/// The module a path (from the crate's root) names: its longest prefix that is a module,
/// following the names a module imports (`pub use passage::Passage` in `lint` → `lint::passage`).
fn resolve(
    absolute: &[String],
    modules: &BTreeSet<ModPath>,
    imports: &BTreeMap<(ModPath, String), Vec<String>>,
    depth: usize,
) -> ModPath {
    let mut module = ModPath::new();
    for (k, segment) in absolute.iter().enumerate() {
        let mut child = module.clone();
        child.push(segment.clone());
        if modules.contains(&child) {
            module = child;
            continue;
        }
        if depth < 8 {
            if let Some(target) = imports.get(&(module.clone(), segment.clone())) {
                if target.as_slice() != &absolute[..=k] {
                    let mut path = target.clone();
                    path.extend_from_slice(&absolute[k + 1..]);
                    return resolve(&path, modules, imports, depth + 1);
                }
            }
        }
        break;
    }
    module
}

/// A path from the crate's root, or `None` for a path outside the crate (`std::…`, another
/// crate, or a name of the module's own).
fn absolute(
    module: &ModPath,
    segments: &[String],
    crate_name: &str,
    modules: &BTreeSet<ModPath>,
) -> Option<Vec<String>> {
    let first = segments.first()?;
    let (mut base, mut rest) = match first.as_str() {
        "crate" => (ModPath::new(), &segments[1..]),
        name if name == crate_name => (ModPath::new(), &segments[1..]),
        "self" => (module.clone(), &segments[1..]),
        "super" => (module.clone(), segments),
        name => {
            let mut child = module.clone();
            child.push(name.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (module.clone(), segments)
        }
    };
    while rest.first().map(String::as_str) == Some("super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(base)
}

/// The circles of a graph given as edges (from, to): for each group of modules that reach one
/// another, the group and the shortest circle through its first module.
fn cycles(edges: &BTreeMap<(String, String), String>) -> Vec<(BTreeSet<String>, Vec<String>)> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
    }
    // every module reachable from `start`, with the one before it on a shortest way there
    let reach = |start: &str| -> BTreeMap<String, String> {
        let mut before = BTreeMap::new();
        let mut queue = VecDeque::from([start.to_string()]);
        while let Some(m) = queue.pop_front() {
            for n in next.get(m.as_str()).into_iter().flatten() {
                if !before.contains_key(*n) {
                    before.insert(n.to_string(), m.clone());
                    queue.push_back(n.to_string());
                }
            }
        }
        before
    };
    let mut seen = BTreeSet::new();
    let mut found = Vec::new();
    for start in next.keys() {
        if seen.contains(*start) {
            continue;
        }
        let before = reach(start);
        if !before.contains_key(*start) {
            continue;
        }
        let mut cycle = vec![start.to_string()];
        let mut m = &before[*start];
        while m != start {
            cycle.push(m.clone());
            m = &before[m];
        }
        cycle[1..].reverse();
        let group: BTreeSet<String> = before
            .keys()
            .filter(|m| reach(m).contains_key(*start))
            .cloned()
            .collect();
        seen.extend(group.iter().cloned());
        found.push((group, cycle));
    }
    found
}

#[cfg(test)]
mod parser {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn a_circle_between_siblings_is_found_with_its_path() {
        let found = circles(
            "demo",
            "",
            &files(&[
                ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
                ("a.rs", "use crate::{\n    b::B,\n};\npub struct A;\n"),
                (
                    "b.rs",
                    "pub struct B;\nfn f() {\n    let _ = crate::c::C;\n}\n",
                ),
                ("c.rs", "pub struct C(super::a::A);\n"),
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("demo: a → b → c → a"), "{}", found[0]);
        assert!(found[0].contains("a → b: a.rs:2 (b::B)"), "{}", found[0]);
        assert!(found[0].contains("c → a: c.rs:1 (a::A)"), "{}", found[0]);
    }

    #[test]
    fn a_circle_between_submodules_is_found() {
        let found = circles(
            "demo",
            "",
            &files(&[
                ("lib.rs", "mod store;\n"),
                ("store/mod.rs", "mod drafts;\nmod revisions;\n"),
                ("store/drafts.rs", "use super::revisions::Snapshot;\n"),
                ("store/revisions.rs", "use super::drafts::{self, Draft};\n"),
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("demo: store::drafts → store::revisions → store::drafts"));
    }

    #[test]
    fn a_circle_behind_a_parents_re_export_is_found() {
        let found = circles(
            "demo",
            "",
            &files(&[
                ("lib.rs", "mod lint;\n"),
                (
                    "lint/mod.rs",
                    "mod passage;\nmod words;\npub use passage::Passage;\n",
                ),
                (
                    "lint/passage.rs",
                    "use super::words::count;\npub struct Passage;\n",
                ),
                ("lint/words.rs", "use super::Passage;\npub fn count() {}\n"),
            ]),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("demo: lint::passage → lint::words → lint::passage"));
    }

    #[test]
    fn parents_and_children_tests_comments_and_strings_are_no_circle() {
        let found = circles(
            "demo",
            "",
            &files(&[
                ("lib.rs", "pub mod a;\npub mod b;\nuse demo::a::A;\n"),
                ("a/mod.rs", "mod x;\npub use x::X;\npub struct A;\n"),
                ("a/x.rs", "use super::A;\nuse crate::b::B;\npub struct X;\n"),
                ("a/tests.rs", "use crate::b::*;\n"),
                (
                    "b.rs",
                    concat!(
                        "//! See [`crate::a::A`].\n",
                        "pub struct B;\n",
                        "const S: &str = \"crate::a::A\";\n",
                        "const R: &str = r#\"crate::a::A \"quoted\" \"#;\n",
                        "fn f<'a>(_: &'a str) -> char { '\"' }\n",
                        "/* crate::a::A /* nested */ crate::a::A */\n",
                        "#[cfg(test)]\nmod tests {\n    use crate::a::{A, x::X};\n}\n",
                        "#[cfg(test)]\nuse crate::a::A;\n",
                    ),
                ),
            ]),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn use_groups_across_lines_give_each_leaf() {
        let text = "pub(crate) use crate::lint::{\n    self,\n    words::{Word as W, *},\n    Passage,\n};\n";
        let found = paths(&tokens(text));
        let leaves: Vec<(String, Option<&str>, usize)> = found
            .iter()
            .map(|p| (p.segments.join("::"), p.name.as_deref(), p.line))
            .collect();
        assert_eq!(
            leaves,
            [
                ("crate::lint".to_string(), Some("lint"), 2),
                ("crate::lint::words::Word".to_string(), Some("W"), 3),
                ("crate::lint::words".to_string(), None, 3),
                ("crate::lint::Passage".to_string(), Some("Passage"), 4),
            ]
        );
    }
}
