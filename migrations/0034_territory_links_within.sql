-- What is placed within a territory (its page, and every list's ?territoire=) is read from the
-- territory down: its descendants, then their links of one kind. The index on (territory_id, subject)
-- lacked the subject's id, so SQLite read every link of that kind instead and checked each one's
-- territory (1.2 ms a kind on a département's page at the bench size; 0.1 ms with this one and the
-- territories module's CROSS JOIN, which keeps SQLite reading from the territory down).
CREATE INDEX territory_links_within_idx ON territory_links (territory_id, subject, subject_id);
DROP INDEX territory_links_territory_idx;
