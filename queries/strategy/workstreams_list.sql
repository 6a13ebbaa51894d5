-- Grain: one row per workstream (all 100), in strategy order; pages select the rows that pass the filters.
-- Columns: code, title, objective_code, objective_title, pillar, objective_priority_type, priority_type,
--          priority_tag, steering (names as written, '; '-separated), description, code_printed, code_note.
-- Parameters: none.
SELECT
    w.code,
    w.title,
    w.objective_code,
    o.title AS objective_title,
    o.pillar,
    o.priority_type AS objective_priority_type,
    w.priority_type,
    w.priority_tag,
    coalesce(s.steering, w.steering_note) AS steering,
    w.description,
    w.code_printed,
    w.code_note
FROM workstreams AS w
JOIN objectives AS o ON o.code = w.objective_code
LEFT JOIN (
    SELECT workstream_code, string_agg(DISTINCT as_written, '; ') AS steering
    FROM (SELECT workstream_code, as_written FROM responsibilities WHERE workstream_code IS NOT NULL
          UNION ALL
          SELECT workstream_code, as_written FROM organisation_roles WHERE workstream_code IS NOT NULL)
    GROUP BY workstream_code
) AS s ON s.workstream_code = w.code
ORDER BY w.sort_order;
