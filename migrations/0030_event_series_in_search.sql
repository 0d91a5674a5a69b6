-- Search gives one result for the occurrences of an event series (issue #19, point 5): documents that
-- share a group_key are one result, shown by the occurrence whose occurs_at comes next (else the
-- latest), with the count of the others. An event's key is its series, or its title when it recurs
-- without one (src/events/index_event.cpp); other documents have none.
ALTER TABLE search_documents ADD COLUMN group_key TEXT;
ALTER TABLE search_documents ADD COLUMN occurs_at INTEGER;

-- The events indexed before this migration, grouped the same way (`fabrique search reindex` gives
-- the same result).
UPDATE search_documents SET
  group_key = (SELECT CASE WHEN e.series_id IS NOT NULL THEN 'series:' || CAST(e.series_id AS TEXT)
                           ELSE 'title:' || e.title END FROM events e WHERE e.slug = search_documents.ref),
  occurs_at = (SELECT e.starts_at FROM events e WHERE e.slug = search_documents.ref)
WHERE type = 'event';
