-- 080: lasting sign-ins ended by Sign out (monitor.storage.sessions.end): the digest of the cookie, so that a copy
-- of it (another device's, a stolen one) is refused too until it would have expired anyway.

CREATE TABLE ended_sign_ins (
    cookie_digest VARCHAR PRIMARY KEY,
    ended_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
