-- Rehearsals in morae: the morae read aloud in each section when the morphological dictionary
-- timed it (NULL for sections timed in characters alone, and for runs stored before this), so
-- that the speaker's pace can be measured in morae as well as in characters.

ALTER TABLE rehearsal_sections ADD COLUMN morae INTEGER;
