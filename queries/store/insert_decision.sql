-- Purpose: the secretariat's decision on a proposed update at a Summit cycle; returns its id.
-- Parameters: $id (update id), $decision ('validated' or 'returned'), $comment, $cycle (Summit date), $by.
INSERT INTO validations (update_id, decision, comment, cycle_date, decided_by)
VALUES ($id, $decision, $comment, $cycle, $by)
RETURNING decision_id;
