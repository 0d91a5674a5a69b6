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
