-- Purpose: append generated sample updates, marked is_sample, from the registered frame sample_updates.
-- Parameters: $actor (the sample generator's name).
INSERT INTO progress_updates (
    update_id, workstream_code, based_on, status, stall_reason, confidence, narrative, as_of, proposed_by,
    proposed_at, is_sample
)
SELECT update_id, workstream_code, 0, status, stall_reason, confidence, narrative, as_of, $actor, proposed_at, true
FROM sample_updates;
