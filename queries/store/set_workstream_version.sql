-- Purpose: a workstream's version becomes its latest update (the next edit must be based on it).
-- Parameters: $code (workstream code), $version (update id).
INSERT INTO workstream_versions (workstream_code, version) VALUES ($code, $version)
ON CONFLICT (workstream_code) DO UPDATE SET version = excluded.version;
