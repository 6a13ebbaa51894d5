-- Grain: one row per numeric target or dated milestone stated in objective $code's fiche or workstreams.
-- Columns: target_id, workstream_code, kind, quote, meaning, target_value, target_unit, target_year, base_year,
--          document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT target_id, workstream_code, kind, quote, meaning, target_value, target_unit, target_year, base_year,
       document, line_start, line_end
FROM targets
WHERE objective_code = $code
ORDER BY line_start;
