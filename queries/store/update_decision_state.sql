-- Grain: at most one row: a proposed update and the decision already taken on it (NULL: none yet).
-- Columns: update_id, decision. Parameters: $id (update id).
SELECT u.update_id, v.decision
FROM progress_updates AS u
LEFT JOIN validations AS v USING (update_id)
WHERE u.update_id = $id;
