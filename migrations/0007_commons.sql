-- The commons: the search index shared by every module, the resources library, the charter with
-- its versions, consultation comments and signatures, and the boussole of experience cards.
--
-- Search: search_documents holds what a result shows (title, excerpt text, address) and who may see
-- it; search_fts holds the same documents' words, normalised in C++ (folded, stemmed), in each
-- engine's own full-text index (see src/storage/dialect.hpp). Both are written in the same
-- transaction as the thing they index, so that a result is never stale.

CREATE TABLE search_documents (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,              -- 'booklet', 'organisation', 'resource', 'charter', 'card', …
  ref TEXT NOT NULL,               -- the indexed thing's key within its type
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',   -- plain text, for excerpts
  url TEXT NOT NULL,
  -- Who may see it: 'public', 'signed_in', 'coalition' (members and co-porteurs of coalition_id,
  -- animateurs) or 'editors' (owner_id, co-porteurs of coalition_id, animateurs).
  audience TEXT NOT NULL DEFAULT 'public' CHECK (audience IN ('public', 'signed_in', 'coalition', 'editors')),
  owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE CASCADE,
  updated_at INTEGER NOT NULL,
  UNIQUE (type, ref)
);

-- engine: sqlite
-- prefix: ready-made lists for the prefixes of 2 to 4 letters, so that the last word typed is cheap to complete.
CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, prefix = '2 3 4');
-- engine: postgresql
CREATE TABLE search_fts (
  rowid BIGINT PRIMARY KEY REFERENCES search_documents(id) ON DELETE CASCADE,
  terms TSVECTOR NOT NULL
);
CREATE INDEX search_fts_terms ON search_fts USING GIN (terms);
-- engine: all

-- Resources: links and files worth reusing. Drafts are proposals waiting to be published.
CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  file_id INTEGER REFERENCES files(id),  -- an uploaded file (src/files/), besides or instead of a link
  kind TEXT NOT NULL,
  licence TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER
);
CREATE INDEX resources_status ON resources (status, updated_at);

CREATE TABLE resource_tags (
  resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (resource_id, tag)
);
CREATE INDEX resource_tags_tag ON resource_tags (tag);

CREATE TABLE resource_coalitions (
  resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  PRIMARY KEY (resource_id, coalition_id)
);
CREATE INDEX resource_coalitions_coalition ON resource_coalitions (coalition_id);

-- Every state of a resource's metadata, so that changes are revisions (tags and coalitions as
-- comma-separated slugs: a snapshot to read, never to query).
CREATE TABLE resource_revisions (
  id INTEGER PRIMARY KEY,
  resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL,
  licence TEXT NOT NULL,
  tags TEXT NOT NULL,
  coalitions TEXT NOT NULL,
  UNIQUE (resource_id, number)
);

-- The charter: numbered versions, each with its sections, consulted then adopted.
CREATE TABLE charter_versions (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',              -- e.g. 'bêta'
  summary TEXT NOT NULL DEFAULT '',            -- what changed, in a sentence
  consultation_opens_at INTEGER,               -- NULL: still a draft
  consultation_closes_at INTEGER,
  adopted_at INTEGER,                          -- NULL until adopted
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE charter_sections (
  version_id INTEGER NOT NULL REFERENCES charter_versions(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (version_id, section)
);

-- Public comments made during a version's consultation, section by section.
CREATE TABLE charter_comments (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES charter_versions(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX charter_comments_version ON charter_comments (version_id, section, created_at);

-- A person signs a version for themselves (organisation_id 0) or for an organisation they belong
-- to. 0 rather than NULL so that UNIQUE refuses a second identical signature on both engines.
CREATE TABLE charter_signatures (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES charter_versions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE (version_id, user_id, organisation_id)
);
CREATE INDEX charter_signatures_user ON charter_signatures (user_id);

-- The boussole: experience cards, "what was tried, what worked, what did not".
CREATE TABLE boussole_cards (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  tried TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL CHECK (outcome IN ('a-marche', 'mitige', 'n-a-pas-marche')),
  learned TEXT NOT NULL DEFAULT '',
  tensions TEXT NOT NULL DEFAULT '',
  sources TEXT NOT NULL DEFAULT '',
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX boussole_cards_outcome ON boussole_cards (status, outcome);
