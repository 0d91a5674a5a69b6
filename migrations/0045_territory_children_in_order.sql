-- A territory's children in the order its page lists them (current ones first, then by name): with the
-- parent and the level only, each page of a département's 900 communes sorted all of them first.
DROP INDEX territories_region_idx;
DROP INDEX territories_departement_idx;
DROP INDEX territories_epci_idx;
DROP INDEX territories_commune_idx;
CREATE INDEX territories_region_idx ON territories (region_id, level, retired, name_key);
CREATE INDEX territories_departement_idx ON territories (departement_id, level, retired, name_key);
CREATE INDEX territories_epci_idx ON territories (epci_id, level, retired, name_key);
CREATE INDEX territories_commune_idx ON territories (commune_id, level, retired, name_key);
