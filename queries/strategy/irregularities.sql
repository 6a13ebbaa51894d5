-- Grain: one row per recorded irregularity of the documents.
-- Columns: irregularity_id, scope, what, resolution (each also _nl and _fr), document, line_start, line_end.
-- Parameters: none.
SELECT irregularity_id, scope, what, what_nl, what_fr, resolution, resolution_nl, resolution_fr, document,
       line_start, line_end
FROM irregularities
ORDER BY irregularity_id;
