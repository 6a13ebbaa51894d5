-- Purpose: append one generated sample update with its own id, marked is_sample (run for every row of a batch).
-- Parameters: $update_id, $workstream_code, $status, $stall_reason, $confidence, $narrative, $as_of, $actor (the
-- sample generator's name), $proposed_at.
INSERT INTO progress_updates (
    update_id, workstream_code, based_on, status, stall_reason, confidence, narrative, as_of, proposed_by,
    proposed_at, is_sample
)
VALUES (
    $update_id, $workstream_code, 0, $status, $stall_reason, $confidence, $narrative, $as_of, $actor, $proposed_at,
    true
);
