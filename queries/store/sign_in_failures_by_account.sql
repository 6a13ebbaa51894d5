-- Grain: one row per account name with failed sign-ins in the last $minutes minutes since its last success or
--        unlock, the most failures first (python -m monitor.storage.accounts failures).
-- Parameters: $minutes (the lockout window).
WITH counted_from AS (
    SELECT username, max(moment) AS moment
    FROM (
        SELECT username, attempted_at AS moment FROM sign_in_attempts WHERE outcome = 'signed_in'
        UNION ALL
        SELECT username, unlocked_at FROM sign_in_unlocks
    ) AS moments
    GROUP BY username
)
SELECT
    attempts.username,
    count(*) AS failures,
    max(attempts.attempted_at) AS last_failure,
    CAST(extract(epoch FROM LOCALTIMESTAMP - max(attempts.attempted_at)) AS DOUBLE PRECISION) AS seconds_since_last,
    string_agg(DISTINCT attempts.client, ', ' ORDER BY attempts.client) AS clients
FROM sign_in_attempts AS attempts
LEFT JOIN counted_from USING (username)
WHERE attempts.outcome <> 'signed_in'
  AND attempts.attempted_at > LOCALTIMESTAMP - $minutes * INTERVAL '1 minute'
  AND attempts.attempted_at > coalesce(counted_from.moment, TIMESTAMP '1970-01-01')
GROUP BY attempts.username
ORDER BY failures DESC, attempts.username;
