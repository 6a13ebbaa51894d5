-- Purpose: record that a migration was applied (in the migration's own transaction).
-- Parameters: $version (its number), $name (its file name).
INSERT INTO schema_migrations (version, name) VALUES ($version, $name);
