-- Grain: one row per sign-in attempt, newest first, the last $limit.
-- Parameters: $limit (how many rows).
SELECT attempted_at, username, client, outcome, method
FROM sign_in_attempts
ORDER BY attempt_id DESC
LIMIT $limit;
