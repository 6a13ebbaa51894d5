-- Grain: one row (the build that wrote this database file).
-- Columns: built_at, sources_sha256, schema_version, code_sha256.
-- Parameters: none.
SELECT built_at, sources_sha256, schema_version, code_sha256
FROM build_info;
