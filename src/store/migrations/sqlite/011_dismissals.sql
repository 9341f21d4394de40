-- Proofreading findings a writer has judged, per draft: a dismissal names the rule and the
-- text the finding was about (its own text and the line(s) around it), so an edit of that
-- passage brings the finding back. And the rules a draft does not use.

CREATE TABLE dismissals (
    id       INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    rule     TEXT    NOT NULL,
    quote    TEXT    NOT NULL,
    passage  TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX dismissals_by_draft ON dismissals (draft_id, rule);

CREATE TABLE draft_rules_off (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    rule     TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (draft_id, rule)
) WITHOUT ROWID;
