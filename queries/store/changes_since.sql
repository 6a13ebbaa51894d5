-- Grain: one row per update proposed or decided after $since, newest first (the filters select workstreams
-- afterwards). "What changed" shows the validated ones (decided after $since) and, when asked, the proposals
-- awaiting validation (proposed after $since), marked as such; a returned update changed nothing.
-- Columns: update_id, workstream_code, proposed_at, proposed_by, as_of, status, confidence, narrative,
--          decision (NULL while awaiting validation), decided_at, is_sample.
-- Parameters: $since (TIMESTAMP).
SELECT
    u.update_id, u.workstream_code, u.proposed_at, u.proposed_by, u.as_of, u.status, u.confidence,
    u.narrative, v.decision, v.decided_at, u.is_sample
FROM progress_updates AS u
LEFT JOIN validations AS v USING (update_id)
WHERE u.proposed_at > $since OR v.decided_at > $since
ORDER BY u.update_id DESC;
