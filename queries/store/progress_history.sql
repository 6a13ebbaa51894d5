-- Grain: one row per update of one workstream, newest first, with its decision if any.
-- Parameters: $code (workstream code).
SELECT
    u.update_id, u.proposed_at, u.proposed_by, u.as_of, u.status, u.confidence, u.stall_reason,
    u.narrative, u.evidence_url, u.is_sample,
    v.decision, v.comment AS decision_comment, v.cycle_date, v.decided_by, v.decided_at
FROM progress_updates AS u
LEFT JOIN validations AS v USING (update_id)
WHERE u.workstream_code = $code
ORDER BY u.update_id DESC;
