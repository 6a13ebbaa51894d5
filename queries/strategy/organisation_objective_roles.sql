-- Grain: one row per organisation × objective × role (partner, steering committee, steering of a workstream,
--        consulted).
-- Columns: org_id, org_name, org_kind, objective_code, objective_title, objective_priority_type, pillar, role,
--          objective_order, workstreams (codes it steers, for role 'steering'), as_written, confidence (the surest
--          printed name giving the role: exact, inferred, undecided), footnotes (printed with its names, or NULL).
-- Parameters: none.
SELECT
    g.org_id,
    org.name AS org_name,
    org.kind AS org_kind,
    g.objective_code,
    o.title AS objective_title,
    o.priority_type AS objective_priority_type,
    o.pillar,
    o.sort_order AS objective_order,
    g.role,
    string_agg(DISTINCT g.workstream_code, ', ') AS workstreams,
    string_agg(DISTINCT g.as_written, '; ') AS as_written,
    arg_min(g.confidence, list_position(['exact', 'inferred', 'undecided'], g.confidence)) AS confidence,
    string_agg(DISTINCT f.marker || ': ' || f.text, '; ') AS footnotes
FROM organisation_roles AS g
LEFT JOIN name_footnotes AS f ON f.workstream_code = g.workstream_code AND f.as_written = g.as_written
JOIN organisations AS org USING (org_id)
JOIN objectives AS o ON o.code = g.objective_code
GROUP BY ALL
ORDER BY objective_order, g.role, org_name;
