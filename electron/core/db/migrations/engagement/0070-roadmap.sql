-- The roadmap: a rate card, initiatives that lift capabilities (with their uplifts, effort per role,
-- dependencies and cost split), scenarios that plan them (capacity per role, forced and excluded
-- initiatives, module weights, manual start quarters) and the schedule last solved for each scenario.
-- Money is in integer minor units of the engagement's currency; quarters are written 2027-Q1.
-- Children are deleted explicitly (no ON DELETE CASCADE), so that every row a change removes is
-- recorded for undo.

CREATE TABLE roadmap_role (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  day_rate   INTEGER NOT NULL CHECK (day_rate >= 0),
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE initiative (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) > 0),
  description       TEXT NOT NULL DEFAULT '',
  owner             TEXT NOT NULL DEFAULT '',
  capex             INTEGER NOT NULL CHECK (capex >= 0),
  opex_per_year     INTEGER NOT NULL CHECK (opex_per_year >= 0),
  duration_quarters INTEGER NOT NULL CHECK (duration_quarters BETWEEN 1 AND 12),
  earliest_start    TEXT CHECK (earliest_start GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  split_mode        TEXT NOT NULL CHECK (split_mode IN ('equal', 'percent')),
  risk              TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
  note              TEXT NOT NULL DEFAULT '',
  position          INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE initiative_uplift (
  initiative_id TEXT NOT NULL REFERENCES initiative (id),
  capability_id TEXT NOT NULL,
  to_level      INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
  position      INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, capability_id)
) STRICT;

CREATE TABLE initiative_effort (
  initiative_id TEXT NOT NULL REFERENCES initiative (id),
  role_id       TEXT NOT NULL REFERENCES roadmap_role (id),
  days          INTEGER NOT NULL CHECK (days >= 0),
  position      INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, role_id)
) STRICT;
CREATE INDEX initiative_effort_role ON initiative_effort (role_id);

CREATE TABLE initiative_dependency (
  initiative_id TEXT NOT NULL REFERENCES initiative (id),
  depends_on_id TEXT NOT NULL REFERENCES initiative (id),
  position      INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, depends_on_id)
) STRICT;
CREATE INDEX initiative_dependency_on ON initiative_dependency (depends_on_id);

-- Percent shares in hundredths of a percent (basis points): 33.33% is 3333. Only for split_mode 'percent'.
CREATE TABLE initiative_cost_share (
  initiative_id    TEXT NOT NULL REFERENCES initiative (id),
  business_unit_id TEXT NOT NULL REFERENCES business_unit (id),
  basis_points     INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
  position         INTEGER NOT NULL,
  PRIMARY KEY (initiative_id, business_unit_id)
) STRICT;
CREATE INDEX initiative_cost_share_unit ON initiative_cost_share (business_unit_id);

CREATE TABLE scenario (
  id                     TEXT PRIMARY KEY,
  name                   TEXT NOT NULL CHECK (length(name) > 0),
  start_quarter          TEXT NOT NULL CHECK (start_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  horizon                INTEGER NOT NULL CHECK (horizon BETWEEN 1 AND 12),
  -- No budget when budget_per is NULL.
  budget_per             TEXT CHECK (budget_per IN ('quarter', 'year')),
  budget_amount          INTEGER CHECK (budget_amount >= 0),
  baseline_assessment_id TEXT NOT NULL REFERENCES assessment (id),
  mode                   TEXT NOT NULL CHECK (mode IN ('optimal', 'manual')),
  position               INTEGER NOT NULL,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK ((budget_per IS NULL) = (budget_amount IS NULL))
) STRICT;
CREATE UNIQUE INDEX scenario_name ON scenario (name COLLATE NOCASE);

CREATE TABLE scenario_capacity (
  scenario_id      TEXT NOT NULL REFERENCES scenario (id),
  role_id          TEXT NOT NULL REFERENCES roadmap_role (id),
  days_per_quarter INTEGER NOT NULL CHECK (days_per_quarter >= 0),
  PRIMARY KEY (scenario_id, role_id)
) STRICT;

-- Initiatives a scenario forces into its plan or keeps out of it.
CREATE TABLE scenario_choice (
  scenario_id   TEXT NOT NULL REFERENCES scenario (id),
  initiative_id TEXT NOT NULL REFERENCES initiative (id),
  choice        TEXT NOT NULL CHECK (choice IN ('forced', 'excluded')),
  PRIMARY KEY (scenario_id, initiative_id)
) STRICT;
CREATE INDEX scenario_choice_initiative ON scenario_choice (initiative_id);

CREATE TABLE scenario_module_weight (
  scenario_id TEXT NOT NULL REFERENCES scenario (id),
  module_id   TEXT NOT NULL,
  weight      REAL NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (scenario_id, module_id)
) STRICT;

CREATE TABLE scenario_manual_start (
  scenario_id   TEXT NOT NULL REFERENCES scenario (id),
  initiative_id TEXT NOT NULL REFERENCES initiative (id),
  start_quarter TEXT NOT NULL CHECK (start_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  PRIMARY KEY (scenario_id, initiative_id)
) STRICT;
CREATE INDEX scenario_manual_start_initiative ON scenario_manual_start (initiative_id);

-- The schedule last solved for a scenario, kept so the screens and exports read it without solving
-- again. input_sha256 identifies the planning input it was solved for: when the initiatives, rate card,
-- scenario or baseline change afterwards, the stored plan is shown as out of date.
CREATE TABLE scenario_schedule (
  scenario_id      TEXT PRIMARY KEY REFERENCES scenario (id),
  status           TEXT NOT NULL CHECK (status IN ('optimal', 'time_limit', 'error')),
  objective        REAL,
  gap              REAL,
  ms               REAL NOT NULL,
  greedy_objective REAL NOT NULL,
  source           TEXT NOT NULL CHECK (source IN ('solver', 'greedy', 'none')),
  message          TEXT,
  time_limit_ms    INTEGER NOT NULL,
  plan_json        TEXT NOT NULL,
  input_sha256     TEXT NOT NULL CHECK (length(input_sha256) = 64),
  solved_at        TEXT NOT NULL
) STRICT;

-- Undo streams: an assessment's changes (as before) or the engagement's roadmap. The table is rebuilt
-- because assessment_id can no longer be required; every entry is kept.
CREATE TABLE undo_entry_v60 (
  seq           INTEGER PRIMARY KEY,
  scope         TEXT NOT NULL DEFAULT 'assessment' CHECK (scope IN ('assessment', 'roadmap')),
  assessment_id TEXT REFERENCES assessment (id) ON DELETE CASCADE,
  label         TEXT NOT NULL,
  changes_json  TEXT NOT NULL,
  undone        INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at            TEXT NOT NULL,
  CHECK ((scope = 'assessment') = (assessment_id IS NOT NULL))
) STRICT;
INSERT INTO undo_entry_v60 (seq, scope, assessment_id, label, changes_json, undone, at)
  SELECT seq, 'assessment', assessment_id, label, changes_json, undone, at FROM undo_entry;
DROP TABLE undo_entry;
ALTER TABLE undo_entry_v60 RENAME TO undo_entry;
CREATE INDEX undo_entry_assessment ON undo_entry (assessment_id, undone, seq);
CREATE INDEX undo_entry_scope ON undo_entry (scope, undone, seq);
