-- Grain: one row per workstream with a validated update as known at $at: its official status, the latest
-- update the secretariat validated (by update id). Proposals awaiting validation and returned updates never
-- count here (see progress_proposed.sql); workstreams without a validated update are "not yet assessed"
-- (they have no row here).
-- Columns: workstream_code, update_id, status, confidence, stall_reason, as_of, validated (always true),
--          proposed_at, cycle_date (the Summit cycle it was validated at), decided_at.
-- Parameters: $at (TIMESTAMP: what was known at that moment; NULL for now).
-- The latest validated update's row as a whole: an aggregate per column (arg_max) skips NULLs, and gave an abandoned
-- workstream the confidence and stall reason of an older update.
-- The latest row by row_number in a subquery (PostgreSQL has no QUALIFY); $at is cast so that a NULL has a type.
SELECT workstream_code, update_id, status, confidence, stall_reason, as_of, validated, proposed_at, cycle_date, decided_at
FROM (
    SELECT
        u.workstream_code, u.update_id, u.status, u.confidence, u.stall_reason, u.as_of, true AS validated,
        u.proposed_at, d.cycle_date, d.decided_at,
        row_number() OVER (PARTITION BY u.workstream_code ORDER BY u.update_id DESC) AS newest
    FROM progress_updates AS u
    JOIN validations AS d ON d.update_id = u.update_id AND d.decision = 'validated'
    WHERE CAST($at AS TIMESTAMP) IS NULL OR d.decided_at <= $at
) AS validated_updates
WHERE newest = 1
ORDER BY workstream_code;
