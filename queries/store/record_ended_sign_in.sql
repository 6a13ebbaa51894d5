-- Purpose: end a lasting sign-in (Sign out): its cookie's digest is refused from now on.
-- Parameters: $digest (sha256 of the cookie's value).
INSERT INTO ended_sign_ins (cookie_digest) VALUES ($digest)
ON CONFLICT DO NOTHING;
