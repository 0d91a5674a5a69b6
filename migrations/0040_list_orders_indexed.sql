-- Orders and lookups that read a whole table on pages people open often:
-- - the decisions, newest first (/decisions and /decisions.json sorted all 500 of them for a page);
-- - a charter signer's signatures by organisation (the charter's page, for a signed-in member, asks
--   whether the organisations they signed for have signed the version in force).
CREATE INDEX decisions_created ON decisions (created_at, id);
CREATE INDEX charter_signatures_organisation ON charter_signatures (organisation_id);
