-- Drafts and their history. Times are unix milliseconds, UTC.

CREATE TABLE drafts (
    id             INTEGER PRIMARY KEY,
    title          TEXT    NOT NULL,
    event          TEXT    NOT NULL DEFAULT '',
    event_date     TEXT,                          -- 'YYYY-MM-DD', NULL when not set
    target_seconds INTEGER,                       -- planned length, NULL when not set
    chars          INTEGER NOT NULL DEFAULT 0,    -- cached stats, computed by the caller
    seconds        REAL    NOT NULL DEFAULT 0,
    revision       INTEGER NOT NULL DEFAULT 1,    -- bumped by every change of text: optimistic concurrency
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER,                       -- set by an (undoable) delete, NULL while live
    body           TEXT    NOT NULL               -- last: the columns above stay on the row's first page
);

-- The library and search results: live drafts, most recently changed first. It holds the
-- library list's columns, so listing never reads the large rows.
CREATE INDEX drafts_live
    ON drafts (updated_at, id, title, event, event_date, target_seconds, chars, seconds)
    WHERE deleted_at IS NULL;

-- Append-only history. Only the latest row may change, and only when a new autosave is
-- coalesced into an autosave younger than the coalescing window (then updated_at moves on).
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,                  -- 1, 2, 3 … per draft, in order of writing
    kind       TEXT    NOT NULL
               CHECK (kind IN ('create', 'autosave', 'named', 'restore', 'import', 'conflict')),
    name       TEXT,                              -- the writer's label of a named version
    title      TEXT    NOT NULL,
    chars      INTEGER NOT NULL,
    seconds    REAL    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    UNIQUE (draft_id, number)
);
