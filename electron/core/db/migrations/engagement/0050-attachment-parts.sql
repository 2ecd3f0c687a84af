-- Large evidence files are stored in 4 MiB parts, so that they are written and read back without holding
-- the whole file in memory. An attachment keeps its content in `attachment.content` (small files) or, with
-- an empty content, in its parts here, in order of seq.
CREATE TABLE attachment_part (
  sha256 TEXT NOT NULL REFERENCES attachment (sha256) ON DELETE CASCADE,
  seq    INTEGER NOT NULL CHECK (seq >= 0),
  data   BLOB NOT NULL,
  PRIMARY KEY (sha256, seq)
) STRICT;
