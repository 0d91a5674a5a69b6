-- Each node reads only the stamps newer than its last snapshot (storage/changes.hpp), and changes now
-- stamp the rows they touched ("registrations#42"): one stamp per event or coalition touched, read by
-- version rather than all of them on every change.
CREATE INDEX table_changes_version_idx ON table_changes (version);
