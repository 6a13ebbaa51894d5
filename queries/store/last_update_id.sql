-- Grain: one row: the highest update id so far (0 when there is none).
-- Columns: last_id. Parameters: none.
SELECT coalesce(max(update_id), 0) AS last_id FROM progress_updates;
