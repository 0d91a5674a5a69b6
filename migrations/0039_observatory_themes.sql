-- The observatory's list offers a filter by theme: the distinct themes were read by scanning every
-- entry, documents included (a third of /observatoire's time at 10,000 entries). With this index
-- observatoire::store::themes() reads one index entry per theme.
CREATE INDEX observatory_entries_theme ON observatory_entries (theme);
