-- Reuses of the register's datasets (issue #16): the loop back to the producer. Any member declares
-- what they made with one or more datasets, why (purposes from a list, plus their own words) and for
-- whom (audiences); the members of every producing organisation are told, and each producing
-- organisation may answer it publicly, once (its answer edited in place). A reuse's territories are
-- rows of territory_links (subject 'reuse').
CREATE TABLE reuses (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  kind TEXT NOT NULL,                      -- a code of datasets::kReuseKinds (application, pedagogie…)
  purpose_text TEXT NOT NULL DEFAULT '',   -- the purpose in the declarer's own words
  url TEXT NOT NULL DEFAULT '',            -- http(s), or empty
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX reuses_created_idx ON reuses (created_at);

-- The datasets it uses (dct:references).
CREATE TABLE reuse_datasets (
  reuse_id INTEGER NOT NULL REFERENCES reuses(id) ON DELETE CASCADE,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  PRIMARY KEY (reuse_id, dataset_id)
);
CREATE INDEX reuse_datasets_dataset_idx ON reuse_datasets (dataset_id);

-- Why (codes of datasets::kReusePurposes) and for whom (codes of datasets::kReuseAudiences).
CREATE TABLE reuse_purposes (
  reuse_id INTEGER NOT NULL REFERENCES reuses(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  PRIMARY KEY (reuse_id, purpose)
);
CREATE TABLE reuse_audiences (
  reuse_id INTEGER NOT NULL REFERENCES reuses(id) ON DELETE CASCADE,
  audience TEXT NOT NULL,
  PRIMARY KEY (reuse_id, audience)
);
CREATE INDEX reuse_audiences_audience_idx ON reuse_audiences (audience);

-- A producing organisation's public answer to a reuse: one per organisation, edited in place.
CREATE TABLE reuse_answers (
  reuse_id INTEGER NOT NULL REFERENCES reuses(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (reuse_id, organisation_id)
);
