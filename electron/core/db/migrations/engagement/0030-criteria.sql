-- Framework 1.1: the pass criteria an assessor ticked for a capability (stored with the score,
-- audited and undoable), and a copy of every framework an assessment pinned that does not ship with
-- the app, so that the file stands on its own when handed to a colleague.
CREATE TABLE criterion_tick (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  capability_id TEXT NOT NULL,
  criterion_id  TEXT NOT NULL,
  ticked_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, capability_id, criterion_id)
) STRICT;

CREATE TABLE framework_copy (
  id        TEXT NOT NULL,
  version   TEXT NOT NULL,
  json      TEXT NOT NULL,
  -- SHA-256 of json: frameworks with the same id and version from two consultants can still differ.
  sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
  copied_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
