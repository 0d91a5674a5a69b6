-- A form sent from an older revision is merged with what was saved meanwhile rather than refused or
-- written over it (issue #19): the revision it makes says which revision it was merged with, so that
-- the history tells it. Booklets, minutes and boussole cards so far.
ALTER TABLE booklet_revisions ADD COLUMN merged_with INTEGER;
ALTER TABLE minutes_revisions ADD COLUMN merged_with INTEGER;
ALTER TABLE boussole_card_revisions ADD COLUMN merged_with INTEGER;
