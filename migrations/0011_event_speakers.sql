-- Speakers of programme slots as organisations and people with an account (a person is named
-- publicly only with their consent), and the status of an event whose date may still be tentative
-- or which was cancelled. The free-text `event_slots.speakers` stays, for outside speakers without
-- an account.

-- One row per speaker of a slot: an organisation (user_id NULL), or a person (user_id set) who may
-- speak for an organisation (organisation_id, used for "un·e intervenant·e de …" when the person is
-- not named publicly).
CREATE TABLE event_slot_speakers (
  id INTEGER PRIMARY KEY,
  slot_id INTEGER NOT NULL REFERENCES event_slots(id) ON DELETE CASCADE,
  organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  -- The person's own choice for this slot: 1 named publicly, 0 not, NULL not given (their account's
  -- public-name choice applies). Only the person sets it; organisers cannot.
  consent INTEGER CHECK (consent IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0,
  CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX event_slot_speakers_slot ON event_slot_speakers (slot_id, position);
CREATE INDEX event_slot_speakers_user ON event_slot_speakers (user_id);

-- confirmed; tentative ("date à confirmer": registration stays closed until confirmed); cancelled.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed'
  CHECK (status IN ('confirmed', 'tentative', 'cancelled'));

-- Raised by every edit of a slot, so that an edit form opened before someone else's save is refused
-- (409) rather than silently overwriting that save.
ALTER TABLE event_slots ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
