-- Purpose: append one value of an indicator for a year, with its source; returns its revision id.
-- Parameters: $indicator, $year, $value, $source, $date (source date), $based_on (revision it replaces, 0: none),
-- $import_id (NULL unless imported from a file), $by.
INSERT INTO indicator_revisions (indicator_id, year, value, source, source_date, based_on, import_id, recorded_by)
VALUES ($indicator, $year, $value, $source, $date, $based_on, $import_id, $by)
RETURNING revision_id;
