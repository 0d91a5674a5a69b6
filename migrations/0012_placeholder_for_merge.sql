-- TEMPORARY, on the mail branch only: holds version 0012, which another branch owns, so that
-- 0013_mail.sql can run here (versions must have no gap). Delete this file when merging.
CREATE TABLE placeholder_0012 (id INTEGER PRIMARY KEY);
DROP TABLE placeholder_0012;
