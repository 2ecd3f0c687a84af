-- People who leave and business units that are removed are kept, so that what they did stays in the
-- file (votes, history) and a removal can be taken back.

-- A participant who leaves is marked with when they left; their votes stay and count as cast.
ALTER TABLE participant ADD COLUMN left_at TEXT;

-- The vote table deletes a participant's votes with them (ON DELETE CASCADE): a participant who has
-- voted can therefore never be deleted, only marked as left.
CREATE TRIGGER participant_keeps_votes BEFORE DELETE ON participant
WHEN EXISTS (SELECT 1 FROM vote WHERE participant_id = old.id)
BEGIN
  SELECT RAISE(ABORT, 'A participant who has voted is kept: mark them as left instead.');
END;

-- A removed business unit and who was in it, until it is restored.
CREATE TABLE removed_business_unit (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  created_at   TEXT NOT NULL,
  removed_at   TEXT NOT NULL,
  members_json TEXT NOT NULL
) STRICT;
