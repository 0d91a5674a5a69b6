-- Follows and digests: a person follows a coalition, an event series or an organisation, and receives
-- a digest of what changed there, daily, weekly (the default) or never. And the announcement of a
-- charter consultation, made once; and the person a next step names.

CREATE TABLE follows (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  subject TEXT NOT NULL CHECK (subject IN ('coalition', 'series', 'organisation')),
  subject_id INTEGER NOT NULL,  -- coalitions.id, event_series.id or organisations.id
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, subject, subject_id)
);
CREATE INDEX follows_subject_idx ON follows (subject, subject_id);

-- How often the digest comes, and the end of the period the last one covered (NULL: none yet). The
-- node that writes a person's digest moves `digest_until` in the same transaction, so no two nodes
-- write the same digest.
ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'weekly' CHECK (digest IN ('daily', 'weekly', 'never'));
ALTER TABLE users ADD COLUMN digest_until INTEGER;

-- Co-porteurs follow their coalitions.
INSERT INTO follows (user_id, subject, subject_id, created_at)
  SELECT user_id, 'coalition', coalition_id, created_at FROM coalition_members WHERE role = 'co-porteur';

-- When the opening of a charter version's consultation was announced to everyone (a chore does it
-- once the opening time has come); NULL: not yet.
ALTER TABLE charter_versions ADD COLUMN consultation_announced_at INTEGER;
-- Consultations already opened before this version of fabrique were announced their own way.
UPDATE charter_versions SET consultation_announced_at = consultation_opens_at WHERE consultation_opens_at IS NOT NULL;

-- A next step of the minutes may name the person with an account who does it (told when it is
-- recorded), besides the free-text "who".
ALTER TABLE minutes_items ADD COLUMN assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
