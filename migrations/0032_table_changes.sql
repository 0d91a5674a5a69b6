-- The data version at which each table last changed through the site, so that a page cached for
-- visitors is rendered again only when a table it read has changed since (src/storage/changes.hpp),
-- instead of after every change anywhere. The name '*' stands for every table: changes that do not
-- say what they touched (imports, restores) move it. Read with data_version, in one statement.
CREATE TABLE table_changes (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);
INSERT INTO table_changes (name, version) SELECT '*', version FROM data_version WHERE id = 1;
