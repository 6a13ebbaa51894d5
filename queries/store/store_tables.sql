-- Grain: one row per table of a store file (used to tell a store backup from another DuckDB file).
-- Columns: table_name. Parameters: none.
SELECT table_name FROM duckdb_tables();
