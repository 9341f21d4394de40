-- Full-text search over drafts (title, event, body). See store/search.rs for the design.

-- Trigram index for query words of 3 or more characters. External content: the text lives in
-- `drafts`; the triggers below keep the index in step with it.
CREATE VIRTUAL TABLE draft_search USING fts5 (
    title, event, body,
    content = 'drafts', content_rowid = 'id',
    tokenize = 'trigram'
);

-- Bigram index for query words of 1 or 2 characters: the store writes each text as its
-- overlapping character pairs, space-separated, the last character alone ("協働する" is
-- "協働 働す する る"), so a 2-character word is one token and a 1-character word a prefix
-- (prefix index of 1 character). Only which drafts hold a token matters: detail=none.
-- Contentless; the store inserts a draft's row after each change of its text and the
-- triggers below delete it, so a row is never stale.
CREATE VIRTUAL TABLE draft_bigrams USING fts5 (
    title, event, body,
    content = '', contentless_delete = 1, detail = none, prefix = '1',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co'"
);

CREATE TRIGGER drafts_search_insert AFTER INSERT ON drafts BEGIN
    INSERT INTO draft_search (rowid, title, event, body)
        VALUES (new.id, new.title, new.event, new.body);
END;

CREATE TRIGGER drafts_search_update AFTER UPDATE OF title, event, body ON drafts BEGIN
    INSERT INTO draft_search (draft_search, rowid, title, event, body)
        VALUES ('delete', old.id, old.title, old.event, old.body);
    INSERT INTO draft_search (rowid, title, event, body)
        VALUES (new.id, new.title, new.event, new.body);
    DELETE FROM draft_bigrams WHERE rowid = old.id;
END;

CREATE TRIGGER drafts_search_delete AFTER DELETE ON drafts BEGIN
    INSERT INTO draft_search (draft_search, rowid, title, event, body)
        VALUES ('delete', old.id, old.title, old.event, old.body);
    DELETE FROM draft_bigrams WHERE rowid = old.id;
END;
