-- Purpose: a Social Summit cycle the documents do not give, added by the secretariat with its source.
-- Parameters: $date (Summit date), $label, $source (where it is announced), $by.
INSERT INTO cycles (summit_date, label, source, added_by) VALUES ($date, $label, $source, $by);
