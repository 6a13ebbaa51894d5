-- Grain: one row per workstream with at least one update that counts: its status as known at $at.
-- An update counts when it was not returned, and, for a final status (partially delivered, delivered,
-- abandoned), only once validated. The latest update that counts is the current status; workstreams
-- without one are "not yet assessed" (they have no row here).
-- Columns: workstream_code, update_id, status, confidence, stall_reason, as_of, validated, proposed_at.
-- Parameters: $at (TIMESTAMP: what was known at that moment; NULL for now).
WITH counting AS (
    SELECT
        u.workstream_code, u.update_id, u.status, u.confidence, u.stall_reason, u.as_of, u.proposed_at,
        coalesce(d.decision = 'validated', false) AS validated
    FROM progress_updates AS u
    LEFT JOIN validations AS d ON d.update_id = u.update_id AND ($at IS NULL OR d.decided_at <= $at)
    WHERE ($at IS NULL OR u.proposed_at <= $at)
      AND d.decision IS DISTINCT FROM 'returned'
      AND (d.decision = 'validated' OR u.status NOT IN ('partially_delivered', 'delivered', 'abandoned'))
)
SELECT
    workstream_code,
    max(update_id) AS update_id,
    arg_max(status, update_id) AS status,
    arg_max(confidence, update_id) AS confidence,
    arg_max(stall_reason, update_id) AS stall_reason,
    arg_max(as_of, update_id) AS as_of,
    arg_max(validated, update_id) AS validated,
    arg_max(proposed_at, update_id) AS proposed_at
FROM counting
GROUP BY workstream_code
ORDER BY workstream_code;
