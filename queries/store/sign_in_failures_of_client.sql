-- Grain: one row: the failed sign-ins from one client (any account name) in the last $minutes minutes.
-- Parameters: $client (the browser's address), $minutes (the lockout window).
SELECT
    count(*) AS failures,
    coalesce(CAST(extract(epoch FROM LOCALTIMESTAMP - max(attempted_at)) AS DOUBLE PRECISION), 0) AS seconds_since_last
FROM sign_in_attempts
WHERE client = $client
  AND outcome <> 'signed_in'
  AND attempted_at > LOCALTIMESTAMP - $minutes * INTERVAL '1 minute';
