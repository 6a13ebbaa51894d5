-- Grain: one row per steering member or body of workstream $code × title as written (plus consulted members).
-- Columns: kind ('member', 'organisation'), party_id, name, role ('steering', 'consulted'), as_written,
--          document, line_start, line_end.
-- Parameters: $code (workstream code).
SELECT 'member' AS kind, r.member_id AS party_id, m.name, 'steering' AS role, r.as_written, r.document,
       r.line_start, r.line_end
FROM responsibilities AS r JOIN government_members AS m USING (member_id)
WHERE r.workstream_code = $code
UNION ALL
SELECT 'organisation', g.org_id, org.name, 'steering', g.as_written, g.document, g.line_start, g.line_end
FROM organisation_roles AS g JOIN organisations AS org USING (org_id)
WHERE g.workstream_code = $code
UNION ALL
SELECT 'member', c.member_id, m.name, 'consulted', c.as_written || ' (' || c.qualifier || ')', c.document,
       c.line_start, c.line_end
FROM workstream_consultations AS c JOIN government_members AS m USING (member_id)
WHERE c.workstream_code = $code
ORDER BY role DESC, line_start;
