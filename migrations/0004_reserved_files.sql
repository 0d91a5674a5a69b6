-- Placeholder for the lead's file storage migration (0004 is reserved for it): migrations must run
-- without a gap, so the events branch carries this empty file until main provides the real 0004.
-- Delete this file when merging main's 0004.
SELECT 1;
