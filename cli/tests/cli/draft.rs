//! The CLI: stats, lint, export and print of a draft file; bad and foreign-encoded files.

use super::*;

#[test]
fn stats_reports_the_contract_fields() {
    let lib = library();
    let address = data("address.md");
    let report = json(&podium(
        &["stats", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    assert_eq!(report["title"], "令和9年 年頭挨拶");
    // Timed in morae with the dictionary, in characters without: the report says which.
    let unit = report["pace"]["unit"].as_str().unwrap();
    let expected = if report.get("morae").is_some() {
        ("mora", 420.0)
    } else {
        ("char", 300.0)
    };
    assert_eq!(
        (unit, report["pace"]["per_minute"].as_f64().unwrap()),
        expected
    );
    let chars = report["chars"].as_u64().unwrap();
    let spoken = report["spoken_chars"].as_u64().unwrap();
    let seconds = report["seconds"].as_f64().unwrap();
    assert!((2_400..3_000).contains(&chars), "chars {chars}");
    assert!(
        spoken < chars,
        "punctuation is not read: {spoken} < {chars}"
    );
    // 7–12 minutes is the shape of a New Year address at 300 characters a minute.
    assert!((420.0..720.0).contains(&seconds), "seconds {seconds}");
    let sections = report["sections"].as_array().unwrap();
    let titles: Vec<&str> = sections
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 6, "{titles:?}");
    assert!(titles[2].starts_with('①'));
    let sum: f64 = sections
        .iter()
        .map(|s| s["seconds"].as_f64().unwrap())
        .sum();
    assert!(
        (sum - seconds).abs() < 0.5,
        "sections add up: {sum} vs {seconds}"
    );
    for section in sections {
        assert!(section["chars"].as_u64().is_some());
    }
}

#[test]
fn stats_pace_and_stdin() {
    let lib = library();
    let text = "# 題\n\nあいうえおかきくけこ".as_bytes();
    let slow = json(&podium_with_stdin(
        &["stats", "-", "--json", "--chars-only"],
        &lib.db,
        Some(text),
    ));
    let fast = json(&podium_with_stdin(
        &["stats", "-", "--json", "--pace", "600", "--chars-only"],
        &lib.db,
        Some(text),
    ));
    assert_eq!(slow["seconds"], 2.0);
    assert_eq!(fast["seconds"], 1.0);
    assert_eq!(fast["pace"]["per_minute"], 600.0);
    assert_eq!(fast["pace"]["unit"], "char");
    assert!(slow.get("morae").is_none());
    let human = podium_with_stdin(&["stats", "-", "--chars-only"], &lib.db, Some(text));
    assert!(stdout(&human).contains("10字"), "{}", stdout(&human));
    let bad_pace = podium_with_stdin(&["stats", "-", "--pace", "fast"], &lib.db, Some(text));
    assert_eq!(bad_pace.status.code(), Some(2));
}

#[test]
fn lint_json_lists_findings_and_exits_zero() {
    let lib = library();
    let address = data("address.md");
    let report = json(&podium(
        &["lint", address.to_str().unwrap(), "--json"],
        &lib.db,
    ));
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        for key in ["rule", "severity", "message", "line", "column", "excerpt"] {
            assert!(!finding[key].is_null(), "{key} missing in {finding}");
        }
    }
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"sentence-length"), "{rules:?}");
    assert!(rules.contains(&"doubled-phrase"), "{rules:?}");
    let clean = podium(
        &[
            "lint",
            data("ceremony.md").to_str().unwrap(),
            "--json",
            "--chars-only",
        ],
        &lib.db,
    );
    assert_eq!(json(&clean)["findings"], serde_json::json!([]));
}

