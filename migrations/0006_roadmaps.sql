-- Roadmaps and impact: a coalition's actions transformatrices (with every revision kept), the
-- organisations that carry them, its impact indicators and their dated measurements.
--
-- Actions keep their current values in `actions` (for lists, filters and the dashboard) and a full
-- snapshot of every revision in `action_revisions` (JSON text, read only by the history page), so
-- that the history never needs a join and an action's fields can grow without touching old rows.
-- An action's origin (for instance a next step in an event's minutes) is left to a later migration:
-- `ALTER TABLE actions ADD COLUMN origin_... INTEGER REFERENCES ...` — nothing here depends on it.

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,  -- set for a sub-action (one level only)
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',                         -- Markdown
  lever TEXT NOT NULL CHECK (lever IN ('commande', 'offre', 'usages')),
  scale TEXT NOT NULL CHECK (scale IN ('local', 'national', 'europeen')),
  status TEXT NOT NULL CHECK (status IN ('proposee', 'engagee', 'en-cours', 'realisee', 'abandonnee')),
  abandon_reason TEXT NOT NULL DEFAULT '',                      -- required when abandoned
  starts_on INTEGER,                                            -- a day, as unix seconds at 00:00 UTC
  due_on INTEGER,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 100),  -- as entered
  victory INTEGER NOT NULL DEFAULT 0 CHECK (victory IN (0, 1)),                    -- a winnable, visible goal
  -- The qualities served, as ",inclusif,frugal,": filtered with LIKE '%,frugal,%' on both engines.
  qualities TEXT NOT NULL DEFAULT '',
  resources TEXT NOT NULL DEFAULT '',                           -- linked resources: one address per line
  revision INTEGER NOT NULL DEFAULT 1,                          -- number of the latest revision
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Covers the ordering of roadmaps (coalition, main action, its sub-actions) without reading rows.
CREATE INDEX actions_coalition ON actions (coalition_id, parent_id, id);
CREATE INDEX actions_parent ON actions (parent_id);
CREATE INDEX actions_status ON actions (status, lever);

CREATE TABLE action_organisations (
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, organisation_id)
);
CREATE INDEX action_organisations_organisation ON action_organisations (organisation_id);

CREATE TABLE action_revisions (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  snapshot TEXT NOT NULL,                                       -- every field of the action, as JSON
  UNIQUE (action_id, number)
);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  quality TEXT NOT NULL CHECK (quality IN ('inclusif', 'frugal', 'democratique', 'protecteur', 'innovant',
                                           'capacitant', 'equitable')),
  impact TEXT NOT NULL CHECK (impact IN ('ethique', 'social', 'environnemental', 'concurrentiel', 'gouvernance')),
  baseline REAL,
  target REAL,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX indicators_coalition ON indicators (coalition_id, id);

CREATE TABLE measurements (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  measured_on INTEGER NOT NULL,                                 -- a day, as unix seconds at 00:00 UTC
  value REAL NOT NULL,
  source TEXT NOT NULL DEFAULT '',                              -- where the figure comes from
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX measurements_indicator ON measurements (indicator_id, measured_on);
