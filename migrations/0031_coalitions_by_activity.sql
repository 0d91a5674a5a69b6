-- The dashboard shows the coalitions longest without activity first, ten at a time: with this index
-- the page reads those ten, not every coalition of the programme sorted (issue #20).
CREATE INDEX coalitions_last_activity ON coalitions (last_activity_at, id);
