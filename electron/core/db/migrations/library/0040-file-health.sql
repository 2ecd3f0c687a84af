-- What the last check of each engagement file found: the file's state on disk when it was checked
-- (inode, size, modification times), when, and why it is damaged (NULL when it passed).
ALTER TABLE engagement_index ADD COLUMN checked_fingerprint TEXT;
ALTER TABLE engagement_index ADD COLUMN checked_at TEXT;
ALTER TABLE engagement_index ADD COLUMN damaged TEXT;
