-- Purpose: the update id sequence continues after the highest id (sample rows are inserted with their own ids).
-- Columns: setval. Parameters: none.
SELECT setval('update_ids', (SELECT max(update_id) FROM progress_updates));
