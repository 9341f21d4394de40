-- Rehearsals: a timed run of a draft in the prompter, the time spent on each section.
-- Times are unix milliseconds, UTC. The figures of each section are kept as measured then
-- (the draft may change later), so a calibration never re-reads old text.

CREATE TABLE rehearsals (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,                  -- the draft's revision that was read
    recorded_at INTEGER NOT NULL
);

CREATE INDEX rehearsals_by_draft ON rehearsals (draft_id, recorded_at);

CREATE TABLE rehearsal_sections (
    rehearsal_id      INTEGER NOT NULL REFERENCES rehearsals (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,           -- 0-based index of the section in the script
    title             TEXT    NOT NULL,
    spoken            INTEGER NOT NULL,           -- characters read aloud in the section
    pause_seconds     REAL    NOT NULL,           -- the estimate's pauses (punctuation, cues)
    estimated_seconds REAL    NOT NULL,           -- the estimate at the pace of the time
    seconds           REAL    NOT NULL,           -- measured
    PRIMARY KEY (rehearsal_id, position)
) WITHOUT ROWID;
