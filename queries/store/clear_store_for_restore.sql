-- Purpose: empty the store before a backup is restored into it. DuckDB: a restore replaces the store file whole
-- (monitor.storage.store._restore_file), so there is nothing to clear (clear_store_for_restore.postgresql.sql does).
-- Parameters: none.
SELECT true AS cleared;
