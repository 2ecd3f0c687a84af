-- Custom frameworks: copies of a framework the consultant edits and versions. A framework that an
-- assessment has pinned is locked: it can only be saved as a new version.
CREATE TABLE framework (
  id         TEXT NOT NULL,
  version    TEXT NOT NULL,
  name       TEXT NOT NULL,
  json       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  locked_at  TEXT,
  PRIMARY KEY (id, version)
) STRICT;
