-- TEMPORARY, on the roadmaps branch only: holds version 0005, which another branch owns, so that
-- 0006_roadmaps.sql can run here (versions must have no gap). Delete this file when merging.
CREATE TABLE placeholder_0005 (id INTEGER PRIMARY KEY);
DROP TABLE placeholder_0005;
