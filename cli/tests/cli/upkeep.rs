//! The CLI: files written where a link was planted, and `doctor --recover`.

use super::*;

/// A file someone else owns, and a link to it planted in `folder` under `name`.
#[cfg(unix)]
fn plant_link(folder: &Path, name: &str) -> PathBuf {
    let victim = folder.join(format!("victim-of-{name}"));
    std::fs::write(&victim, "大事なファイル").unwrap();
    std::os::unix::fs::symlink(&victim, folder.join(name)).unwrap();
    victim
}

#[cfg(unix)]
#[test]
fn writes_never_follow_a_link_planted_in_the_folder() {
    let lib = library();
    let folder = lib.db.parent().unwrap().join("out");
    std::fs::create_dir(&folder).unwrap();
    let address = data("address.md");
    let address = address.to_str().unwrap();

    // `export -o`: the temporary names it used to write through.
    let victims =
        [".挨拶.html.podium-tmp", ".挨拶.html.1.podium-tmp"].map(|name| plant_link(&folder, name));
    let target = folder.join("挨拶.html");
    let export = podium(
        &[
            "export",
            address,
            "--to",
            "html",
            "-o",
            target.to_str().unwrap(),
        ],
        &lib.db,
    );
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(std::fs::read_to_string(&target).unwrap().contains("<p>"));

    // `export-all`: a link where a draft's file would go.
    let imported = podium(&["import", address], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let taken = plant_link(&folder, "令和9年 年頭挨拶.md");
    let all = podium(&["export-all", folder.to_str().unwrap()], &lib.db);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(
        stdout(&all).contains("令和9年 年頭挨拶 (2).md"),
        "{}",
        stdout(&all)
    );

    // `doctor --backup`: the name the day's copy used to be written under first.
    let backups = lib.db.parent().unwrap().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let partial = victims_for_backup(&backups, today);
    let doctor = podium(&["doctor", "--backup"], &lib.db);
    assert!(doctor.status.success(), "{}", stderr(&doctor));

    for victim in victims.iter().chain([&taken]).chain(&partial) {
        assert_eq!(
            std::fs::read_to_string(victim).unwrap(),
            "大事なファイル",
            "{}",
            victim.display()
        );
    }
}

/// Links at `.podium-DATE.db.partial` for the days around `today` (local time may differ).
#[cfg(unix)]
fn victims_for_backup(backups: &Path, today: time::Date) -> Vec<PathBuf> {
    [today.previous_day(), Some(today), today.next_day()]
        .into_iter()
        .flatten()
        .map(|day| plant_link(backups, &format!(".podium-{day}.db.partial")))
        .collect()
}

#[test]
fn doctor_recover_repairs_an_index_that_disagrees_with_its_table() {
    let lib = library();
    let imported = podium(&["import", data("address.md").to_str().unwrap()], &lib.db);
    assert!(imported.status.success(), "{}", stderr(&imported));
    podium::store::testing::damage_an_index(&lib.db);

    let found = podium(&["doctor"], &lib.db);
    assert_eq!(found.status.code(), Some(1), "{}", stderr(&found));
    assert!(stderr(&found).contains("--recover"), "{}", stderr(&found));

    let repaired = podium(&["doctor", "--recover"], &lib.db);
    assert_eq!(repaired.status.code(), Some(0), "{}", stderr(&repaired));
    assert!(
        stdout(&repaired).contains("索引を作り直しました"),
        "{}",
        stdout(&repaired)
    );
    assert!(
        stdout(&repaired).contains("(sound; 1 drafts)"),
        "{}",
        stdout(&repaired)
    );

    let checked = podium(&["doctor"], &lib.db);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let list = json(&podium(&["list", "--json"], &lib.db));
    assert_eq!(list[0]["title"], "令和9年 年頭挨拶");
}
