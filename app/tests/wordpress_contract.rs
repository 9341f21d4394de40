//! Contract tests of the WordPress draft (`podium_app::wordpress`) against a tiny HTTP server on
//! loopback that records every request and answers as WordPress's REST API does: the requests'
//! shape (routes, Basic authorisation, the post's JSON, always `status: draft`), and what each
//! kind of answer becomes. `make test-wordpress` runs the same use case against a real
//! WordPress (`wordpress_site.rs`).

use base64::Engine;
use podium_app::settings::set_settings;
use podium_app::wire::{BlogDestination, BlogParts, Settings, WordpressSettings};
use podium_app::wordpress::{draft_to_open, save_wordpress_draft};
use podium_app::{App, ErrorCode};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

const DRAFT: &str = "# 令和9年 年頭挨拶\n\n## 今年の姿勢\n\n今年は「現場に立つ」ことを全庁の姿勢として掲げます。\n\n\
                     ## ① 人づくり\n\n{礎|いしずえ}を築きます。\n";
const PASSWORD: &str = "abcd EFGH 1234 ijkl MNOP 5678";

#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    authorization: String,
    body: String,
}

/// An answer: status, extra headers, body.
type Answer = (u16, Vec<(&'static str, String)>, String);

/// A loopback server answering each request with `answer`; the requests it saw.
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    fn start(answer: impl Fn(&Request) -> Answer + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().expect("its address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (log, answer) = (Arc::clone(&seen), Arc::new(answer));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, answer) = (Arc::clone(&log), Arc::clone(&answer));
                std::thread::spawn(move || serve(stream, &log, &*answer));
            }
        });
        Server { port, seen }
    }

    fn requests(&self) -> Vec<Request> {
        self.seen.lock().unwrap().clone()
    }
}

/// Requests on one connection (kept alive) until it closes.
fn serve(stream: TcpStream, log: &Mutex<Vec<Request>>, answer: &dyn Fn(&Request) -> Answer) {
    let mut reader = BufReader::new(stream.try_clone().expect("the stream"));
    let mut writer = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, target) = (
            parts.next().unwrap_or("").to_string(),
            parts.next().unwrap_or("").to_string(),
        );
        let (mut length, mut authorization) = (0usize, String::new());
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).unwrap_or(0);
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').unwrap_or((header, ""));
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = value.trim().to_string(),
                _ => {}
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap_or_default();
        let request = Request {
            method,
            target,
            authorization,
            body: String::from_utf8_lossy(&body).into_owned(),
        };
        let (status, headers, body) = answer(&request);
        log.lock().unwrap().push(request);
        let mut response = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        response.push_str(&body);
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

fn json(status: u16, body: &str) -> Answer {
    (status, Vec::new(), body.to_string())
}

