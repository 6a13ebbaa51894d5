-- Grain: one row per proposed update that the secretariat has not decided on yet, oldest first.
-- Parameters: none.
SELECT
    u.update_id, u.workstream_code, u.proposed_at, u.proposed_by, u.as_of, u.status, u.confidence,
    u.stall_reason, u.narrative, u.evidence_url, u.is_sample
FROM progress_updates AS u
WHERE NOT EXISTS (SELECT 1 FROM validations AS v WHERE v.update_id = u.update_id)
ORDER BY u.update_id;
