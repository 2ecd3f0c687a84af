-- An engagement file: one client, its people, and its assessments.
CREATE TABLE engagement (
  id             TEXT PRIMARY KEY,
  client         TEXT NOT NULL CHECK (length(client) > 0),
  industry       TEXT NOT NULL DEFAULT '',
  region         TEXT NOT NULL DEFAULT '',
  currency       TEXT NOT NULL CHECK (length(currency) = 3),
  fy_start_month INTEGER NOT NULL CHECK (fy_start_month BETWEEN 1 AND 12),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  archived_at    TEXT
) STRICT;

CREATE TABLE business_unit (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX business_unit_name ON business_unit (name COLLATE NOCASE);

CREATE TABLE participant (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(name) > 0),
  role             TEXT NOT NULL DEFAULT '',
  business_unit_id TEXT REFERENCES business_unit (id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL
) STRICT;

CREATE TABLE assessment (
  id                     TEXT PRIMARY KEY,
  label                  TEXT NOT NULL CHECK (length(label) > 0),
  assessed_on            TEXT NOT NULL,
  framework_id           TEXT NOT NULL,
  framework_version      TEXT NOT NULL,
  scope_json             TEXT NOT NULL,
  previous_assessment_id TEXT REFERENCES assessment (id) ON DELETE SET NULL,
  created_at             TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX assessment_label ON assessment (label COLLATE NOCASE);

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
CREATE INDEX audit_log_entity ON audit_log (entity_id, seq);
