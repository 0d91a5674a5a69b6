-- One counter that every change made through the site moves forward, so that each application
-- node can tell whether a page it rendered earlier for visitors is still current (see
-- src/http/page_cache.hpp). It lives in the database so that several nodes agree.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
