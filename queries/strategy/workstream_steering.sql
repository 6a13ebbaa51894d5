-- Grain: one row per steering member or body of workstream $code × title as written (plus consulted members).
-- Columns: kind ('member', 'organisation'), party_id, name, member_kind (government_members.kind; NULL for a body),
--          role ('steering', 'consulted'), as_written, confidence (of the printed name's match), basis (why it is
--          read so; basis_nl, basis_fr: the same in Dutch and French), footnote (marker and text printed with the
--          name, e.g. '*: voorstel …'), document, line_start, line_end, footnote_line.
-- Parameters: $code (workstream code).
SELECT x.*, f.marker || ': ' || f.text AS footnote, f.line_start AS footnote_line
FROM (
    SELECT 'member' AS kind, r.member_id AS party_id, m.name, m.kind AS member_kind, 'steering' AS role,
           r.as_written, r.confidence, a.note AS basis, a.note_nl AS basis_nl, a.note_fr AS basis_fr, r.document,
           r.line_start, r.line_end
    FROM responsibilities AS r JOIN government_members AS m USING (member_id)
    LEFT JOIN member_aliases AS a ON a.alias = r.as_written AND a.member_id = r.member_id
    WHERE r.workstream_code = $code
    UNION ALL
    SELECT 'organisation', g.org_id, org.name, NULL, 'steering', g.as_written, g.confidence, a.note, a.note_nl,
           a.note_fr, g.document, g.line_start, g.line_end
    FROM organisation_roles AS g JOIN organisations AS org USING (org_id)
    LEFT JOIN organisation_aliases AS a ON a.alias = g.as_written AND a.org_id = g.org_id
    WHERE g.workstream_code = $code
    UNION ALL
    SELECT 'member', c.member_id, m.name, m.kind, 'consulted', c.as_written || ' (' || c.qualifier || ')',
           c.confidence, a.note, a.note_nl, a.note_fr, c.document, c.line_start, c.line_end
    FROM workstream_consultations AS c JOIN government_members AS m USING (member_id)
    LEFT JOIN member_aliases AS a ON a.alias = c.as_written AND a.member_id = c.member_id
    WHERE c.workstream_code = $code
) AS x
LEFT JOIN name_footnotes AS f ON f.workstream_code = $code AND f.as_written = x.as_written
ORDER BY x.role DESC, x.line_start;