/// An app whose settings name the server's site (under `/blog`).
fn app_for(port: u16, categories: &[&str], tags: &[&str]) -> App {
    let app = App::in_memory();
    let settings = Settings {
        wordpress: WordpressSettings {
            site_url: format!("http://127.0.0.1:{port}/blog"),
            user: "koho".into(),
            categories: categories.iter().map(|c| c.to_string()).collect(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        },
        ..Settings::default()
    };
    set_settings(&app, settings).expect("settings saved");
    app
}

fn save(
    app: &App,
    password: &str,
) -> Result<podium_app::wire::WordpressDraft, podium_app::AppError> {
    save_wordpress_draft(app, DRAFT, None, BlogParts::default(), false, password)
}

/// WordPress as it answers a good request.
fn wordpress(request: &Request) -> Answer {
    let target = &request.target;
    if target.contains("rest_route=/wp/v2/categories") {
        json(
            200,
            r#"[{"id":8,"name":"市長の部屋（旧）"},{"id":7,"name":"市長の部屋"}]"#,
        )
    } else if target.contains("rest_route=/wp/v2/tags") {
        json(200, r#"[{"id":12,"name":"年頭挨拶 &amp; 式辞"}]"#)
    } else if request.method == "POST" && target.contains("rest_route=/wp/v2/posts") {
        json(201, r#"{"id":42,"status":"draft","link":"http://x/?p=42"}"#)
    } else {
        json(404, r#"{"code":"rest_no_route","message":"No route"}"#)
    }
}

#[test]
fn contract_a_draft_is_posted_with_its_title_blocks_terms_and_never_published() {
    let server = Server::start(wordpress);
    let app = app_for(server.port, &["市長の部屋"], &["年頭挨拶 & 式辞"]);
    let draft = save(&app, PASSWORD).expect("a draft");
    assert_eq!(draft.id, 42);
    assert_eq!(
        draft.edit_url,
        format!(
            "http://127.0.0.1:{}/blog/wp-admin/post.php?post=42&action=edit",
            server.port
        )
    );
    let requests = server.requests();
    let expected_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("koho:{PASSWORD}"))
    );
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert!(requests.iter().all(|r| r.authorization == expected_auth));
    assert_eq!(requests[0].method, "GET");
    assert!(requests[0].target.starts_with(
        "/blog/?rest_route=/wp/v2/categories&search=%E5%B8%82%E9%95%B7%E3%81%AE%E9%83%A8%E5%B1%8B&per_page=100"
    ), "{}", requests[0].target);
    assert!(requests[1]
        .target
        .starts_with("/blog/?rest_route=/wp/v2/tags&search="));
    let post = &requests[2];
    assert_eq!(
        (post.method.as_str(), post.target.as_str()),
        ("POST", "/blog/?rest_route=/wp/v2/posts")
    );
    let body: serde_json::Value = serde_json::from_str(&post.body).expect("JSON");
    assert_eq!(body["status"], "draft");
    assert_eq!(body["title"], "令和9年 年頭挨拶");
    assert_eq!(body["categories"], serde_json::json!([7]));
    assert_eq!(body["tags"], serde_json::json!([12]));
    let content = body["content"].as_str().unwrap_or_default();
    assert!(
        content.starts_with("<!-- wp:paragraph -->\n<p>【要旨】</p>"),
        "{content}"
    );
    assert!(content.contains("<!-- wp:heading -->\n<h2>① 人づくり</h2>\n<!-- /wp:heading -->"));
    assert!(content.contains("<ruby>礎<rp>（</rp><rt>いしずえ</rt><rp>）</rp></ruby>"));
    assert!(!content.contains("<h1>"), "the title is the post's own");
    let keys: Vec<&String> = body
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys, ["categories", "content", "status", "tags", "title"]);
}

#[test]
fn contract_the_writers_ruby_and_parts_reach_the_post() {
    let server = Server::start(wordpress);
    let app = app_for(server.port, &[], &[]);
    let parts = BlogParts {
        summary: Some(vec!["〈姿勢〉現場に立つ".into()]),
        lead_in: Some("1月4日、庁内放送にて".into()),
        destination: BlogDestination::Html,
    };
    let ruby = Some(podium_app::wire::RubyStyle::ParenFirst);
    save_wordpress_draft(&app, DRAFT, ruby, parts, true, PASSWORD).expect("a draft");
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "no terms, no look-ups");
    let body: serde_json::Value = serde_json::from_str(&requests[0].body).expect("JSON");
    let content = body["content"].as_str().unwrap_or_default();
    assert!(content.starts_with("<!-- wp:paragraph -->\n<p>1月4日、庁内放送にて</p>"));
    assert!(content.contains("<p>〈姿勢〉現場に立つ</p>"));
    // Accessible: ① as (1), and ruby as markup whatever the style.
    assert!(content.contains("<h2>(1) 人づくり</h2>"), "{content}");
    assert!(content.contains("<ruby>礎<rp>"), "{content}");
}

#[test]
fn contract_a_wrong_password_says_so_and_posts_nothing() {
    let server = Server::start(|_| {
        json(
            401,
            r#"{"code":"incorrect_password","message":"The provided password is an invalid application password."}"#,
        )
    });
    let app = app_for(server.port, &["市長の部屋"], &[]);
    let error = save(&app, "wrong").unwrap_err();
    assert_eq!(error.code, ErrorCode::SiteRefused);
    assert!(
        error
            .message
            .starts_with("WordPressのユーザー名かアプリケーションパスワードが違います"),
        "{}",
        error.message
    );
    assert!(server.requests().iter().all(|r| r.method == "GET"));
}

