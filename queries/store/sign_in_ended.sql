-- Grain: one row: whether the lasting sign-in of this cookie was ended by Sign out.
-- Parameters: $digest (sha256 of the cookie's value).
SELECT count(*) > 0 AS ended FROM ended_sign_ins WHERE cookie_digest = $digest;
