-- Who saved each revision (the OS user or the name set in the settings): an office shares
-- its library. Empty for revisions written before.
ALTER TABLE revisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
