-- Purpose: an administrator's unlock of an account, in the audited transaction of monitor.storage.sign_ins.unlock.
-- Parameters: $username (normalised account name), $by (who unlocked it).
INSERT INTO sign_in_unlocks (username, unlocked_by) VALUES ($username, $by);
