-- 070: the one-time tokens that handed a sign-in from the Account page to the route setting the lasting cookie,
-- once used (monitor.storage.sessions.redeem). In the store, not in a process's memory: with several app
-- processes (make serve) a token replayed to another process within its minute must be refused there too.

CREATE TABLE redeemed_sign_in_tokens (
    nonce VARCHAR PRIMARY KEY,
    redeemed_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
