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
    u.workstream_code, u.update_id, u.status, u.confidence, u.stall_reason, u.as_of, u.proposed_at, u.proposed_by,
    u.evidence_url
FROM progress_updates AS u
ANTI JOIN validations AS v ON v.update_id = u.update_id
LEFT JOIN official AS o ON o.workstream_code = u.workstream_code
WHERE u.update_id > coalesce(o.update_id, 0)
QUALIFY row_number() OVER (PARTITION BY u.workstream_code ORDER BY u.update_id DESC) = 1  -- the whole latest row
ORDER BY u.workstream_code;
