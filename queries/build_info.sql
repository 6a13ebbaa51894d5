-- Grain: one row (the build that wrote this database file).
-- Columns: built_at, sources_sha256, schema_version.
-- Parameters: none.
SELECT built_at, sources_sha256, schema_version
FROM build_info;
