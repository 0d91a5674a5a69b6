-- Data requests (issue #16): a member asks for data that does not exist or cannot be used as it is
-- (what, where, why, for whom); others add "me too" with their own purpose; the producers of data in
-- its themes or on its territories answer it, or link the dataset that serves it. Its territories
-- are rows of territory_links (subject 'data_request').

CREATE TABLE data_requests (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,                -- the title in lower case, for sorting
  words_key TEXT NOT NULL,                -- title, description and purpose folded (text::fold), for ?q=
  description TEXT NOT NULL,              -- what data, and what is wrong with what exists
  purpose TEXT NOT NULL,                  -- why: what the requester would do with it
  audience TEXT NOT NULL DEFAULT '',      -- for whom
  link TEXT NOT NULL DEFAULT '',          -- an http(s) page saying more, or empty
  requester_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'ouverte', -- ouverte, en-cours, servie, refusee
  answer TEXT NOT NULL DEFAULT '',        -- the producer's public answer (a refusal's reason)
  dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,  -- the dataset that serves it
  answered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  answered_for INTEGER REFERENCES organisations(id) ON DELETE SET NULL,  -- the producer who answered
  answered_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX data_requests_title_idx ON data_requests (title_key);
CREATE INDEX data_requests_status_idx ON data_requests (status);

-- Its themes: the datasets' themes taxonomy (dataset_themes).
CREATE TABLE data_request_themes (
  request_id INTEGER NOT NULL REFERENCES data_requests(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES dataset_themes(id),
  PRIMARY KEY (request_id, theme_id)
);
CREATE INDEX data_request_themes_theme_idx ON data_request_themes (theme_id);

-- "Me too": one per person and request, with their own purpose.
CREATE TABLE data_request_supports (
  request_id INTEGER NOT NULL REFERENCES data_requests(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (request_id, user_id)
);
CREATE INDEX data_request_supports_user_idx ON data_request_supports (user_id);
