-- Grain: one row per printed fiche field of objective $code.
-- Columns: field, document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT field, document, line_start, line_end
FROM objective_fields
WHERE objective_code = $code
ORDER BY line_start;
