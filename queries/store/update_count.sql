-- Grain: one row: how many progress updates the store holds.
-- Parameters: none.
SELECT count(*) AS updates FROM progress_updates;
