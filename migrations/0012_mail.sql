-- Mail: the outbox every mail goes through, the single-use tokens mailed to people (address
-- confirmation, password recovery, address change), each person's language and mail preferences.
--
-- A mail is written to the outbox in the same transaction as the change that causes it, then
-- delivered by a sender off the request path (src/mail/). Nothing here is engine-specific.

-- The language mails are written in for this person ('fr' or 'en'), and when they proved they
-- read their address: NULL until then. 0 stands for "confirmed, no date": accounts made before
-- confirmation existed, and those made by an operator (`fabrique user add`), who vouches for them.
-- Only the sign-up form makes an account that waits for its confirmation.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE users ADD COLUMN email_confirmed_at INTEGER DEFAULT 0;

-- One row per mail, whole and ready to send: the Message-ID is chosen when it is written, so that a
-- node that crashed while sending sends the same message again, never a different one.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,   -- as the person reads it, for the animateurs' outbox page
  kind TEXT NOT NULL,      -- what the mail is about (confirmation, recovery, a kind of notice…)
  message_id TEXT NOT NULL UNIQUE,
  message TEXT NOT NULL,   -- the whole RFC 5322 message, CRLF line ends, 7-bit
  -- pending: to send at next_attempt_at (also while a node holds it, until its lease ends);
  -- sent; failed: refused for good by the server (5xx) or undeliverable for two days.
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',  -- the server's answer, or why it could not be reached
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);

-- Tokens mailed to a person; only their hash is kept. Each is used once, before expires_at.
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'password', 'email')),
  email TEXT NOT NULL DEFAULT '',  -- for 'email': the new address being confirmed
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX account_tokens_user_id_idx ON account_tokens (user_id);

-- Kinds of mail a person turned off (a row with enabled = 0); no row: the kind is sent.
CREATE TABLE mail_preferences (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);
