-- Grain: at most one row: the version (latest update id) a workstream has now, read inside a write.
-- Columns: version. Parameters: $code (workstream code).
SELECT version FROM workstream_versions WHERE workstream_code = $code;
