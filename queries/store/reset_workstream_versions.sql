-- Purpose: after bulk changes (sample added or removed), each workstream's version is again its latest update.
-- Parameters: none.
DELETE FROM workstream_versions;
INSERT INTO workstream_versions
SELECT workstream_code, max(update_id) FROM progress_updates GROUP BY workstream_code;
