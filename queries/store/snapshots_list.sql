-- Grain: one row per frozen deck snapshot, newest first (without its content).
-- Columns: snapshot_id, taken_at, taken_by, summit_date.
-- Parameters: none.
SELECT snapshot_id, taken_at, taken_by, summit_date
FROM snapshots
ORDER BY snapshot_id DESC;
