-- Drafts moved in from another library (`podium migrate`): which draft of which library each
-- became, so that moving again copies nothing twice. `source` is the other library's id
-- (its `libraryId` setting).
CREATE TABLE moved_drafts (
    source    TEXT    NOT NULL,
    source_id INTEGER NOT NULL,
    draft_id  INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    PRIMARY KEY (source, source_id)
) WITHOUT ROWID;
