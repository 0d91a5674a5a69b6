-- What a journal post speaks of (issue #17): several coalitions, events and datasets, and the
-- resources of the library attached to it. One row per link, exactly one of its four columns set;
-- a link goes with what it names. Territories are kept in territory_links (subject 'post'), and,
-- like them, the events, datasets and resources outside the revisions; the revisions keep the
-- coalitions' slugs, which decide who may edit the post.
CREATE TABLE post_links (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
  resource_id INTEGER REFERENCES resources(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,  -- the order the form gave, within its kind
  CHECK ((CASE WHEN coalition_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN dataset_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN resource_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX post_links_post ON post_links (post_id);
CREATE INDEX post_links_coalition ON post_links (coalition_id, post_id);
CREATE INDEX post_links_event ON post_links (event_id, post_id);

-- The one coalition a post had becomes its first link; posts.coalition_id is no longer read.
INSERT INTO post_links (post_id, coalition_id, position) SELECT id, coalition_id, 0 FROM posts WHERE coalition_id IS NOT NULL;
UPDATE posts SET coalition_id = NULL;

-- A post published from a later date is indexed at once but found only from that date on: the
-- search keeps each document's date of visibility (NULL: at once).
ALTER TABLE search_documents ADD COLUMN visible_from INTEGER;
