-- Personal access tokens: a person lets a script of theirs read their JSON documents and send the
-- site's forms as JSON, as themselves (docs/api.md, "Writing"). Made and revoked on /compte.
--
-- Only a hash of each token is stored (BLAKE2b of the whole token), so a leaked database opens
-- nothing. A revoked token's row is deleted; an expired one stays listed, refused, until revoked.

CREATE TABLE access_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,               -- what the person called it ("script du tableau de bord")
  can_read INTEGER NOT NULL,        -- scope `read`: GET of the JSON and CSV documents, as the person
  can_write INTEGER NOT NULL,       -- scope `write`: POST to the forms' addresses, as the person
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,      -- at most a year after created_at
  last_used_at INTEGER,             -- NULL: never used; written by the chores, about once a minute
  CHECK (can_read IN (0, 1) AND can_write IN (0, 1) AND can_read + can_write > 0)
);
CREATE INDEX access_tokens_user_id_idx ON access_tokens (user_id);
