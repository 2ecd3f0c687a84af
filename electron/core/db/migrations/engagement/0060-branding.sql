-- Branding of the engagement's exports: colours, the confidentiality footer and a logo, kept in the
-- file so that a colleague who opens the engagement exports the same deck. One row at most.
CREATE TABLE branding (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  primary_color TEXT NOT NULL CHECK (primary_color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  accent_color  TEXT NOT NULL CHECK (accent_color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  footer        TEXT NOT NULL DEFAULT '',
  logo          BLOB,
  logo_mime     TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
  logo_width    INTEGER CHECK (logo_width > 0),
  logo_height   INTEGER CHECK (logo_height > 0),
  updated_at    TEXT NOT NULL,
  CHECK ((logo IS NULL) = (logo_mime IS NULL) AND (logo IS NULL) = (logo_width IS NULL) AND (logo IS NULL) = (logo_height IS NULL))
) STRICT;
