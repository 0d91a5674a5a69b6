-- The same merge as 0019 for the other documents kept as revisions (issue #19): resources, actions,
-- indicators and observatory entries. A revision made by merging a form from an older revision with
-- what was saved meanwhile says which revision it was merged with, so that the history tells it.
ALTER TABLE resource_revisions ADD COLUMN merged_with INTEGER;
ALTER TABLE action_revisions ADD COLUMN merged_with INTEGER;
ALTER TABLE indicator_revisions ADD COLUMN merged_with INTEGER;
ALTER TABLE observatory_revisions ADD COLUMN merged_with INTEGER;

-- A question, a decision or a next step beside the minutes can be edited in place (issue #19): its
-- version guards against two organisers editing it at once, the second being refused rather than
-- writing over the first.
ALTER TABLE minutes_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
