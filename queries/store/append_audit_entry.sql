-- Purpose: the audit log's line for one write, in the write's own transaction.
-- Parameters: $actor (account name), $action (what was done), $detail (JSON).
INSERT INTO audit_log (actor, action, detail) VALUES ($actor, $action, $detail);
