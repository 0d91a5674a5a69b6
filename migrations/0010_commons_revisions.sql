-- The commons, second part: the words of the search index for completing the last word typed, and
-- the revisions of boussole cards (every edit kept, as for resources).

-- Every word (normalised term) the search index has held, so that the last word typed, matched as
-- a prefix, is completed to the few indexed words it begins: FTS5 then streams each word's list
-- newest first and stops at the ranking cap, where a prefix query without a ready-made prefix list
-- would merge the whole lists of every word it begins. Words are added as documents are indexed
-- and never removed one by one (a word no longer indexed only completes to nothing); reindexing
-- empties it.
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY
);
-- engine: sqlite
CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, search_fts, 'row');
INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary;
DROP TABLE temp.search_vocabulary;
-- engine: postgresql
INSERT INTO search_terms (term) SELECT word FROM ts_stat('SELECT terms FROM search_fts');
-- engine: all

-- Every state of a boussole card (its first included), so that edits are revisions that can be
-- compared and restored.
CREATE TABLE boussole_card_revisions (
  id INTEGER PRIMARY KEY,
  card_id INTEGER NOT NULL REFERENCES boussole_cards(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  context TEXT NOT NULL,
  tried TEXT NOT NULL,
  outcome TEXT NOT NULL,
  learned TEXT NOT NULL,
  tensions TEXT NOT NULL,
  sources TEXT NOT NULL,
  coalition TEXT NOT NULL,  -- the linked coalition's slug, or empty: a snapshot to read
  UNIQUE (card_id, number)
);
-- The cards written before revisions were kept: their present state as their first revision.
INSERT INTO boussole_card_revisions (card_id, number, author_id, created_at, title, context, tried, outcome, learned,
                                     tensions, sources, coalition)
SELECT k.id, k.revision, k.submitted_by, k.updated_at, k.title, k.context, k.tried, k.outcome, k.learned, k.tensions,
       k.sources, COALESCE((SELECT c.slug FROM coalitions c WHERE c.id = k.coalition_id), '')
FROM boussole_cards k;
