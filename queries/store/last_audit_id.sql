-- Grain: one row: the highest audit id (0 when the log is empty); every write appends one, so it changes
-- whenever any process has written (the store's generation on PostgreSQL).
-- Columns: last_id. Parameters: none.
SELECT coalesce(max(audit_id), 0) AS last_id FROM audit_log;
