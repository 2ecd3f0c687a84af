-- The workshop: agreed ratings, votes, action items, evidence with attachments stored in the file,
-- workshop sessions, full-text search and the undo stack.

ALTER TABLE audit_log ADD COLUMN assessment_id TEXT;
ALTER TABLE audit_log ADD COLUMN capability_id TEXT;
CREATE INDEX audit_log_assessment ON audit_log (assessment_id, capability_id, seq);

-- rid is an explicit integer key so the full-text index can follow rows by rowid across VACUUM.
CREATE TABLE rating (
  rid            INTEGER PRIMARY KEY,
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  capability_id  TEXT NOT NULL,
  current_level  INTEGER CHECK (current_level BETWEEN 1 AND 5),
  target_level   INTEGER CHECK (target_level BETWEEN 1 AND 5),
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  confidence     TEXT CHECK (confidence IN ('low', 'medium', 'high')),
  priority       INTEGER CHECK (priority BETWEEN 1 AND 5),
  rationale      TEXT NOT NULL DEFAULT '',
  owner          TEXT NOT NULL DEFAULT '',
  carried_over   INTEGER NOT NULL DEFAULT 0 CHECK (carried_over IN (0, 1)),
  updated_at     TEXT NOT NULL,
  UNIQUE (assessment_id, capability_id)
) STRICT;

CREATE TABLE vote (
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  capability_id  TEXT NOT NULL,
  participant_id TEXT NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  current_level  INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),
  target_level   INTEGER CHECK (target_level BETWEEN 1 AND 5),
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, capability_id, participant_id)
) STRICT;

CREATE TABLE action_item (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  capability_id TEXT NOT NULL,
  text          TEXT NOT NULL CHECK (length(text) > 0),
  owner         TEXT NOT NULL DEFAULT '',
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX action_item_capability ON action_item (assessment_id, capability_id);

-- Content-addressed: the same file added twice is stored once.
CREATE TABLE attachment (
  sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL CHECK (size > 0),
  mime         TEXT NOT NULL,
  content      BLOB NOT NULL,
  text_content TEXT,
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE evidence (
  rid               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL CHECK (length(title) > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('document', 'interview_note', 'link', 'screenshot', 'metric', 'system_config')),
  source            TEXT NOT NULL DEFAULT '',
  collected_on      TEXT,
  valid_until       TEXT,
  sensitivity       TEXT NOT NULL CHECK (sensitivity IN ('public', 'internal', 'confidential', 'restricted')),
  description       TEXT NOT NULL DEFAULT '',
  url               TEXT,
  attachment_sha256 TEXT REFERENCES attachment (sha256),
  file_name         TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_attachment ON evidence (attachment_sha256);

CREATE TABLE evidence_link (
  evidence_id   TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  capability_id TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (evidence_id, assessment_id, capability_id)
) STRICT;
CREATE INDEX evidence_link_capability ON evidence_link (assessment_id, capability_id);

CREATE TABLE workshop_session (
  id                  TEXT PRIMARY KEY,
  assessment_id       TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  held_on             TEXT NOT NULL,
  modules_json        TEXT NOT NULL,
  participants_json   TEXT NOT NULL,
  minutes             INTEGER NOT NULL CHECK (minutes > 0),
  started_at          TEXT NOT NULL,
  ended_at            TEXT,
  focus_capability_id TEXT
) STRICT;

-- Undo per assessment: each entry holds the rows a change touched, before and after.
CREATE TABLE undo_entry (
  seq           INTEGER PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  label         TEXT NOT NULL,
  changes_json  TEXT NOT NULL,
  undone        INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX undo_entry_assessment ON undo_entry (assessment_id, undone, seq);

-- Full-text search, kept in step by triggers, keyed by the source row's rid.
CREATE VIRTUAL TABLE fts_rationale USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_action USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fts_evidence USING fts5 (title, body, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TRIGGER rating_fts_insert AFTER INSERT ON rating WHEN new.rationale <> '' BEGIN
  INSERT INTO fts_rationale (rowid, body) VALUES (new.rid, new.rationale);
END;
CREATE TRIGGER rating_fts_update AFTER UPDATE OF rationale ON rating WHEN old.rationale IS NOT new.rationale BEGIN
  DELETE FROM fts_rationale WHERE rowid = old.rid;
  INSERT INTO fts_rationale (rowid, body) SELECT new.rid, new.rationale WHERE new.rationale <> '';
END;
CREATE TRIGGER rating_fts_delete AFTER DELETE ON rating BEGIN
  DELETE FROM fts_rationale WHERE rowid = old.rid;
END;

CREATE TRIGGER action_fts_insert AFTER INSERT ON action_item BEGIN
  INSERT INTO fts_action (rowid, body) VALUES (new.rid, new.text || ' ' || new.owner);
END;
CREATE TRIGGER action_fts_update AFTER UPDATE OF text, owner ON action_item BEGIN
  DELETE FROM fts_action WHERE rowid = old.rid;
  INSERT INTO fts_action (rowid, body) VALUES (new.rid, new.text || ' ' || new.owner);
END;
CREATE TRIGGER action_fts_delete AFTER DELETE ON action_item BEGIN
  DELETE FROM fts_action WHERE rowid = old.rid;
END;

CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO fts_evidence (rowid, title, body) VALUES (
    new.rid, new.title,
    new.description || ' ' || new.source || ' ' ||
      coalesce((SELECT text_content FROM attachment WHERE sha256 = new.attachment_sha256), ''));
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF title, description, source, attachment_sha256 ON evidence BEGIN
  DELETE FROM fts_evidence WHERE rowid = old.rid;
  INSERT INTO fts_evidence (rowid, title, body) VALUES (
    new.rid, new.title,
    new.description || ' ' || new.source || ' ' ||
      coalesce((SELECT text_content FROM attachment WHERE sha256 = new.attachment_sha256), ''));
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
  DELETE FROM fts_evidence WHERE rowid = old.rid;
END;
