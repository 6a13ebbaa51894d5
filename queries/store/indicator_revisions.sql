-- Grain: one row per indicator value recorded in the user store (every revision, oldest first).
-- Columns: revision_id, indicator_id, year, value, source, source_date, based_on, import_id, file_name,
--          recorded_by, recorded_at.
-- Parameters: none.
SELECT r.revision_id, r.indicator_id, r.year, r.value, r.source, r.source_date, r.based_on, r.import_id,
       i.file_name, r.recorded_by, r.recorded_at
FROM indicator_revisions AS r
LEFT JOIN imports AS i ON i.import_id = r.import_id
ORDER BY r.revision_id;
