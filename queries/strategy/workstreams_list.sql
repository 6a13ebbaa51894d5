-- Grain: one row per workstream (all 100), in strategy order; pages select the rows that pass the filters.
-- Columns: code, title, objective_code, objective_title, pillar, objective_priority_type, priority_type,
--          priority_tag, steering (names as written, '; '-separated, each with the footnote printed for it),
--          description, code_printed, code_note.
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
    SELECT n.workstream_code,
           string_agg(DISTINCT n.as_written || coalesce(' (' || f.marker || ': ' || f.text || ')', ''), '; ') AS steering
    FROM (SELECT workstream_code, as_written FROM responsibilities WHERE workstream_code IS NOT NULL
          UNION ALL
          SELECT workstream_code, as_written FROM organisation_roles WHERE workstream_code IS NOT NULL) AS n
    LEFT JOIN name_footnotes AS f ON f.workstream_code = n.workstream_code AND f.as_written = n.as_written
    GROUP BY n.workstream_code
) AS s ON s.workstream_code = w.code
ORDER BY w.sort_order;
