-- Breakout groups (issue #17): a workshop's organiser splits the registered participants into
-- groups, each with a topic and a facilitator (a registered person); each person is in one group at
-- most. The groups of an event are edited as one plan whose version guards against two organisers
-- saving over each other.
CREATE TABLE breakout_groups (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,  -- 1, 2, 3… in the order shown
  topic TEXT NOT NULL,
  facilitator_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX breakout_groups_event ON breakout_groups (event_id, position);

-- One row per person in a group: the primary key keeps each person in one group of an event at most.
CREATE TABLE breakout_members (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES breakout_groups(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX breakout_members_group ON breakout_members (group_id);

-- The version of an event's groups, raised by every save (no row: version 0, no group yet).
CREATE TABLE breakout_plans (
  event_id INTEGER NOT NULL PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  version INTEGER NOT NULL
);

-- The minutes' items gain the kind 'idea' (a group's notes: questions, ideas, next steps) and the
-- group they were written in, if any. PostgreSQL widens the CHECK in place; SQLite cannot, so the
-- table is rebuilt with its rows, and the actions made from its next steps keep their link (dropping
-- the old table sets it to NULL on the way).
-- engine: postgresql
ALTER TABLE minutes_items DROP CONSTRAINT minutes_items_kind_check;
ALTER TABLE minutes_items ADD CONSTRAINT minutes_items_kind_check
  CHECK (kind IN ('question', 'decision', 'next_step', 'idea'));
ALTER TABLE minutes_items ADD COLUMN group_id INTEGER REFERENCES breakout_groups(id) ON DELETE SET NULL;
-- engine: sqlite
CREATE TEMP TABLE action_origins_0030 AS
  SELECT id, origin_next_step_id FROM actions WHERE origin_next_step_id IS NOT NULL;
CREATE TABLE minutes_items_0030 AS SELECT * FROM minutes_items;
DROP TABLE minutes_items;
CREATE TABLE minutes_items (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'decision', 'next_step', 'idea')),
  body TEXT NOT NULL,
  asked_by TEXT NOT NULL DEFAULT '',
  asked_to TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL DEFAULT '',
  due_at INTEGER,
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1,
  group_id INTEGER REFERENCES breakout_groups(id) ON DELETE SET NULL
);
INSERT INTO minutes_items (id, event_id, kind, body, asked_by, asked_to, answer, due_at, coalition_id, created_at,
                           assignee_id, version)
  SELECT id, event_id, kind, body, asked_by, asked_to, answer, due_at, coalition_id, created_at, assignee_id, version
  FROM minutes_items_0030;
DROP TABLE minutes_items_0030;
UPDATE actions SET origin_next_step_id =
  (SELECT o.origin_next_step_id FROM action_origins_0030 o WHERE o.id = actions.id)
  WHERE id IN (SELECT id FROM action_origins_0030);
DROP TABLE action_origins_0030;
CREATE INDEX minutes_items_event ON minutes_items (event_id, kind, id);
CREATE INDEX minutes_items_coalition ON minutes_items (coalition_id, kind);
-- engine: all
CREATE INDEX minutes_items_group ON minutes_items (group_id);
