-- One's own drafts among the resources (the library's count for a signed-in member: the published
-- ones plus their drafts, counted apart): without it, the drafts' count read every resource.
CREATE INDEX resources_submitted_by ON resources (submitted_by, status);
