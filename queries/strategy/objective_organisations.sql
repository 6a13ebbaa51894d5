-- Grain: one row per organisation × role × name as written in objective $code's fiche (partner, steering committee,
--        consulted: named apart from the lists, to be approached).
-- Columns: org_id, name, role, as_written, confidence (of the printed name's match: exact, inferred, undecided),
--          basis (why the name is read as this organisation; basis_nl, basis_fr: in Dutch and French), qualifier
--          (consulted: the printed words), document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT g.org_id, org.name, g.role, g.as_written, g.confidence, a.note AS basis, a.note_nl AS basis_nl,
       a.note_fr AS basis_fr, g.qualifier, g.document, g.line_start, g.line_end
FROM organisation_roles AS g
JOIN organisations AS org USING (org_id)
LEFT JOIN organisation_aliases AS a ON a.alias = g.as_written AND a.org_id = g.org_id
WHERE g.objective_code = $code AND g.workstream_code IS NULL
ORDER BY g.role, g.line_start, org.name;
