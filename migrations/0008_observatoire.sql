-- The observatory of public algorithms (issue 8): public bodies, register entries with every
-- revision kept, scores computed from evidence with the rubric version they used, contributions of
-- members and their moderation, the public bodies' right of reply, the observatory editors' role,
-- and the notifications people receive (a small table any module may reuse).
--
-- An entry's content is one JSON document (fields, lists, evidence) per revision: the schema of the
-- register is versioned in the code (src/observatoire/fields.cpp), and the columns below copy the
-- few values the scoreboard filters and sorts on.

-- Observatory editors: a role animateurs give and take back; one row per editor.
CREATE TABLE observatory_editors (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  granted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  granted_at INTEGER NOT NULL
);

-- Public bodies, known by their SIREN. organisation_id: the organisation of the site that speaks
-- for the body (its members may answer on its entries).
CREATE TABLE observatory_bodies (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  siren TEXT NOT NULL UNIQUE,
  organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE observatory_entries (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,            -- folded name, for sorting
  body_id INTEGER NOT NULL REFERENCES observatory_bodies(id),
  status TEXT NOT NULL,
  category TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL,         -- number of the latest revision
  document TEXT NOT NULL,            -- the latest revision's JSON document
  rubric_version INTEGER NOT NULL,   -- the latest score and the rubric it was computed with
  openness INTEGER NOT NULL,
  explainability INTEGER NOT NULL,
  score TEXT NOT NULL,               -- the latest score's points per criterion (JSON)
  published_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX observatory_entries_body ON observatory_entries (body_id);
CREATE INDEX observatory_entries_name ON observatory_entries (name_key);

-- Every revision of an entry, with its author and source: the public history.
CREATE TABLE observatory_revisions (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES observatory_entries(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  document TEXT NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  source TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (entry_id, number)
);
CREATE INDEX observatory_revisions_created ON observatory_revisions (created_at);

-- Score history: a row each time an entry's score (or the rubric version) changes.
CREATE TABLE observatory_scores (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES observatory_entries(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  rubric_version INTEGER NOT NULL,
  openness INTEGER NOT NULL,
  explainability INTEGER NOT NULL,
  score TEXT NOT NULL,
  computed_at INTEGER NOT NULL
);
CREATE INDEX observatory_scores_entry ON observatory_scores (entry_id, computed_at);

-- Members' proposals: a new entry (entry_id NULL), or a correction of one field or one criterion.
CREATE TABLE observatory_contributions (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER REFERENCES observatory_entries(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('entry', 'field', 'evidence')),
  target TEXT NOT NULL DEFAULT '',
  proposal TEXT NOT NULL,
  source TEXT NOT NULL,
  contributor_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  reason TEXT NOT NULL DEFAULT '',
  decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX observatory_contributions_status ON observatory_contributions (status, created_at);

-- The right of reply: what the public body concerned answers, shown beside the entry.
CREATE TABLE observatory_replies (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES observatory_entries(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX observatory_replies_entry ON observatory_replies (entry_id, created_at);

-- What people are told (src/notifications): a message (English msgid, translated when shown), the
-- thing it is about, and a link. read_at is NULL until the person has seen it.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  message TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
