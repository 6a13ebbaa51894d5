-- Purpose: drop used sign-in tokens older than a day (a token expires after a minute: only the recent ones matter).
-- Parameters: none.
DELETE FROM redeemed_sign_in_tokens WHERE redeemed_at < LOCALTIMESTAMP - INTERVAL '1 day';
