-- The office's reading dictionary: how a word is read aloud (names: 白井亨 → シライトオル).
-- Numbered 006: 005 is the prompter's rehearsals.
CREATE TABLE readings (
    written TEXT PRIMARY KEY CHECK (length(written) BETWEEN 1 AND 100),
    reading TEXT NOT NULL CHECK (length(reading) BETWEEN 1 AND 200)
) WITHOUT ROWID;
