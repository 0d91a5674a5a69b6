-- Who made a resource (a person or an organisation), credited as its licence asks: CC BY requires
-- "Title, by Author, under licence CC BY 4.0". Not the person who proposed it on the site
-- (submitted_by), who may share someone else's guide. Kept in each revision like the other fields.

ALTER TABLE resources ADD COLUMN creator TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_revisions ADD COLUMN creator TEXT NOT NULL DEFAULT '';
