-- TEMPORARY, on the events branch only: holds version 0009, which another branch owns, so that
-- 0010_event_speakers.sql can run here (versions must have no gap). Delete this file when merging.
CREATE TABLE placeholder_0009 (id INTEGER PRIMARY KEY);
DROP TABLE placeholder_0009;
