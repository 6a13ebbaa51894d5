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
SELECT workstream_code, update_id, status, confidence, stall_reason, as_of, proposed_at, proposed_by, evidence_url
FROM (
    SELECT
        u.workstream_code, u.update_id, u.status, u.confidence, u.stall_reason, u.as_of, u.proposed_at,
        u.proposed_by, u.evidence_url,
        row_number() OVER (PARTITION BY u.workstream_code ORDER BY u.update_id DESC) AS newest  -- the whole latest row
    FROM progress_updates AS u
    LEFT JOIN official AS o ON o.workstream_code = u.workstream_code
    WHERE u.update_id > coalesce(o.update_id, 0)
      AND NOT EXISTS (SELECT 1 FROM validations AS v WHERE v.update_id = u.update_id)
) AS proposals
WHERE newest = 1
ORDER BY workstream_code;
