-- The register of environmental datasets (issue #16): who produces which data, on which territories,
-- and how to get it. Fields follow DCAT-AP 3.0 (docs REGISTERS.md, part B) so that the catalogue can
-- be exported and merged with other portals'. A dataset's territories are rows of territory_links
-- (subject 'dataset'); its record is kept as revisions, each one the whole entry as a JSON document,
-- so that a history compares any two and an edit from an older revision is merged field by field.

-- An editable list (src/taxonomies): the environmental themes a dataset is filed under.
CREATE TABLE dataset_themes (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO dataset_themes (id, slug, label, position) VALUES
  (1, 'air', 'Air', 1),
  (2, 'eau', 'Eau', 2),
  (3, 'biodiversite', 'Biodiversité', 3),
  (4, 'climat', 'Climat', 4),
  (5, 'energie', 'Énergie', 5),
  (6, 'dechets', 'Déchets', 6),
  (7, 'sols', 'Sols', 7),
  (8, 'bruit', 'Bruit', 8),
  (9, 'risques', 'Risques', 9),
  (10, 'mobilite', 'Mobilité', 10);

-- The entry as it is now (its latest revision), in columns the lists filter and sort on.
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,                -- the title in lower case, for sorting
  description TEXT NOT NULL,
  producer_id INTEGER NOT NULL REFERENCES organisations(id),  -- dct:publisher
  contact TEXT NOT NULL DEFAULT '',       -- dcat:contactPoint: an e-mail address or a web page
  keywords TEXT NOT NULL DEFAULT '',      -- dcat:keyword, comma-separated
  licence TEXT NOT NULL,                  -- dct:license: an SPDX id of datasets::kLicenceIds
  frequency TEXT NOT NULL DEFAULT '',     -- dct:accrualPeriodicity: an EU frequency vocabulary code
  temporal_start TEXT NOT NULL DEFAULT '',  -- dct:temporal, yyyy-mm-dd or empty
  temporal_end TEXT NOT NULL DEFAULT '',
  issued TEXT NOT NULL DEFAULT '',        -- dct:issued, the producer's date (yyyy-mm-dd), not ours
  modified TEXT NOT NULL DEFAULT '',      -- dct:modified, likewise
  conforms_to TEXT NOT NULL DEFAULT '',   -- dct:conformsTo: the schema's name and version
  conforms_to_url TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 1,    -- the revision in force, moved forward by compare-and-set
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX datasets_title_idx ON datasets (title_key);
CREATE INDEX datasets_producer_idx ON datasets (producer_id);

CREATE TABLE dataset_theme_links (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES dataset_themes(id),
  PRIMARY KEY (dataset_id, theme_id)
);
CREATE INDEX dataset_theme_links_theme_idx ON dataset_theme_links (theme_id);

-- How to get it (dcat:Distribution), in the order the producer listed them.
CREATE TABLE dataset_distributions (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  access_url TEXT NOT NULL,               -- http(s) only
  format TEXT NOT NULL DEFAULT '',        -- as people name it: CSV, GeoJSON, API…
  format_key TEXT NOT NULL DEFAULT '',    -- in lower case, for the filter
  media_type TEXT NOT NULL DEFAULT '',    -- text/csv…
  byte_size INTEGER,                      -- NULL when unknown
  PRIMARY KEY (dataset_id, position)
);
CREATE INDEX dataset_distributions_format_idx ON dataset_distributions (format_key);

-- Every state of an entry, its first included: the whole entry as a JSON object of its fields as
-- the form names them (datasets::as_fields), territories and distributions written out.
CREATE TABLE dataset_revisions (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  merged_with INTEGER,                    -- the revision saved meanwhile this one was merged with
  document TEXT NOT NULL,
  PRIMARY KEY (dataset_id, number)
);
