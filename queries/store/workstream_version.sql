-- Grain: one row for the workstream (none before its first update): its concurrency version.
-- Parameters: $code (workstream code).
SELECT version FROM workstream_versions WHERE workstream_code = $code;
