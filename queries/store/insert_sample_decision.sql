-- Purpose: append one generated sample decision, marked is_sample (run for every row of a batch).
-- Parameters: $update_id, $decision, $comment, $cycle_date, $actor (the sample generator's name), $decided_at.
INSERT INTO validations (update_id, decision, comment, cycle_date, decided_by, decided_at, is_sample)
VALUES ($update_id, $decision, $comment, $cycle_date, $actor, $decided_at, true);