#[test]
fn contract_a_post_the_site_did_not_keep_as_a_draft_is_an_error() {
    let server = Server::start(|_| json(201, r#"{"id":5,"status":"publish"}"#));
    let app = app_for(server.port, &[], &[]);
    let error = save(&app, PASSWORD).unwrap_err();
    assert_eq!(error.code, ErrorCode::SiteRefused);
    assert!(
        error.message.contains("下書きでなく「publish」"),
        "{}",
        error.message
    );
}

#[test]
fn contract_missing_terms_are_named_and_never_created() {
    let server = Server::start(|request| match request.target.contains("categories") {
        true => json(200, "[]"),
        false => wordpress(request),
    });
    let app = app_for(server.port, &["市長の部屋", "広報"], &["年頭挨拶 & 式辞"]);
    let error = save(&app, PASSWORD).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error
            .message
            .contains("カテゴリー「市長の部屋」「広報」がありません"),
        "{}",
        error.message
    );
    assert!(server.requests().iter().all(|r| r.method == "GET"));
}

#[test]
fn contract_no_rest_api_a_redirect_and_a_site_error_are_told_apart() {
    let cases: [(Answer, &str); 4] = [
        (
            (404, Vec::new(), "<html>Not Found</html>".into()),
            "REST API が見つかりません",
        ),
        (
            json(200, "<html>a page</html>"),
            "REST API が見つかりません",
        ),
        (
            (
                301,
                vec![("Location", "https://www.example.jp/blog/".into())],
                String::new(),
            ),
            "別の場所（https://www.example.jp/blog/）へ転送されます",
        ),
        (json(500, "oops"), "でエラーが起きました（HTTP 500）"),
    ];
    for (answer, expected) in cases {
        let server = Server::start(move |_| answer.clone());
        let app = app_for(server.port, &[], &[]);
        let error = save(&app, PASSWORD).unwrap_err();
        assert_eq!(error.code, ErrorCode::SiteRefused, "{expected}");
        assert!(error.message.contains(expected), "{}", error.message);
        assert_eq!(server.requests().len(), 1, "no redirect followed");
    }
}

#[test]
fn contract_a_site_that_is_down_is_unreachable() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("its address").port()
    };
    let app = app_for(port, &[], &[]);
    let error = save(&app, PASSWORD).unwrap_err();
    assert_eq!(error.code, ErrorCode::SiteUnreachable);
    assert!(
        error.message.contains("接続できません"),
        "{}",
        error.message
    );
}

#[test]
fn contract_nothing_is_sent_without_a_password_or_over_plain_http() {
    let server = Server::start(wordpress);
    let app = app_for(server.port, &[], &[]);
    let error = save(&app, "  ").unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(server.requests().is_empty());
    let plain = Settings {
        wordpress: WordpressSettings {
            site_url: "http://www.example.jp/blog".into(),
            user: "koho".into(),
            ..WordpressSettings::default()
        },
        ..Settings::default()
    };
    let error = set_settings(&app, plain).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("https://"), "{}", error.message);
    let unset = App::in_memory();
    let error = save(&unset, PASSWORD).unwrap_err();
    assert!(error.message.contains("設定で入力してください"));
}

#[test]
fn contract_only_a_drafts_editor_address_on_the_site_may_be_opened() {
    let server = Server::start(wordpress);
    let app = app_for(server.port, &[], &[]);
    let draft = save(&app, PASSWORD).expect("a draft");
    assert_eq!(
        draft_to_open(&app, &draft.edit_url),
        Ok(draft.edit_url.clone())
    );
    let site = format!("http://127.0.0.1:{}/blog/", server.port);
    for other in [
        "https://evil.example/wp-admin/post.php?post=42&action=edit".to_string(),
        format!("{site}wp-admin/post.php?post=42&action=trash"),
        format!("{site}wp-admin/post.php?post=4x2&action=edit"),
        format!("{site}wp-admin/options.php"),
        format!(
            "http://127.0.0.1:{}/blogx/wp-admin/post.php?post=42&action=edit",
            server.port
        ),
        "javascript:alert(1)".to_string(),
    ] {
        let error = draft_to_open(&app, &other).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput, "{other}");
    }
}
