-- Grain: one row per frozen deck snapshot, newest first (without its content).
-- Columns: snapshot_id, taken_at, taken_by, summit_date, includes_proposals (whether the presenter froze it with
--          the proposals awaiting validation, marked; false for decks frozen before that choice existed).
-- Parameters: none.
SELECT
    snapshot_id,
    taken_at,
    taken_by,
    summit_date,
    coalesce(content ->> 'includes_proposals', 'false') = 'true' AS includes_proposals
FROM snapshots
ORDER BY snapshot_id DESC;
