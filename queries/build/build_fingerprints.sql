-- Grain: one row: the fingerprints a database was built with (compared to decide whether it is stale).
-- Columns: sources_sha256, code_sha256. Parameters: none.
SELECT sources_sha256, code_sha256 FROM build_info;
