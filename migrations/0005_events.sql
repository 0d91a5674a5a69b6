-- Events (Reset Days, coalition workshops, framing meetings, seminars, assemblies, fests): their
-- kinds, series, programme slots, registrations with a waiting list, attendance, minutes with every
-- revision kept and their structured items, coalition proposals, and private calendar tokens.
--
-- Times are unix seconds in UTC; pages convert them to and from Europe/Paris.

-- An editable list (src/taxonomies), like the kinds of organisation.
CREATE TABLE event_kinds (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO event_kinds (id, slug, label, position) VALUES
  (1, 'reset-day', 'Reset Day', 1),
  (2, 'atelier-de-coalition', 'Atelier de coalition', 2),
  (3, 'reunion-de-cadrage', 'Réunion de cadrage', 3),
  (4, 'seminaire', 'Séminaire', 4),
  (5, 'assemblee', 'Assemblée', 5),
  (6, 'fest', 'Fest', 6);

-- A recurring series ("every month on the third Tuesday, 14:00–16:00" or a list of dates); each
-- occurrence is an ordinary event pointing to it, so that editing "this and the following ones"
-- is one query on (series_id, starts_at).
CREATE TABLE event_series (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  rule TEXT NOT NULL DEFAULT '',               -- how the dates were made, for people to read
  created_at INTEGER NOT NULL
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind_id INTEGER NOT NULL REFERENCES event_kinds(id),
  title TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  place TEXT NOT NULL DEFAULT '',
  online_url TEXT NOT NULL DEFAULT '',         -- shown only to registered people and organisers
  capacity INTEGER,                            -- NULL: no limit
  description TEXT NOT NULL DEFAULT '',        -- Markdown
  registration_closes_at INTEGER,              -- NULL: until the event starts
  series_id INTEGER REFERENCES event_series(id) ON DELETE SET NULL,
  minutes TEXT NOT NULL DEFAULT '',            -- the current text of the minutes (Markdown)
  minutes_revision INTEGER NOT NULL DEFAULT 0, -- number of the latest minutes revision
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX events_starts ON events (starts_at);
CREATE INDEX events_kind ON events (kind_id, starts_at);
CREATE INDEX events_series ON events (series_id, starts_at);

-- One event may belong to several coalitions: listed on each page, never copied.
CREATE TABLE event_coalitions (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, coalition_id)
);
CREATE INDEX event_coalitions_coalition ON event_coalitions (coalition_id);

-- Organisations that organise the event, and (role 'present') those that came.
CREATE TABLE event_organisations (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'present')),
  PRIMARY KEY (event_id, organisation_id, role)
);

-- The programme: ordered slots.
CREATE TABLE event_slots (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pleniere', 'temoignage', 'atelier', 'pause', 'presentation', 'autre')),
  speakers TEXT NOT NULL DEFAULT '',           -- organisations, and people who agreed to be named
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL
);
CREATE INDEX event_slots_event ON event_slots (event_id, starts_at);

-- Registrations. 'waiting' rows are promoted in id order when a place frees; a cancellation
-- deletes the row. `attended` is set by organisers after the event.
CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('registered', 'waiting')),
  attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
  created_at INTEGER NOT NULL,
  UNIQUE (event_id, user_id)
);
CREATE INDEX registrations_event ON registrations (event_id, status, id);
CREATE INDEX registrations_user ON registrations (user_id);

-- Every revision of the minutes keeps its whole text (minutes are short).
CREATE TABLE minutes_revisions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  restored_from INTEGER,
  body TEXT NOT NULL,
  UNIQUE (event_id, number)
);

-- Structured items of the minutes: questions (who asked, to whom, the answer), decisions, and next
-- steps (what, who, by when, linked coalition).
CREATE TABLE minutes_items (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'decision', 'next_step')),
  body TEXT NOT NULL,                          -- the question, the decision, or what to do
  asked_by TEXT NOT NULL DEFAULT '',           -- question: who asked; next step: who does it
  asked_to TEXT NOT NULL DEFAULT '',           -- question: to whom
  answer TEXT NOT NULL DEFAULT '',
  due_at INTEGER,                              -- next step: by when
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX minutes_items_event ON minutes_items (event_id, kind, id);
CREATE INDEX minutes_items_coalition ON minutes_items (coalition_id, kind);

-- Proposed coalitions (intentions de coalition): born at an event, presented at another, then
-- adopted (a new coalition), merged into an existing one, or declined with a reason.
CREATE TABLE coalition_proposals (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  intention TEXT NOT NULL,
  why_now TEXT NOT NULL DEFAULT '',
  actors TEXT NOT NULL DEFAULT '',
  proposed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  proposer TEXT NOT NULL DEFAULT '',           -- who proposed it, as shown (person or organisation)
  proposed_at_event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  presented_at_event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  presented_by TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'adopted', 'merged', 'declined')),
  reason TEXT NOT NULL DEFAULT '',             -- why it was declined
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,  -- adopted as / merged into
  decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX coalition_proposals_coalition ON coalition_proposals (coalition_id);

-- The private calendar feed of the events a member registered to: only the hash of the token is
-- kept, so a leaked table gives no usable address; revoking deletes the row.
CREATE TABLE calendar_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

-- Attachments of the minutes (slides, documents): the files themselves live in `files`
-- (migrations/0004_files.sql); removing the link removes the file.
CREATE TABLE event_attachments (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, file_id)
);
