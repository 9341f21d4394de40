-- The user's own templates (built-in ones are compiled into the app). Times: unix ms, UTC.
CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,          -- shown in the template picker
    title       TEXT    NOT NULL,                 -- title of a draft made from it
    description TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
