-- Coalitions: their families and cohorts, stages with their history, the booklet (livret) with
-- every revision kept, interest declarations and the roles of members.
--
-- Booklet storage: each revision records only the sections it changed, so that a long history costs
-- little; booklet_current keeps the latest text of every section for the coalition page.

CREATE TABLE coalition_families (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE coalition_cohorts (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE coalitions (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,                 -- free text such as '8.a'
  number_key TEXT NOT NULL,                    -- the number with digit runs zero-padded, so 2 sorts before 10
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',            -- one sentence shown in lists
  family_id INTEGER NOT NULL REFERENCES coalition_families(id),
  cohort_id INTEGER REFERENCES coalition_cohorts(id),
  stage TEXT NOT NULL CHECK (stage IN ('idee', 'cristallisation', 'cadrage', 'diagnostic', 'feuille-de-route',
                                       'en-action', 'atterrie', 'en-pause')),
  stage_since INTEGER NOT NULL,
  animating_organisation_id INTEGER REFERENCES organisations(id),
  scale_local INTEGER NOT NULL DEFAULT 0 CHECK (scale_local IN (0, 1)),
  scale_national INTEGER NOT NULL DEFAULT 0 CHECK (scale_national IN (0, 1)),
  scale_european INTEGER NOT NULL DEFAULT 0 CHECK (scale_european IN (0, 1)),
  booklet_revision INTEGER NOT NULL DEFAULT 0,  -- number of the latest booklet revision (0: none yet)
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_activity_at INTEGER NOT NULL
);
CREATE INDEX coalitions_family ON coalitions (family_id, number_key);
CREATE INDEX coalitions_stage ON coalitions (stage);
CREATE INDEX coalitions_cohort ON coalitions (cohort_id);

-- Every stage a coalition entered, when and by whom ("coalitions do not move at the same pace").
CREATE TABLE coalition_stage_changes (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX coalition_stage_changes_coalition ON coalition_stage_changes (coalition_id, changed_at);

CREATE TABLE booklet_revisions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  restored_from INTEGER,                       -- the revision number this one restored, if any
  UNIQUE (coalition_id, number)
);

-- The text of the sections a revision changed.
CREATE TABLE booklet_revision_sections (
  revision_id INTEGER NOT NULL REFERENCES booklet_revisions(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (revision_id, section)
);

CREATE TABLE booklet_current (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (coalition_id, section)
);

-- People with a role in a coalition.
CREATE TABLE coalition_members (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('membre', 'co-porteur')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (coalition_id, user_id)
);
CREATE INDEX coalition_members_user ON coalition_members (user_id);

-- "I am interested in this coalition, and can bring…": the first step of every engagement.
CREATE TABLE interest_declarations (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  lever_commande INTEGER NOT NULL DEFAULT 0 CHECK (lever_commande IN (0, 1)),
  lever_offre INTEGER NOT NULL DEFAULT 0 CHECK (lever_offre IN (0, 1)),
  lever_usages INTEGER NOT NULL DEFAULT 0 CHECK (lever_usages IN (0, 1)),
  message TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (coalition_id, user_id)
);
CREATE INDEX interest_declarations_user ON interest_declarations (user_id);
