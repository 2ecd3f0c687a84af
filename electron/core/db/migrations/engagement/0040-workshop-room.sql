-- The workshop room: blind voting, where the projector keeps the votes on a capability hidden until the
-- facilitator reveals them all at once, and the capabilities whose votes have been revealed in a session.
ALTER TABLE workshop_session ADD COLUMN blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1));
ALTER TABLE workshop_session ADD COLUMN revealed_json TEXT NOT NULL DEFAULT '[]';
