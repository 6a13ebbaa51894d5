-- Purpose: empty the store's schema first, in the restore's one transaction (psql -1, then pg_restore's script):
-- tables newer than the backup must not survive it, or the migration that adds them again would stop ("already
-- exists"). Run by psql, not through the store's engine: the store is a database of its own, in its schema public.
-- Parameters: none.
DROP SCHEMA public CASCADE;
CREATE SCHEMA public;
