-- The boussole lists its cards newest first, a page at a time, and counts those its filters keep.
-- Without an index on the date, SQLite read every card with its texts and sorted them for each page
-- (1,000 cards in the large programme). Walked backwards, this index gives a page in order; it holds
-- every column the filters test, so the count reads no table either.
CREATE INDEX boussole_cards_newest ON boussole_cards (updated_at, id, status, submitted_by, outcome, coalition_id);
