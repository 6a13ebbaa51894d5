-- Grain: one row per migration the store has had.
-- Columns: version. Parameters: none.
SELECT version FROM schema_migrations;
