-- The rest of a meeting's papers in Welsh beside English (ADR 0017, as V57): the venue, the post of an officer or the
-- role of a witness or other attendee, and the nature of a declaration of interest. Optional: where a council gives
-- one language only, its pages show that text marked with its language. Frozen with the English at publication.
ALTER TABLE app.meeting ADD COLUMN venue_cy text CHECK (length(venue_cy) BETWEEN 2 AND 300);
ALTER TABLE app.meeting_attendee ADD COLUMN role_cy text CHECK (length(role_cy) <= 300);
ALTER TABLE app.declaration ADD COLUMN nature_cy text CHECK (length(nature_cy) BETWEEN 1 AND 4000);
