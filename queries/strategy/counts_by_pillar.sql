-- Grain: one row per pillar.
-- Columns: pillar, pillar_title, objectives, workstreams.
-- Parameters: none.
SELECT
    p.pillar,
    p.title AS pillar_title,
    count(DISTINCT o.code) AS objectives,
    count(w.code) AS workstreams
FROM pillars AS p
LEFT JOIN objectives AS o ON o.pillar = p.pillar
LEFT JOIN workstreams AS w ON w.objective_code = o.code
GROUP BY p.pillar, p.title
ORDER BY p.pillar;
