-- Drafts moved in from another library (`podium migrate`); see ../sqlite/009_moved_drafts.sql.
CREATE TABLE moved_drafts (
    source    TEXT   NOT NULL,
    source_id BIGINT NOT NULL,
    draft_id  BIGINT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    PRIMARY KEY (source, source_id)
);
