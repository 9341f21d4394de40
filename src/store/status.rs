//! Where a draft is in the office's workflow (see [`super::workflow`] for who moves it).

use serde::{Deserialize, Serialize};

/// Where a draft is in the office's workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DraftStatus {
    /// 下書き
    Draft,
    /// 確認待ち
    Review,
    /// 確定: the text is settled; read-only.
    Final,
    /// 読み上げ済み
    Delivered,
    /// 公開済み
    Published,
}

impl DraftStatus {
    pub(super) const ALL: [DraftStatus; 5] = [
        DraftStatus::Draft,
        DraftStatus::Review,
        DraftStatus::Final,
        DraftStatus::Delivered,
        DraftStatus::Published,
    ];

    /// The name stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            DraftStatus::Draft => "draft",
            DraftStatus::Review => "review",
            DraftStatus::Final => "final",
            DraftStatus::Delivered => "delivered",
            DraftStatus::Published => "published",
        }
    }

    /// The name a Japanese user reads.
    pub fn label(self) -> &'static str {
        match self {
            DraftStatus::Draft => "下書き",
            DraftStatus::Review => "確認待ち",
            DraftStatus::Final => "確定",
            DraftStatus::Delivered => "読み上げ済み",
            DraftStatus::Published => "公開済み",
        }
    }

    /// Whether the text may change (下書き and 確認待ち).
    pub fn is_editable(self) -> bool {
        matches!(self, DraftStatus::Draft | DraftStatus::Review)
    }

    /// Whether a draft may go from `self` to `to`; `Some(true)` when it needs a reason
    /// (reopening a settled draft).
    pub(super) fn move_to(self, to: DraftStatus) -> Option<bool> {
        use DraftStatus::*;
        match (self, to) {
            (Draft, Review) | (Review, Final) | (Final, Delivered) | (Delivered, Published) => {
                Some(false)
            }
            (Final, Published) | (Review, Draft) => Some(false),
            (Final | Delivered | Published, Draft) => Some(true),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_forward_one_at_a_time_and_back_only_to_draft() {
        use DraftStatus::*;
        assert_eq!(Draft.move_to(Review), Some(false));
        assert_eq!(Review.move_to(Draft), Some(false));
        assert_eq!(Final.move_to(Published), Some(false));
        assert_eq!(
            Published.move_to(Draft),
            Some(true),
            "reopening needs a reason"
        );
        assert_eq!(Draft.move_to(Final), None, "no skipping the check");
        assert_eq!(Final.move_to(Review), None);
        assert_eq!(Draft.move_to(Draft), None);
        assert!(Review.is_editable() && !Final.is_editable());
    }
}
