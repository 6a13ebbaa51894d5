-- Grain: one row per pillar × objective priority type (shared, consulted, mixed) that occurs.
-- Columns: pillar, priority_type, objectives, objective_codes (comma-separated, in order).
-- Parameters: none.
SELECT
    pillar,
    priority_type,
    count(*) AS objectives,
    string_agg(code, ', ' ORDER BY sort_order) AS objective_codes
FROM objectives
GROUP BY pillar, priority_type
ORDER BY pillar, priority_type;
