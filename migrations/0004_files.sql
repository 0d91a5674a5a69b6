-- Uploaded files (minutes' attachments, resources…), kept in the database rather than on a node's
-- disk so that every application node serves every file and one backup holds everything.
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,            -- the name the person gave it, shown and used on download
  media_type TEXT NOT NULL,      -- detected from the content, never taken from the browser
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,          -- hex; lets a download be checked and duplicates be noticed
  content BLOB NOT NULL,
  uploaded_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
