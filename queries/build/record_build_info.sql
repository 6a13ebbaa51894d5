-- Purpose: the build's one row: when, from which sources and by which code the database was built.
-- Parameters: $built_at (UTC), $fingerprint (of the sources and documents), $version (schema version),
-- $code (fingerprint of the schema and build code).
INSERT INTO build_info VALUES ($built_at, $fingerprint, $version, $code);
