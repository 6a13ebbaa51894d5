-- Grain: one row: the latest revision id of one indicator's value for one year (NULL: none entered).
-- Columns: revision. Parameters: $indicator (indicator id), $year.
SELECT max(revision_id) AS revision FROM indicator_revisions WHERE indicator_id = $indicator AND year = $year;
