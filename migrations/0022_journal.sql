-- The programme's journal (issue #17): posts written in Markdown by animateurs and by co-porteurs
-- for their coalition, kept as drafts until published, visible from their publication date on
-- (which may lie ahead), and edited as revisions like the other documents.
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('retour-sur', 'lancement', 'appel', 'annonce', 'podcast', 'autre')),
  link TEXT NOT NULL DEFAULT '',     -- the podcast's or video's address, or empty
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',     -- Markdown
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  published_at INTEGER,              -- when published: seen by everyone from then on
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX posts_published ON posts (status, published_at);

-- Every state of a post (its first included), compared word by word in its history.
CREATE TABLE post_revisions (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  link TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  coalition TEXT NOT NULL,  -- the linked coalition's slug, or empty: a snapshot to read
  merged_with INTEGER,      -- the revision saved meanwhile that this one was merged with
  UNIQUE (post_id, number)
);
