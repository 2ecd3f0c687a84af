-- The library: an index of the engagement files in the data folder, and app settings.
CREATE TABLE engagement_index (
  id                    TEXT PRIMARY KEY,
  file                  TEXT NOT NULL UNIQUE,
  client                TEXT NOT NULL,
  industry              TEXT NOT NULL,
  region                TEXT NOT NULL,
  currency              TEXT NOT NULL,
  fy_start_month        INTEGER NOT NULL,
  created_at            TEXT NOT NULL,
  last_opened_at        TEXT,
  archived_at           TEXT,
  last_assessment_id    TEXT,
  last_assessment_label TEXT,
  last_assessment_date  TEXT
) STRICT;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  command     TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  before_json TEXT,
  after_json  TEXT
) STRICT;
