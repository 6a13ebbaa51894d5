-- Grain: one row per recorded irregularity of the documents.
-- Columns: irregularity_id, scope, what, resolution, document, line_start, line_end.
-- Parameters: none.
SELECT irregularity_id, scope, what, resolution, document, line_start, line_end
FROM irregularities
ORDER BY irregularity_id;
