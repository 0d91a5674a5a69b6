-- Indexes a large programme needs (issue #20: 1,000 coalitions and more), each found by profiling a
-- page of the benchmark's crawl.
-- A territory's page counts and lists its children (a département's communes, a région's
-- départements): without these, each read scanned every territory of that level.
CREATE INDEX territories_region_idx ON territories (region_id, level);
CREATE INDEX territories_departement_idx ON territories (departement_id, level);
CREATE INDEX territories_epci_idx ON territories (epci_id, level);
CREATE INDEX territories_commune_idx ON territories (commune_id, level);
-- The resources list, newest change first, twenty a page: read in that order and stopped after the
-- page, instead of every resource sorted.
CREATE INDEX resources_updated_idx ON resources (updated_at, id);
