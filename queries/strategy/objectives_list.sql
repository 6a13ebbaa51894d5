-- Grain: one row per objective (all 17), in strategy order.
-- Columns: code, title, pillar, priority_type, priority_text, total_workstreams, initiating (names, '; '),
--          initiating_inferred (those of them named by a title the Monitor only reads as that member, '; ').
-- Parameters: none.
SELECT
    o.code,
    o.title,
    o.pillar,
    o.priority_type,
    o.priority_text,
    (SELECT count(*) FROM workstreams AS w WHERE w.objective_code = o.code) AS total_workstreams,
    i.initiating,
    i.initiating_inferred
FROM objectives AS o
LEFT JOIN (
    SELECT
        r.objective_code,
        string_agg(m.name, '; ' ORDER BY m.sort_order) AS initiating,
        string_agg(m.name, '; ' ORDER BY m.sort_order) FILTER (WHERE r.confidence <> 'exact') AS initiating_inferred
    FROM responsibilities AS r JOIN government_members AS m USING (member_id)
    WHERE r.role = 'initiating'
    GROUP BY r.objective_code
) AS i ON i.objective_code = o.code
ORDER BY o.sort_order;
