-- Grain: one row per member × workstream × role (objective-level roles reach every workstream of the objective).
-- Columns: member_id, member_name, government, member_kind, member_order, objective_code, objective_title,
--          workstream_code, workstream_title, role (initiating, associated, steering, consulted), confidence (the
--          surest printed title giving the role: exact, inferred, undecided), objective_order, workstream_order.
-- Parameters: none.
SELECT
    m.member_id,
    m.name AS member_name,
    m.government,
    m.kind AS member_kind,
    m.sort_order AS member_order,
    w.objective_code,
    o.title AS objective_title,
    w.code AS workstream_code,
    w.title AS workstream_title,
    x.role,
    x.confidence,
    o.sort_order AS objective_order,
    w.sort_order AS workstream_order
FROM workstream_members AS x
JOIN government_members AS m USING (member_id)
JOIN workstreams AS w ON w.code = x.workstream_code
JOIN objectives AS o ON o.code = w.objective_code
ORDER BY m.sort_order, w.sort_order, x.role;
