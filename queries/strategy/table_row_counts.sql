-- Grain: one row per base table of the database.
-- Columns: table_name, row_count (estimated by DuckDB's catalogue, exact for a freshly built file).
-- Parameters: none.
SELECT table_name, estimated_size AS row_count, column_count
FROM duckdb_tables()
WHERE schema_name = 'main'
ORDER BY table_name;
