-- Grain: one row per title as printed that the Monitor reads as member $member_id without an exact match.
-- Columns: as_written (the printed title), name (the member's), confidence (inferred, undecided), basis (why; basis_nl,
--          basis_fr: in Dutch and French),
--          document, line_start, line_end.
-- Parameters: $member_id (a government_members.member_id).
SELECT a.alias AS as_written, m.name, a.confidence, a.note AS basis, a.note_nl AS basis_nl, a.note_fr AS basis_fr,
       a.document, a.line_start, a.line_end
FROM member_aliases AS a
JOIN government_members AS m USING (member_id)
WHERE a.member_id = $member_id AND a.confidence <> 'exact'
ORDER BY a.line_start, a.alias;
