//! A WordPress draft in one click: the blog post written for WordPress (block markup, see the
//! core's `export::wordpress`) saved on the office's site through its REST API as a draft,
//! with the title, and the categories and tags the settings name.
//!
//! - **Never published.** The post is created with `status: draft` and nothing else; a draft
//!   the site reports in any other state is an error. A person presses 公開 in WordPress.
//! - **The password is never kept.** The UI asks for the WordPress application password each
//!   time and passes it here; it goes into one `Authorization: Basic` header per request and
//!   nowhere else (not the settings, the database or a log).
//! - **No password over plain HTTP**: the site must be `https://`, or `http://` to this computer
//!   ([`podium::settings::WordpressSettings::site`]). Redirects are not followed (they would
//!   carry the password elsewhere, or turn the POST into a GET): a redirect is reported with
//!   where it goes, to be put in the settings.
//! - **Categories and tags are found, never created**: a name the site does not have is an
//!   error naming it. Creating them is the site's editors' decision (a typo in the settings
//!   must not add a category to the public site), and WordPress lets only editors do it.
//! - Routes are addressed as `?rest_route=/wp/v2/…`, which every WordPress answers whatever its
//!   permalink settings (`/wp-json/` needs pretty permalinks).

use crate::error::{AppError, ErrorCode};
use crate::export::export_options;
use crate::state::App;
use crate::wire::{self, check};
use base64::Engine;
use podium::export::{self, BlogDestination};
use podium::script;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::time::Duration;
use ureq::http::Response;
use ureq::tls::{RootCerts, TlsConfig};
use ureq::{Agent, Body};

/// How long one request may take, all told.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Longest application password taken from the UI (WordPress's are 24 letters, with spaces).
const MAX_PASSWORD_CHARS: usize = 200;

/// Saves the draft `body` on the settings' WordPress site as a draft post; the blog parts,
/// ruby and `accessible` as for [`crate::export::export_text`] (the destination is
/// WordPress). `password`: the user's application password, used for this call only.
pub fn save_wordpress_draft(
    state: &App,
    body: &str,
    ruby: Option<wire::RubyStyle>,
    blog: wire::BlogParts,
    accessible: bool,
    password: &str,
) -> Result<wire::WordpressDraft, AppError> {
    check::body(body)?;
    let settings = state.settings().wordpress;
    if settings.site_url.trim().is_empty() || settings.user.trim().is_empty() {
        return Err(AppError::invalid(
            "WordPressのサイトとユーザー名を設定で入力してください (set the WordPress site and user in the settings)",
        ));
    }
    let site = settings
        .site()
        .map_err(|error| AppError::invalid(error.to_string()))?;
    if password.trim().is_empty() || password.chars().count() > MAX_PASSWORD_CHARS {
        return Err(AppError::invalid(
            "WordPressのアプリケーションパスワードを入力してください (enter the WordPress application password)",
        ));
    }
    let blog = wire::BlogParts {
        destination: BlogDestination::Wordpress,
        ..blog
    };
    let options = export_options(state, wire::ExportProfile::Blog, ruby, blog, accessible)?;
    let script = script::parse(body);
    let content = export::export(&script, &options);
    let title = script.title_text().unwrap_or_default().replace('\n', " ");
    let site = Site::new(site.as_str(), settings.user.trim(), password);
    let categories = site.term_ids("categories", &settings.categories)?;
    let tags = site.term_ids("tags", &settings.tags)?;
    let post = site.create_draft(title.trim(), &content, &categories, &tags)?;
    Ok(wire::WordpressDraft {
        id: post.id,
        edit_url: site.edit_url(post.id),
    })
}

