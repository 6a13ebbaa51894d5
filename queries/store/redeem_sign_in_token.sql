-- Purpose: use up a one-time sign-in token: returns its nonce when this is its first use, no row when it was used.
-- Parameters: $nonce (the token's random part).
INSERT INTO redeemed_sign_in_tokens (nonce) VALUES ($nonce)
ON CONFLICT DO NOTHING
RETURNING nonce;
