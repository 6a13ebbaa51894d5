-- Grain: one row per progress update ever stored, with its decision if any (the full, append-only history).
-- Parameters: none.
SELECT
    u.update_id, u.workstream_code, u.status, u.confidence, u.stall_reason, u.as_of, u.narrative,
    u.evidence_url, u.proposed_by, u.proposed_at, u.import_id, u.is_sample,
    v.decision, v.comment AS decision_comment, v.cycle_date, v.decided_by, v.decided_at
FROM progress_updates AS u
LEFT JOIN validations AS v USING (update_id)
ORDER BY u.update_id;
