-- Grain: one row: the failed sign-ins of one account name in the last $minutes minutes, since its last success.
-- Parameters: $username (normalised account name), $minutes (the lockout window).
SELECT
    count(*) AS failures,
    coalesce(CAST(extract(epoch FROM LOCALTIMESTAMP - max(attempted_at)) AS DOUBLE PRECISION), 0) AS seconds_since_last
FROM sign_in_attempts
WHERE username = $username
  AND outcome <> 'signed_in'
  AND attempted_at > LOCALTIMESTAMP - $minutes * INTERVAL '1 minute'
  AND attempted_at > coalesce(
      (SELECT max(attempted_at) FROM sign_in_attempts WHERE username = $username AND outcome = 'signed_in'),
      TIMESTAMP '1970-01-01'
  );
