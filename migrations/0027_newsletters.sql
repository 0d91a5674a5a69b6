-- The journal's newsletters (issue #17): an animateur sends one published post, or a digest of chosen
-- posts and upcoming events, to all members or to the followers of chosen coalitions, one mail per
-- person through the outbox. What was sent is kept as it was sent (the items copied, not linked), so
-- that its web version still reads the same after a post is edited or an event moved.
CREATE TABLE newsletters (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  introduction TEXT NOT NULL DEFAULT '',  -- Markdown
  content TEXT NOT NULL CHECK (content IN ('post', 'digest')),
  audience TEXT NOT NULL CHECK (audience IN ('members', 'followers')),
  sender_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  recipients INTEGER NOT NULL,            -- how many mails were written
  sent_at INTEGER NOT NULL
);
CREATE INDEX newsletters_sent_idx ON newsletters (sent_at);

-- The coalitions whose followers received it (audience 'followers').
CREATE TABLE newsletter_coalitions (
  newsletter_id INTEGER NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  PRIMARY KEY (newsletter_id, coalition_id)
);

-- What it contained, in order: posts and events as they read when it was sent.
CREATE TABLE newsletter_items (
  newsletter_id INTEGER NOT NULL REFERENCES newsletters(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('post', 'event')),
  slug TEXT NOT NULL,                     -- the post's or event's address then
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',       -- Markdown: a post's summary
  body TEXT NOT NULL DEFAULT '',          -- Markdown: the post's text when the newsletter is that one post
  place TEXT NOT NULL DEFAULT '',         -- an event's place
  happens_at INTEGER NOT NULL,            -- a post's publication, an event's start
  PRIMARY KEY (newsletter_id, position)
);
