-- Grain: one row per update proposed after $since, newest first (the filters select workstreams afterwards).
-- Columns: update_id, workstream_code, proposed_at, proposed_by, as_of, status, confidence, narrative,
--          decision (NULL while pending), is_sample.
-- Parameters: $since (TIMESTAMP).
SELECT
    u.update_id, u.workstream_code, u.proposed_at, u.proposed_by, u.as_of, u.status, u.confidence,
    u.narrative, v.decision, u.is_sample
FROM progress_updates AS u
LEFT JOIN validations AS v USING (update_id)
WHERE u.proposed_at > $since
ORDER BY u.update_id DESC;
