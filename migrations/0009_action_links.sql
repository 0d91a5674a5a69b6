-- Links between roadmaps and events: the next step (in an event's minutes) an action was made from,
-- and the events an action is linked to.

-- Set when an action is created from a next step; the minutes item may later be removed.
ALTER TABLE actions ADD COLUMN origin_next_step_id INTEGER REFERENCES minutes_items(id) ON DELETE SET NULL;
-- One action per next step: converting twice is refused, and the minutes page finds the action.
CREATE UNIQUE INDEX actions_origin_next_step ON actions (origin_next_step_id);

CREATE TABLE action_events (
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, event_id)
);
CREATE INDEX action_events_event ON action_events (event_id);

-- Indicators are edited like actions: current values in `indicators`, each revision's full snapshot
-- (JSON) in `indicator_revisions`. Indicators written before this migration have no revision row:
-- their first edit records their values as revision 1 before writing revision 2.
ALTER TABLE indicators ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE TABLE indicator_revisions (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  snapshot TEXT NOT NULL,                                       -- every field of the indicator, as JSON
  restored_from INTEGER,                                        -- the older revision this one brings back
  UNIQUE (indicator_id, number)
);
-- An old revision of an action can be restored, as a new revision that says which one it brings back.
ALTER TABLE action_revisions ADD COLUMN restored_from INTEGER;

-- A measurement can be corrected or removed, never silently: its revision guards against two people
-- changing it at once, and every correction or removal is kept here with the values it replaced.
ALTER TABLE measurements ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE TABLE measurement_changes (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  measurement_id INTEGER NOT NULL,                              -- no reference: a removed measurement is gone
  kind TEXT NOT NULL CHECK (kind IN ('correction', 'removal')),
  old_measured_on INTEGER NOT NULL,
  old_value REAL NOT NULL,
  old_source TEXT NOT NULL DEFAULT '',
  new_measured_on INTEGER,                                      -- NULL for a removal
  new_value REAL,
  new_source TEXT,
  reason TEXT NOT NULL DEFAULT '',
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX measurement_changes_indicator ON measurement_changes (indicator_id, id);

-- The dashboard's victories (count and most recent) read this index alone instead of every achieved
-- action's row.
CREATE INDEX actions_victories ON actions (victory, status, updated_at);
