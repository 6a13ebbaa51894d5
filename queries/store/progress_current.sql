-- Grain: one row per workstream with a validated update as known at $at: its official status, the latest
-- update the secretariat validated (by update id). Proposals awaiting validation and returned updates never
-- count here (see progress_proposed.sql); workstreams without a validated update are "not yet assessed"
-- (they have no row here).
-- Columns: workstream_code, update_id, status, confidence, stall_reason, as_of, validated (always true),
--          proposed_at, cycle_date (the Summit cycle it was validated at), decided_at.
-- Parameters: $at (TIMESTAMP: what was known at that moment; NULL for now).
SELECT
    u.workstream_code,
    max(u.update_id) AS update_id,
    arg_max(u.status, u.update_id) AS status,
    arg_max(u.confidence, u.update_id) AS confidence,
    arg_max(u.stall_reason, u.update_id) AS stall_reason,
    arg_max(u.as_of, u.update_id) AS as_of,
    true AS validated,
    arg_max(u.proposed_at, u.update_id) AS proposed_at,
    arg_max(d.cycle_date, u.update_id) AS cycle_date,
    arg_max(d.decided_at, u.update_id) AS decided_at
FROM progress_updates AS u
JOIN validations AS d ON d.update_id = u.update_id AND d.decision = 'validated'
WHERE $at IS NULL OR d.decided_at <= $at
GROUP BY u.workstream_code
ORDER BY u.workstream_code;
