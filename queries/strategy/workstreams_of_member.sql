-- Grain: one row per workstream that a government member may report progress on: those it steers and
--        those of the objectives it initiates (workstream_members carries the objective roles down).
-- Parameters: $member_id (a government_members.member_id).
SELECT DISTINCT w.code, w.sort_order
FROM workstream_members AS m
JOIN workstreams AS w ON w.code = m.workstream_code
WHERE m.member_id = $member_id AND m.role IN ('steering', 'initiating')
ORDER BY w.sort_order;
