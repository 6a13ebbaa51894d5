-- Grain: one row per workstream with any update: when it was last updated (any state).
-- Parameters: none.
SELECT workstream_code, max(proposed_at) AS last_proposed_at, count(*) AS updates
FROM progress_updates
GROUP BY workstream_code;
