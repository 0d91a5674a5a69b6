-- Reaching people (continued): the 24-hour reminder of an event, and accounts their owners deleted.
--
-- The reminder is written once per registration: the node that writes it sets `reminded_at` in the
-- same transaction, so that two nodes never send it twice.
ALTER TABLE registrations ADD COLUMN reminded_at INTEGER;
CREATE INDEX registrations_unreminded_idx ON registrations (event_id) WHERE reminded_at IS NULL;

-- A deleted account keeps its row, emptied of everything personal, so that what its owner made
-- public (booklet revisions, resources, minutes…) stays whole and is shown as by "ancien membre".
ALTER TABLE users ADD COLUMN deleted_at INTEGER;
