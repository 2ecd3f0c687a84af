-- Per-assessment rollups: module means and counts of every assessment of every engagement, so the
-- portfolio benchmark reads this table and never opens the engagement files. A cache like the rest of
-- the index: rebuilt from the files when missing or when a file changed since it was rolled up.
CREATE TABLE assessment_rollup (
  engagement_id TEXT NOT NULL,
  assessment_id TEXT NOT NULL,
  assessed_on   TEXT NOT NULL,
  framework_id  TEXT NOT NULL,
  -- Applicable capabilities with an agreed level, over the whole scope: 0 means nothing to compare.
  scored        INTEGER NOT NULL,
  rollup_json   TEXT NOT NULL,
  PRIMARY KEY (engagement_id, assessment_id)
) STRICT;
CREATE INDEX assessment_rollup_latest ON assessment_rollup (engagement_id, scored, assessed_on);

-- What each engagement's rollups were computed from: the file's stamp (size and modification time of
-- the file and its write-ahead log), the rollup shape version and how many rollups were written. A
-- different stamp or shape, or rollups missing, means rolling the engagement up again.
CREATE TABLE rollup_source (
  engagement_id TEXT PRIMARY KEY,
  stamp         TEXT NOT NULL,
  shape         INTEGER NOT NULL,
  rollups       INTEGER NOT NULL
) STRICT;
