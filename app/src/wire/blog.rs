//! What the writer edited of a blog post before it is exported, and the WordPress draft made
//! of it.

use podium::export::BlogDestination;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The blog post's parts as the writer edited them in the export dialog; `None`: made from the
/// draft (the 要旨), or left out (the lead-in line). Other profiles ignore them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BlogParts {
    /// The 要旨, a line each.
    pub summary: Option<Vec<String>>,
    /// The first line of the post (「1月4日、庁内放送にて…（概要）」).
    pub lead_in: Option<String>,
    /// Where the post goes (HTML, WordPress, Ameba); HTML when not given.
    #[serde(default)]
    pub destination: BlogDestination,
}

/// A draft saved on the office's WordPress site (never published: a person presses 公開 in
/// WordPress).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WordpressDraft {
    /// The post's id on the site.
    #[ts(type = "number")]
    pub id: u64,
    /// Where the draft opens in WordPress's editor (`…/wp-admin/post.php?post=ID&action=edit`).
    pub edit_url: String,
}
