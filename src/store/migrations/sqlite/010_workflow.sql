-- The office's workflow: each draft's status (下書き → 確認待ち → 確定 → 読み上げ済み →
-- 公開済み), every change of it with who and when (and why, for a reopening), the reviewers'
-- comments on passages, and who has a draft open now (presence).

ALTER TABLE drafts ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'review', 'final', 'delivered', 'published'));

CREATE TABLE status_changes (
    id       INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    status   TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    reason   TEXT    NOT NULL DEFAULT '',
    at       INTEGER NOT NULL
);
CREATE INDEX status_changes_by_draft ON status_changes (draft_id, id);

-- A comment is about a passage: the text it quotes (found again in the draft as it changes).
CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    quote       TEXT    NOT NULL,
    body        TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    author      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX comments_by_draft ON comments (draft_id, id);

CREATE TABLE presence (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    author   TEXT    NOT NULL,
    seen_at  INTEGER NOT NULL,
    PRIMARY KEY (draft_id, author)
) WITHOUT ROWID;
