-- Grain: one row per workstream with a proposal awaiting validation that is newer than its official status:
-- the latest such proposal. Never official: every view shows it marked "proposed — awaiting validation".
-- Columns: workstream_code, update_id, status, confidence, stall_reason, as_of, proposed_at, proposed_by,
--          evidence_url.
-- Parameters: none.
WITH official AS (
    SELECT u.workstream_code, max(u.update_id) AS update_id
    FROM progress_updates AS u
    JOIN validations AS d ON d.update_id = u.update_id AND d.decision = 'validated'
    GROUP BY u.workstream_code
)
SELECT
    u.workstream_code,
    max(u.update_id) AS update_id,
    arg_max(u.status, u.update_id) AS status,
    arg_max(u.confidence, u.update_id) AS confidence,
    arg_max(u.stall_reason, u.update_id) AS stall_reason,
    arg_max(u.as_of, u.update_id) AS as_of,
    arg_max(u.proposed_at, u.update_id) AS proposed_at,
    arg_max(u.proposed_by, u.update_id) AS proposed_by,
    arg_max(u.evidence_url, u.update_id) AS evidence_url
FROM progress_updates AS u
ANTI JOIN validations AS v ON v.update_id = u.update_id
LEFT JOIN official AS o ON o.workstream_code = u.workstream_code
WHERE u.update_id > coalesce(o.update_id, 0)
GROUP BY u.workstream_code
ORDER BY u.workstream_code;
