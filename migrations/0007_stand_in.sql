-- Stand-in for the migration another branch adds with number 0007; delete this file when merging
-- that branch (migration numbers must run without a gap).
SELECT 1;
