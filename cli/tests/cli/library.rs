//! The CLI: the library: import, list, search, new, templates, `--db`, the dictionary.

use super::*;

#[test]
fn import_list_search_new_templates() {
    let lib = library();
    let address = data("address.md");
    let ceremony = data("ceremony.md");
    let imported = json(&podium(
        &[
            "import",
            address.to_str().unwrap(),
            ceremony.to_str().unwrap(),
            "--json",
        ],
        &lib.db,
    ));
    assert_eq!(imported.as_array().unwrap().len(), 2);
    assert_eq!(imported[0]["title"], "令和9年 年頭挨拶");

    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list.as_array().unwrap().len(), 2);
    // The library's figures are the app's: in morae with the dictionary, as `stats` times them.
    let stats = json(&podium(
        &["stats", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    assert!(stats["morae"].as_u64().is_some(), "{stats}");
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "令和9年 年頭挨拶")
        .unwrap();
    let seconds = listed["seconds"].as_f64().unwrap();
    assert!(
        (seconds - stats["seconds"].as_f64().unwrap()).abs() < 0.06,
        "{listed} / {stats}"
    );

    // One and two characters find drafts too, not only the trigram index's three and more.
    for (query, expected) in [
        ("式", "二十歳"),
        ("共創", "年頭"),
        ("働き方", "年頭"),
        ("共創 大学", "年頭"),
    ] {
        let hits = json(&podium(&["search", query, "--json"], &lib.db));
        let titles: Vec<&str> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap())
            .collect();
        assert!(
            titles.iter().any(|t| t.contains(expected)),
            "{query}: {titles:?}"
        );
    }
    let nothing = json(&podium(&["search", "存在しない言葉", "--json"], &lib.db));
    assert_eq!(nothing, serde_json::json!([]));
    let odd = podium(&["search", "\"*) OR (", "--json"], &lib.db);
    assert!(odd.status.success(), "{}", stderr(&odd));

    let templates = json(&podium(&["templates", "--json"], &lib.db));
    assert!(templates
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == "new-year"));
    let draft = json(&podium(
        &[
            "new",
            "--template",
            "new-year",
            "--event",
            "仕事始め式",
            "--speaker",
            "市長　山田太郎",
            "--city",
            "みなと市",
            "--date",
            "2027-01-04",
            "--json",
        ],
        &lib.db,
    ));
    let body = draft["body"].as_str().unwrap();
    assert!(body.starts_with("# 令和9年 年頭挨拶"), "{body}");
    assert!(body.contains("市長　山田太郎") && !body.contains("{{"));
    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list.as_array().unwrap().len(), 3);
    let unknown = podium(&["new", "--template", "無い"], &lib.db);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn db_flag_overrides_the_environment() {
    let lib = library();
    let other = lib.db.with_file_name("other.db");
    let output = podium(
        &[
            "import",
            data("ceremony.md").to_str().unwrap(),
            "--db",
            other.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(other.exists() && !lib.db.exists());
}

#[test]
fn with_the_dictionary_stats_count_morae_readings_print_katakana_and_lint_has_word_rules() {
    let lib = library();
    let text = "# 題\n\nあけましておめでとうございます。\n".as_bytes();
    let stats = json(&podium_with_stdin(
        &["stats", "-", "--json"],
        &lib.db,
        Some(text),
    ));
    assert_eq!(stats["morae"], 15, "{stats}");
    let readings = podium_with_stdin(&["readings", "-"], &lib.db, Some(text));
    assert!(readings.status.success(), "{}", stderr(&readings));
    assert_eq!(stdout(&readings), "アケマシテオメデトーゴザイマス。\n");
    let words = "# 題\n\n材料不足で代替素材で製品を作りました。躊躇う理由はありません。\n";
    let lint = json(&podium_with_stdin(
        &["lint", "-", "--json"],
        &lib.db,
        Some(words.as_bytes()),
    ));
    let rules: Vec<&str> = lint["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"repeated-particle"), "{rules:?}");
    assert!(rules.contains(&"furigana"), "{rules:?}");
}

#[test]
fn the_trash_is_listed_restored_and_emptied_from_the_command_line() {
    let lib = library();
    let kept = json(&podium(
        &["new", "--template", "new-year", "--json"],
        &lib.db,
    ));
    let binned = json(&podium(
        &["new", "--template", "new-year", "--json"],
        &lib.db,
    ));
    let binned_id = binned["id"].as_i64().unwrap();
    // Deleted in the app, on the same database.
    let app = podium_app::App::open(podium_app::Location::File(lib.db.clone()));
    podium_app::library::delete_draft(&app, binned_id).unwrap();
    drop(app);

    let trash = json(&podium(&["trash", "--json"], &lib.db));
    assert_eq!(trash.as_array().unwrap().len(), 1);
    assert_eq!(trash[0]["draft"]["id"], binned_id);
    // Kept 30 days (the default) after its deletion.
    let deleted = trash[0]["deletedAt"].as_str().unwrap();
    let removed = trash[0]["removedAfter"].as_str().unwrap();
    assert!(removed > deleted, "{deleted} → {removed}");
    let listed = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], kept["id"]);

    let restored = podium(&["restore", &binned_id.to_string()], &lib.db);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(
        json(&podium(&["list", "--json"], &lib.db))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let missing = podium(&["restore", "9999"], &lib.db);
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));

    let app = podium_app::App::open(podium_app::Location::File(lib.db.clone()));
    podium_app::library::delete_draft(&app, binned_id).unwrap();
    drop(app);
    let emptied = podium(&["trash", "--empty"], &lib.db);
    assert!(
        stdout(&emptied).contains("1 drafts"),
        "{}",
        stdout(&emptied)
    );
    assert_eq!(
        json(&podium(&["trash", "--json"], &lib.db)),
        serde_json::json!([])
    );
    let gone = podium(&["restore", &binned_id.to_string()], &lib.db);
    assert_eq!(gone.status.code(), Some(2));
}
