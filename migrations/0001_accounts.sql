-- The first schema: server settings, organisations and their kinds, user accounts, sessions and sign-in throttling.
--
-- It exists so that people can sign up, belong to organisations and sign in. Written in portable SQL
-- (SQLite and PostgreSQL): INTEGER/TEXT/BLOB, unix-second INTEGER timestamps, booleans as INTEGER 0/1,
-- no engine-only syntax. Migrations are append-only: change the schema in a new file, never here.

-- Server-wide values shared by every node, such as the CSRF key.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Fixed list shown in forms and filters; `position` orders it. Ids are given explicitly so that they
-- are the same on every database.
CREATE TABLE organisation_kinds (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

INSERT INTO organisation_kinds (id, slug, label, position) VALUES
  (1, 'entreprise', 'Entreprise', 1),
  (2, 'pme-eti', 'PME / ETI', 2),
  (3, 'association-tech', 'Association tech', 3),
  (4, 'association', 'Association non-tech', 4),
  (5, 'collectivite', 'Collectivité / territoire', 5),
  (6, 'administration', 'Administration', 6),
  (7, 'recherche', 'Recherche / enseignement', 7),
  (8, 'international', 'Acteur international', 8),
  (9, 'civic-tech', 'Civic tech', 9),
  (10, 'media', 'Média', 10),
  (11, 'syndicat', 'Syndicat', 11),
  (12, 'autre', 'Autre', 12);

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- The lower-cased name: two organisations may not differ only by case.
  name_key TEXT NOT NULL UNIQUE,
  kind_id INTEGER NOT NULL REFERENCES organisation_kinds(id),
  website TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX organisations_kind_id_idx ON organisations (kind_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  -- As typed, for display and mail; email_key (lower-cased) is what makes an address unique.
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'animateur')),
  -- 1 when the user chose to show their name, 0 (the default) keeps it private.
  show_name INTEGER NOT NULL DEFAULT 0 CHECK (show_name IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE user_organisations (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, organisation_id)
);

-- The primary key's index serves lookups by user; this one serves "members of an organisation".
CREATE INDEX user_organisations_organisation_id_idx ON user_organisations (organisation_id);

-- Only a hash of the session token is stored, so a leaked database does not leak live sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Failed sign-ins counted per account and per client address, to slow down password guessing.
CREATE TABLE sign_in_failures (
  -- 'email:<email_key>' or 'ip:<address>'
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
);
