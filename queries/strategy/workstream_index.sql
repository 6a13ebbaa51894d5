-- Grain: one row per workstream: what the global filters test, loaded once per database file.
-- Columns: code, objective_code, pillar, priority (objective level), ws_priority ('none' where untagged),
--          haystack (search text: lower case, accents stripped), sort_order.
-- Parameters: none.
SELECT
    w.code,
    w.objective_code,
    o.pillar,
    o.priority_type AS priority,
    coalesce(w.priority_type, 'none') AS ws_priority,
    s.haystack,
    w.sort_order
FROM workstreams AS w
JOIN objectives AS o ON o.code = w.objective_code
JOIN workstream_search AS s ON s.workstream_code = w.code
ORDER BY w.sort_order;
