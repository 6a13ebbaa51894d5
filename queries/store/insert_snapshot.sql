-- Purpose: a frozen Summit deck (everything its slides show, as JSON); returns its id.
-- Parameters: $by (account name), $summit (Summit date), $content (JSON).
INSERT INTO snapshots (taken_by, summit_date, content) VALUES ($by, $summit, $content) RETURNING snapshot_id;