#[test]
fn export_to_every_profile() {
    let lib = library();
    let address = data("address.md");
    let address = address.to_str().unwrap();
    for (to, needle) in [
        ("md", "# 令和9年 年頭挨拶"),
        ("txt", "令和9年 年頭挨拶"),
        ("html", "<h1>"),
        ("html-doc", "<!DOCTYPE html>"),
        ("blog", "【全文】"),
    ] {
        let output = podium(&["export", address, "--to", to], &lib.db);
        assert!(output.status.success(), "{to}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(needle), "{to} lacks {needle}");
        assert!(!text.contains("[[間"), "{to} leaks a cue");
        assert!(!text.contains("会場を見渡す"), "{to} leaks a speaker note");
    }
    let paren = stdout(&podium(
        &["export", address, "--to", "txt", "--ruby", "paren"],
        &lib.db,
    ));
    assert!(paren.contains("喫緊（きっきん）"));
    let base = stdout(&podium(
        &["export", address, "--to", "html", "--ruby", "base"],
        &lib.db,
    ));
    assert!(!base.contains("<ruby>") && base.contains("喫緊"));
    let unknown = podium(&["export", address, "--to", "pdf"], &lib.db);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_blog_is_written_for_where_it_goes() {
    let lib = library();
    let address = data("address.md");
    let address = address.to_str().unwrap();
    let blog = |more: &[&str]| {
        let output = podium(
            &[&["export", address, "--to", "blog"], more].concat(),
            &lib.db,
        );
        assert!(output.status.success(), "{more:?}: {}", stderr(&output));
        stdout(&output)
    };
    // WordPress: native blocks, the title the post's own, ruby as markup.
    let wordpress = blog(&["--for", "wordpress"]);
    assert!(
        wordpress.starts_with("<!-- wp:paragraph -->\n<p>【要旨】</p>"),
        "{wordpress}"
    );
    assert!(!wordpress.contains("<h1>") && wordpress.contains("<ruby>"));
    // Ameba: its allow-list only, the reading in brackets where the word first appears.
    let ameba = blog(&["--for", "ameba"]);
    assert!(!ameba.contains("<div") && !ameba.contains("<h1>") && !ameba.contains("<!--"));
    assert_eq!(ameba.matches("喫緊（きっきん）").count(), 1, "{ameba}");
    // The writer's ruby wins over the destination's; HTML is the blog as it was.
    assert!(blog(&["--for", "ameba", "--ruby", "tags"]).contains("<ruby>"));
    assert_eq!(blog(&["--for", "html"]), blog(&[]));
    for (args, code) in [
        (vec!["--for", "note"], 2),
        (vec!["--to", "txt", "--for", "wordpress"], 2),
    ] {
        let mut all = vec!["export", address];
        if !args.contains(&"--to") {
            all.extend(["--to", "blog"]);
        }
        all.extend(args);
        let output = podium(&all, &lib.db);
        assert_eq!(output.status.code(), Some(code), "{all:?}");
        assert!(stderr(&output).contains("--for") || stderr(&output).contains("wordpress"));
    }
}

#[test]
fn export_writes_a_file_and_a_footer() {
    let lib = library();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("blog.html");
    let footer = dir.path().join("footer.md");
    std::fs::write(&footer, "[市長室](https://example.jp/mayor)\n").unwrap();
    let output = podium(
        &[
            "export",
            data("address.md").to_str().unwrap(),
            "--to",
            "blog",
            "--footer",
            footer.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    let body = html.find("【全文】").unwrap();
    let footer_at = html.find("https://example.jp/mayor").unwrap();
    assert!(footer_at > body, "the footer comes after the full text");
}

#[test]
fn hostile_html_never_reaches_an_export() {
    let lib = library();
    let hostile = data("hostile.md");
    for to in ["md", "txt", "html", "html-doc", "blog"] {
        let text = stdout(&podium(
            &["export", hostile.to_str().unwrap(), "--to", to],
            &lib.db,
        ))
        .to_lowercase();
        // The HTML document's own stylesheet sits in its head; the body must have none.
        let text = text
            .split_once("<body")
            .map_or(text.as_str(), |(_, body)| body);
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "<form",
            "<style",
            "<svg",
        ] {
            assert!(!text.contains(bad), "{to} contains {bad}");
        }
        assert!(text.contains("姿勢"), "{to} lost the harmless text");
    }
}

/// An unreadable, binary or non-UTF-8 file: one line on stderr naming the file, exit code 2,
/// nothing written to the database.
#[test]
fn bad_files_are_refused_with_one_line() {
    let lib = library();
    for (file, reason) in [
        ("bad/binary.bin", "バイナリ"),
        ("bad/latin1.txt", "UTF-8"),
        ("bad/missing.md", "見つかりません"),
    ] {
        let path = data(file);
        let path = path.to_str().unwrap();
        for args in [
            vec!["stats", path],
            vec!["lint", path],
            vec!["export", path, "--to", "html"],
            vec!["import", path],
        ] {
            let output = podium(&args, &lib.db);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let err = stderr(&output);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains(path) && err.contains(reason),
                "{args:?}: {err}"
            );
            assert!(!err.contains("panicked"));
        }
    }
    assert!(
        !lib.db.exists(),
        "a refused import must not even create the database"
    );
}

#[test]
fn other_encodings_are_decoded() {
    let lib = library();
    for file in [
        "bad/sjis.txt",
        "bad/utf16le-bom.txt",
        "bad/crlf.md",
        "bad/empty.md",
    ] {
        let output = podium(&["stats", data(file).to_str().unwrap(), "--json"], &lib.db);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
    }
}

#[test]
fn an_export_with_a_placeholder_left_unfilled_says_so() {
    let lib = library();
    let text = "# 年頭挨拶\n\n{{city}}の皆さん、明けましておめでとうございます。\n";
    let output = podium_with_stdin(
        &["export", "-", "--to", "txt"],
        &lib.db,
        Some(text.as_bytes()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains("未入力の差し込み欄がそのまま書き出されます: {{city}}"),
        "{said}"
    );
    assert!(stdout(&output).contains("{{city}}の皆さん"));
    let clean = podium_with_stdin(
        &["export", "-", "--to", "txt"],
        &lib.db,
        Some("# 題\n\nみなと市の皆さん。\n".as_bytes()),
    );
    assert_eq!(stderr(&clean), "");

    // Exporting the whole library names each draft that still holds one.
    let draft = lib._dir.path().join("年頭挨拶.md");
    std::fs::write(&draft, text).unwrap();
    assert!(podium(&["import", draft.to_str().unwrap()], &lib.db)
        .status
        .success());
    let folder = lib._dir.path().join("out");
    let all = podium(&["export-all", folder.to_str().unwrap()], &lib.db);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(
        stderr(&all).contains("年頭挨拶: 未入力の差し込み欄が残っています: {{city}}"),
        "{}",
        stderr(&all)
    );
}

#[test]
fn print_writes_the_reading_script_as_html_and_refuses_pdf() {
    let lib = library();
    let dir = tempfile::tempdir().unwrap();
    let address = data("address.md");
    let address = address.to_str().unwrap();
    // The same page as the core's golden file: the CLI adds nothing of its own.
    let out = dir.path().join("原稿.html");
    let args = ["print", address, "--vertical", "--size", "28"];
    let output = podium(
        &[&args[..], &["-o", out.to_str().unwrap()]].concat(),
        &lib.db,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let golden = std::fs::read_to_string(data("golden/address.print-vertical.html")).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), golden);

    // To stdout, with the notes; without --notes they are left out.
    let with_notes = stdout(&podium(&["print", address, "--notes"], &lib.db));
    assert!(with_notes.contains("<rt>りさい</rt>") && with_notes.contains("ここで会場を見渡す"));
    assert!(with_notes.contains("counter(page)") && with_notes.contains("font-size: 22pt"));
    let without = stdout(&podium(&["print", address], &lib.db));
    assert!(!without.contains("ここで会場を見渡す"));

    // PDF is not written: the message says what to do, and no file appears.
    let pdf = dir.path().join("原稿.PDF");
    let refused = podium(&["print", address, "-o", pdf.to_str().unwrap()], &lib.db);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("PDF"), "{}", stderr(&refused));
    assert!(!pdf.exists());
    // A size out of range is bad usage.
    let huge = podium(&["print", address, "--size", "99"], &lib.db);
    assert_eq!(huge.status.code(), Some(2));
}
