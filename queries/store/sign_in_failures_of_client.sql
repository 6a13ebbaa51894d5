-- Grain: one row: the failed sign-ins from one client (any account name) in the last $minutes minutes.
-- Parameters: $client (the browser's address), $minutes (the lockout window).
SELECT
    count(*) AS failures,
    coalesce(epoch(current_localtimestamp() - max(attempted_at)), 0) AS seconds_since_last
FROM sign_in_attempts
WHERE client = $client
  AND outcome <> 'signed_in'
  AND attempted_at > current_localtimestamp() - to_seconds($minutes * 60);