/// `url` if it is the editor's address of a draft on the settings' site, as
/// [`save_wordpress_draft`] gives it: what a front end may open in the system's browser
/// (after asking), and nothing else.
pub fn draft_to_open(state: &App, url: &str) -> Result<String, AppError> {
    let refused = || {
        AppError::invalid(
            "WordPressの下書きのアドレスではありません (not the address of a WordPress draft)",
        )
    };
    let site = state.settings().wordpress.site().map_err(|_| refused())?;
    let base = site_base(site.as_str());
    let id = url
        .strip_prefix(base.as_str())
        .and_then(|rest| rest.strip_prefix("wp-admin/post.php?post="))
        .and_then(|rest| rest.strip_suffix("&action=edit"))
        .ok_or_else(refused)?;
    match !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
        true => Ok(url.to_string()),
        false => Err(refused()),
    }
}

/// The site's address ending in `/`, without query or fragment.
fn site_base(site: &str) -> String {
    let mut base = site.to_string();
    if let Some(at) = base.find(['?', '#']) {
        base.truncate(at);
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}

/// The site, with the agent and the credentials of one use case.
struct Site {
    /// The site's address, ending in `/`, without query or fragment.
    base: String,
    agent: Agent,
    authorization: String,
}

#[derive(Deserialize)]
struct Term {
    id: u64,
    name: String,
}

#[derive(Deserialize)]
struct Post {
    id: u64,
    status: String,
}

/// WordPress's error answer: `{ "code": "rest_…", "message": "…" }`.
#[derive(Deserialize)]
struct Refusal {
    code: String,
    message: String,
}

impl Site {
    fn new(site: &str, user: &str, password: &str) -> Self {
        let base = site_base(site);
        let agent: Agent = Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .tls_config(
                TlsConfig::builder()
                    .root_certs(RootCerts::PlatformVerifier)
                    .build(),
            )
            .user_agent(concat!("Podium/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let credentials = format!("{user}:{password}");
        Site {
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            ),
            base,
            agent,
        }
    }

    /// The address of a REST route, with query parameters (encoded here).
    fn route(&self, route: &str, query: &[(&str, &str)]) -> String {
        let mut url = format!("{}?rest_route={}", self.base, encode(route));
        for (key, value) in query {
            url.push_str(&format!("&{key}={}", encode(value)));
        }
        url
    }

    fn edit_url(&self, id: u64) -> String {
        format!("{}wp-admin/post.php?post={id}&action=edit", self.base)
    }

    /// The ids of the terms (`categories` or `tags`) named `names`, by exact name. A name the
    /// site does not have is an error naming it.
    fn term_ids(&self, taxonomy: &str, names: &[String]) -> Result<Vec<u64>, AppError> {
        let mut ids = Vec::new();
        let mut missing = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let route = format!("/wp/v2/{taxonomy}");
            let query = [
                ("search", name),
                ("per_page", "100"),
                ("_fields", "id,name"),
            ];
            let request = self.agent.get(self.route(&route, &query));
            let terms: Vec<Term> =
                self.answer(request.header("Authorization", &self.authorization).call())?;
            match terms.iter().find(|t| unescape(&t.name) == name) {
                Some(term) => ids.push(term.id),
                None => missing.push(name),
            }
        }
        if missing.is_empty() {
            return Ok(ids);
        }
        let (kind, kind_en) = match taxonomy {
            "categories" => ("カテゴリー", "categories"),
            _ => ("タグ", "tags"),
        };
        Err(AppError::invalid(format!(
            "WordPressに{kind}「{}」がありません。WordPressで作るか、設定の名前を直してください (the site has no such {kind_en}: {})",
            missing.join("」「"),
            missing.join(", ")
        )))
    }

    /// Creates the post, as a draft.
    fn create_draft(
        &self,
        title: &str,
        content: &str,
        categories: &[u64],
        tags: &[u64],
    ) -> Result<Post, AppError> {
        let post = serde_json::json!({
            "title": title,
            "content": content,
            "status": "draft",
            "categories": categories,
            "tags": tags,
        });
        let request = self.agent.post(self.route("/wp/v2/posts", &[]));
        let post: Post = self.answer(
            request
                .header("Authorization", &self.authorization)
                .send_json(&post),
        )?;
        if post.status != "draft" {
            return Err(AppError::new(
                ErrorCode::SiteRefused,
                format!(
                    "WordPressが下書きでなく「{}」として保存しました。WordPressで確かめてください (the site saved the post as {}, not as a draft)",
                    post.status, post.status
                ),
            ));
        }
        Ok(post)
    }

    /// The JSON of a successful answer, or the error to show.
    fn answer<T: DeserializeOwned>(
        &self,
        sent: Result<Response<Body>, ureq::Error>,
    ) -> Result<T, AppError> {
        let mut response = sent.map_err(|error| unreachable(&self.base, error))?;
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string();
            return Err(AppError::new(
                ErrorCode::SiteRefused,
                format!(
                    "WordPressのアドレスが別の場所（{location}）へ転送されます。設定のサイトのアドレスを転送先に直してください (the site redirects to {location}: put that address in the settings)"
                ),
            ));
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(8 * 1024 * 1024)
            .read_to_string()
            .map_err(|error| unreachable(&self.base, error))?;
        if (200..300).contains(&status) {
            return serde_json::from_str(&text).map_err(|_| no_rest_api(&self.base));
        }
        let refusal = serde_json::from_str::<Refusal>(&text).ok();
        Err(refused(&self.base, status, refusal))
    }
}

/// The site refused or failed (an HTTP error status).
fn refused(url: &str, status: u16, refusal: Option<Refusal>) -> AppError {
    let said = refusal
        .as_ref()
        .map(|r| format!("（{}: {}）", r.code, r.message))
        .unwrap_or_default();
    let message = match (status, refusal.as_ref().map(|r| r.code.as_str())) {
        (401, _) => format!(
            "WordPressのユーザー名かアプリケーションパスワードが違います{said} (wrong WordPress user name or application password)"
        ),
        (403, _) => format!(
            "このユーザーには下書きを作る権限がありません{said} (this user may not create posts)"
        ),
        (404, Some("rest_no_route")) | (404, None) => return no_rest_api(url),
        (500..=599, _) => format!(
            "WordPress（{url}）でエラーが起きました（HTTP {status}）{said} (the site failed)"
        ),
        _ => format!("WordPressが断りました（HTTP {status}）{said} (the site refused)"),
    };
    AppError::new(ErrorCode::SiteRefused, message)
}

fn no_rest_api(url: &str) -> AppError {
    AppError::new(
        ErrorCode::SiteRefused,
        format!(
            "{url} に WordPress の REST API が見つかりません。サイトのアドレスを確かめてください (no WordPress REST API at {url})"
        ),
    )
}

/// The site could not be reached (or the connection failed on the way).
fn unreachable(url: &str, error: ureq::Error) -> AppError {
    let message = match error {
        ureq::Error::Timeout(_) => format!(
            "WordPress（{url}）から {} 秒たっても応答がありません (the site did not answer in time)",
            TIMEOUT.as_secs()
        ),
        ureq::Error::HostNotFound => format!(
            "WordPressのサイト（{url}）が見つかりません。アドレスを確かめてください (no such host)"
        ),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) => format!(
            "WordPress（{url}）と安全な接続ができません。サイトの証明書を確かめてください (TLS failed: {error})"
        ),
        error => format!(
            "WordPress（{url}）に接続できません。サイトが動いているか、ネットワークを確かめてください (cannot reach the site: {error})"
        ),
    };
    AppError::new(ErrorCode::SiteUnreachable, message)
}

/// `text` percent-encoded for a query value.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A term's name as WordPress returns it (HTML-escaped) as typed.
fn unescape(name: &str) -> String {
    name.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode("/wp/v2/posts"), "/wp/v2/posts");
        assert_eq!(
            encode("市長 & 秘書"),
            "%E5%B8%82%E9%95%B7%20%26%20%E7%A7%98%E6%9B%B8"
        );
        assert_eq!(unescape("A &amp; B &lt;C&gt;"), "A & B <C>");
    }
}
