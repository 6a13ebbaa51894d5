-- Grain: one row per member × role × title as written in objective $code's fiche (initiating, associated,
--        steering committee) or consulted on one of its workstreams.
-- Columns: member_id, name, government, kind, role, as_written, workstream_code, confidence (of the printed title's
--          match: exact, inferred, undecided), basis (why the title is read as this member;
--          basis_nl, basis_fr: the same in Dutch and French), qualifier (consulted:
--          the printed "in overleg met …" words), document, line_start, line_end, sort_order.
-- Parameters: $code (objective code).
SELECT m.member_id, m.name, m.government, m.kind, x.role, x.as_written, x.workstream_code, x.confidence,
       a.note AS basis, a.note_nl AS basis_nl, a.note_fr AS basis_fr, x.qualifier, x.document, x.line_start,
       x.line_end, m.sort_order
FROM (
    SELECT member_id, role, as_written, NULL AS workstream_code, confidence, NULL AS qualifier, document,
           line_start, line_end
    FROM responsibilities WHERE objective_code = $code AND role IN ('initiating', 'associated')
    UNION ALL
    SELECT member_id, 'committee', as_written, NULL, confidence, NULL, document, line_start, line_end
    FROM committee_members WHERE objective_code = $code
    UNION ALL
    SELECT c.member_id, 'consulted', c.as_written, c.workstream_code, c.confidence, c.qualifier, c.document,
           c.line_start, c.line_end
    FROM workstream_consultations AS c JOIN workstreams AS w ON w.code = c.workstream_code
    WHERE w.objective_code = $code
) AS x
JOIN government_members AS m USING (member_id)
LEFT JOIN member_aliases AS a ON a.alias = x.as_written AND a.member_id = x.member_id
ORDER BY x.role DESC, x.line_start, m.sort_order;
