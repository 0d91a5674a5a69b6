-- The official geography (COG): régions, départements, EPCI and communes, loaded by
-- `fabrique territories load` from the npm package @etalab/decoupage-administratif (docs/territories.md).
-- Territories are the programme's systemic levels: things are placed on them, and every list can be
-- narrowed to a territory and what lies below it.
--
-- `key` is the territory's address (/territoires/{key}): the INSEE code of a département ("29"),
-- a commune ("29019") or a municipal arrondissement ("75101"), the SIREN of an EPCI ("242900314"),
-- and "region-" followed by the code for a région ("region-53"), since région and département codes
-- overlap (53 is Bretagne and Mayenne).
--
-- A reload of a newer year updates names, populations and parents in place and marks `retired` the
-- territories whose code no longer exists, so that what was placed on them is kept and can be listed.

CREATE TABLE territories (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  level TEXT NOT NULL,                  -- region | departement | epci | commune | arrondissement
  code TEXT NOT NULL,                   -- INSEE code (SIREN for an EPCI)
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,               -- the name folded (lower case, no accents) for search and sorting
  kind TEXT NOT NULL DEFAULT '',        -- an EPCI's form: CC, CA, CU, METRO
  siren TEXT NOT NULL DEFAULT '',
  population INTEGER,                   -- NULL where the COG gives none
  region_id INTEGER REFERENCES territories(id),
  departement_id INTEGER REFERENCES territories(id),
  epci_id INTEGER REFERENCES territories(id),      -- a commune's EPCI
  commune_id INTEGER REFERENCES territories(id),   -- a municipal arrondissement's commune
  source TEXT NOT NULL,                 -- what it was last loaded from: "@etalab/decoupage-administratif 6.0.0"
  retired INTEGER NOT NULL DEFAULT 0,   -- 1: the code left the COG at a later load
  CHECK (level IN ('region', 'departement', 'epci', 'commune', 'arrondissement'))
);
CREATE INDEX territories_name_key_idx ON territories (name_key);
CREATE INDEX territories_level_idx ON territories (level, name_key);
CREATE INDEX territories_siren_idx ON territories (siren);

-- Each territory with every territory it lies in (itself included): a filter on a territory is one
-- join, whatever the depth (Bretagne → Finistère → Brest Métropole → Brest).
CREATE TABLE territory_ancestors (
  territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
  ancestor_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
  PRIMARY KEY (territory_id, ancestor_id)
);
CREATE INDEX territory_ancestors_ancestor_idx ON territory_ancestors (ancestor_id, territory_id);
