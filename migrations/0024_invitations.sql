-- Invitations by mail and choosing a date together (issue #17).
--
-- An animateur or a co-porteur invites an address to a coalition (as member or co-porteur) or to an
-- event. The mail carries a single-use link; only its hash is kept, as for the accounts' mailed
-- links. Resending makes a new link (the old one stops working) and a new expiry. A cancelled
-- invitation stays, so that its link says it was cancelled.
CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,                      -- the address invited, lower-cased
  coalition_id INTEGER REFERENCES coalitions(id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'membre' CHECK (role IN ('membre', 'co-porteur')),  -- for a coalition
  message TEXT NOT NULL DEFAULT '',         -- the inviter's short personal message
  invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,                 -- the latest mail (first or resent)
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  cancelled_at INTEGER,
  CHECK ((coalition_id IS NULL AND event_id IS NOT NULL) OR (coalition_id IS NOT NULL AND event_id IS NULL))
);
CREATE INDEX invitations_coalition ON invitations (coalition_id, created_at);
CREATE INDEX invitations_event ON invitations (event_id, created_at);
CREATE INDEX invitations_accepted_by ON invitations (accepted_by);

-- The candidate slots of an event whose date is to be confirmed, and each person's answer per slot.
-- The poll is open while the event is tentative; choosing a slot gives the event its times and
-- confirms it, which closes the poll (`chosen` marks the slot picked).
CREATE TABLE date_poll_slots (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
  created_at INTEGER NOT NULL
);
CREATE INDEX date_poll_slots_event ON date_poll_slots (event_id, starts_at);

CREATE TABLE date_poll_answers (
  slot_id INTEGER NOT NULL REFERENCES date_poll_slots(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (slot_id, user_id)
);
CREATE INDEX date_poll_answers_user ON date_poll_answers (user_id);
