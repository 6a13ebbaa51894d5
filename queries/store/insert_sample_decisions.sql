-- Purpose: append generated sample decisions, marked is_sample, from the registered frame sample_decisions.
-- Parameters: $actor (the sample generator's name).
INSERT INTO validations (update_id, decision, comment, cycle_date, decided_by, decided_at, is_sample)
SELECT update_id, decision, comment, cycle_date, $actor, decided_at, true
FROM sample_decisions;
