-- Grain: one row per organisation × role × name as written in objective $code's fiche (partner, steering committee).
-- Columns: org_id, name, role, as_written, document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT g.org_id, org.name, g.role, g.as_written, g.document, g.line_start, g.line_end
FROM organisation_roles AS g
JOIN organisations AS org USING (org_id)
WHERE g.objective_code = $code AND g.workstream_code IS NULL
ORDER BY g.role, g.line_start, org.name;
