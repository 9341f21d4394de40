//! Podium's WordPress draft against a real WordPress: Debian's, with a private MariaDB and
//! PHP's built-in server on 127.0.0.1, set up by `tests/wordpress/run.sh` (`make
//! test-wordpress`), which passes the site here in `PODIUM_WORDPRESS_*`. Without them (a plain
//! `cargo test`) the test says it was skipped and passes; `wordpress_contract.rs` holds the
//! requests' shape in every `cargo test`.

use podium_app::export::export_text;
use podium_app::library::create_draft;
use podium_app::settings::set_settings;
use podium_app::wire::{
    BlogDestination, BlogParts, ExportProfile, NewDraftValues, Settings, WordpressSettings,
};
use podium_app::wordpress::save_wordpress_draft;
use podium_app::{App, ErrorCode};
use serde::Deserialize;
use serde_json::Value;

/// What `setup.php` made.
#[derive(Deserialize)]
struct Setup {
    password: String,
    author: u64,
    category: u64,
    tag: u64,
}

const FOOTER: &str = "---\n\n**みなと市長　山田太郎**\n\n\
    - [市長の部屋](https://www.example.jp/mayor/)\n\
    - ご意見は [hisho@example.jp](mailto:hisho@example.jp) まで\n\n\
    > 市政へのご意見をお寄せください。\n";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// GET a REST route on the site as `koho`.
fn get(url: &str, password: &str, route: &str) -> Value {
    use base64::Engine;
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("koho:{password}"));
    let mut response = ureq::get(format!("{url}/?rest_route={route}"))
        .header("Authorization", format!("Basic {credentials}"))
        .call()
        .expect("the site answers");
    response.body_mut().read_json().expect("JSON")
}

#[test]
fn a_draft_on_a_real_wordpress() {
    let Some(url) = env("PODIUM_WORDPRESS_URL") else {
        eprintln!("skipped: no real WordPress (make test-wordpress sets one up)");
        return;
    };
    let setup: Setup =
        serde_json::from_str(&env("PODIUM_WORDPRESS_SETUP").expect("the set-up")).expect("JSON");
    let app = App::in_memory();
    set_settings(
        &app,
        Settings {
            blog_footer: FOOTER.into(),
            wordpress: WordpressSettings {
                site_url: url.clone(),
                user: "koho".into(),
                categories: vec!["市長の部屋".into()],
                tags: vec!["年頭挨拶".into()],
            },
            ..Settings::default()
        },
    )
    .expect("settings");
    // A template-made address, as the office makes them.
    let draft = create_draft(
        &app,
        NewDraftValues {
            template_id: Some("new-year".into()),
            date: "2027-01-04".into(),
            event: "仕事始め式".into(),
            speaker: "市長　山田太郎".into(),
            city: "みなと市".into(),
        },
    )
    .expect("a draft from the template");
    let parts = BlogParts {
        lead_in: Some("1月4日、庁内放送にて、次のとおりお話ししました（概要）".into()),
        ..BlogParts::default()
    };

    let started = std::time::Instant::now();
    let saved = save_wordpress_draft(
        &app,
        &draft.body,
        None,
        parts.clone(),
        false,
        &setup.password,
    )
    .expect("a draft on the site");
    println!(
        "draft {} saved in {:.2} s: {}",
        saved.id,
        started.elapsed().as_secs_f64(),
        saved.edit_url
    );
    assert_eq!(
        saved.edit_url,
        format!("{url}/wp-admin/post.php?post={}&action=edit", saved.id)
    );

    // Read back as WordPress keeps it.
    let post = get(
        &url,
        &setup.password,
        &format!("/wp/v2/posts/{}&context=edit", saved.id),
    );
    assert_eq!(post["status"], "draft");
    assert_eq!(post["title"]["raw"], draft.title.as_str());
    assert_eq!(post["categories"], serde_json::json!([setup.category]));
    assert_eq!(post["tags"], serde_json::json!([setup.tag]));
    let sent = export_text(
        &app,
        &draft.body,
        ExportProfile::Blog,
        None,
        BlogParts {
            destination: BlogDestination::Wordpress,
            ..parts
        },
        false,
    )
    .expect("the export");
    assert_eq!(
        post["content"]["raw"].as_str(),
        Some(sent.as_str()),
        "kept as sent"
    );

    // WordPress's own parser finds native blocks only, none outside a block.
    let command = env("PODIUM_WORDPRESS_BLOCKS").expect("the parser's command");
    let mut words = command.split_whitespace();
    let output = std::process::Command::new(words.next().expect("php"))
        .args(words)
        .arg(saved.id.to_string())
        .output()
        .expect("php runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let blocks = parsed["blocks"].as_array().expect("blocks");
    let names: Vec<&str> = blocks
        .iter()
        .map(|b| b["name"].as_str().unwrap_or("(none)"))
        .collect();
    println!("blocks: {names:?}");
    assert!(names.len() > 20, "{names:?}");
    for name in &names {
        assert!(
            [
                "core/paragraph",
                "core/heading",
                "core/list",
                "core/quote",
                "core/separator"
            ]
            .contains(name),
            "{name} in {names:?}"
        );
    }
    assert_eq!(
        names[..5],
        [
            "core/paragraph",
            "core/paragraph",
            "core/paragraph",
            "core/list",
            "core/paragraph"
        ]
    );
    for list in blocks.iter().filter(|b| b["name"] == "core/list") {
        let items = list["inner"].as_array().expect("items");
        assert!(!items.is_empty() && items.iter().all(|i| i["name"] == "core/list-item"));
    }

    // A wrong password: the use case says so, and nothing more is created.
    let error = save_wordpress_draft(
        &app,
        &draft.body,
        None,
        BlogParts::default(),
        false,
        "wrong password",
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::SiteRefused);
    assert!(
        error
            .message
            .contains("アプリケーションパスワードが違います"),
        "{}",
        error.message
    );

    // Nothing published: the author has this one draft and no post in any other state.
    let author = setup.author;
    let drafts = get(
        &url,
        &setup.password,
        &format!("/wp/v2/posts&author={author}&status=draft"),
    );
    assert_eq!(drafts.as_array().map(Vec::len), Some(1), "{drafts}");
    let others = get(
        &url,
        &setup.password,
        &format!("/wp/v2/posts&author={author}&status=publish,future,pending,private"),
    );
    assert_eq!(others, serde_json::json!([]));

    if let Some(file) = env("PODIUM_WORDPRESS_POST_FILE") {
        std::fs::write(file, saved.id.to_string()).expect("the post's id written");
    }
}
