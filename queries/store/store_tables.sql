-- Grain: one row per table of a store (used to tell a store backup from another database).
-- Columns: table_name. Parameters: none.
SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema();
