-- 050: every sign-in attempt (right, wrong, or refused while an account or a client must wait or is locked),
-- kept in the store so that the backoff and the lockout hold across sessions, tabs and processes.
-- Append-only: the counts are derived from the rows (queries/store/sign_in_failures_*.sql).

CREATE SEQUENCE sign_in_attempt_ids;
CREATE TABLE sign_in_attempts (
    attempt_id BIGINT PRIMARY KEY DEFAULT nextval('sign_in_attempt_ids'),
    attempted_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    username VARCHAR NOT NULL,
    client VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL CHECK (outcome IN ('signed_in', 'wrong', 'too_soon', 'locked'))
);
CREATE INDEX sign_in_attempts_by_username ON sign_in_attempts (username);
CREATE INDEX sign_in_attempts_by_client ON sign_in_attempts (client);
