-- Grain: the frozen deck snapshot $snapshot_id (no row when there is none).
-- Columns: snapshot_id, taken_at, taken_by, summit_date, content (JSON text).
-- Parameters: $snapshot_id (BIGINT).
SELECT snapshot_id, taken_at, taken_by, summit_date, content::VARCHAR AS content
FROM snapshots
WHERE snapshot_id = $snapshot_id;
