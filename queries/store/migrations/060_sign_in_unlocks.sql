-- 060: an administrator's unlock of an account (python -m monitor.storage.accounts unlock): the account's count
-- of failed sign-ins starts anew from it, as after a successful sign-in (queries/store/sign_in_failures_*.sql).
-- The lock itself is a mark in the accounts file, read at every page run; both are in the audit log.

CREATE TABLE sign_in_unlocks (
    unlocked_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    username VARCHAR NOT NULL,
    unlocked_by VARCHAR NOT NULL
);
CREATE INDEX sign_in_unlocks_by_username ON sign_in_unlocks (username);
