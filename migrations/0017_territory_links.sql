-- What is placed on which territories: organisations first, then coalitions, events, resources,
-- boussole cards, observatory entries and datasets (subject names them). One table for every
-- module, so that a territory's page counts each kind with one query and every list filters the
-- same way: by a territory and everything within it, through territory_ancestors.
-- A subject's rows go with it (its module deletes them); a territory is never deleted, only retired.

CREATE TABLE territory_links (
  subject TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  territory_id INTEGER NOT NULL REFERENCES territories(id),
  PRIMARY KEY (subject, subject_id, territory_id)
);
CREATE INDEX territory_links_territory_idx ON territory_links (territory_id, subject);
