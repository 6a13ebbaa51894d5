-- Purpose: one sign-in attempt and its outcome, in the audited transaction of monitor.storage.sign_ins.
-- Parameters: $username (the name typed, normalised), $client (the browser's address), $outcome, $method
-- ('password' or 'single_sign_on').
INSERT INTO sign_in_attempts (username, client, outcome, method) VALUES ($username, $client, $outcome, $method);
