-- Deciding together (issue #17): a decision is a question put to a group (the programme's members, a
-- coalition's members or an event's participants) until a closing date, by consent or by a choice
-- among options; each person's latest answer counts; at closing the opener writes the outcome, shown
-- on what it decided (a charter version, a coalition, an action).
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  -- Who answers: every member of the programme, a coalition's members, an event's participants.
  group_kind TEXT NOT NULL CHECK (group_kind IN ('programme', 'coalition', 'event')),
  group_coalition_id INTEGER REFERENCES coalitions(id) ON DELETE CASCADE,
  group_event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  -- What it decides, at most one of them.
  charter_version_id INTEGER REFERENCES charter_versions(id) ON DELETE SET NULL,
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,
  action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL,
  -- consent: agree / abstain / disagree / block; one, several, ranked: a choice among its options.
  process TEXT NOT NULL CHECK (process IN ('consent', 'one', 'several', 'ranked')),
  closes_at INTEGER NOT NULL,  -- moved back to the moment the opener closes it early
  outcome TEXT NOT NULL DEFAULT '',
  outcome_at INTEGER,
  -- 1 once the group was told it closed (by the opener's closing, or by the chore past closes_at).
  closing_told INTEGER NOT NULL DEFAULT 0 CHECK (closing_told IN (0, 1)),
  opened_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX decisions_closes ON decisions (closes_at);
CREATE INDEX decisions_charter_version ON decisions (charter_version_id);
CREATE INDEX decisions_coalition ON decisions (coalition_id);
CREATE INDEX decisions_action ON decisions (action_id);

CREATE TABLE decision_options (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  UNIQUE (decision_id, position)
);

-- One answer per person and decision: changing it rewrites it (the latest counts).
CREATE TABLE decision_answers (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- consent: agree, abstain, disagree, block; '' for a choice.
  position TEXT NOT NULL DEFAULT '' CHECK (position IN ('', 'agree', 'abstain', 'disagree', 'block')),
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (decision_id, user_id)
);

-- The options an answer chose; `rank` is 1, 2, 3… for a ranked choice, 1 otherwise.
CREATE TABLE decision_answer_options (
  answer_id INTEGER NOT NULL REFERENCES decision_answers(id) ON DELETE CASCADE,
  option_id INTEGER NOT NULL REFERENCES decision_options(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  PRIMARY KEY (answer_id, option_id)
);
