-- Purpose: serialise writes across processes: a transaction-scoped advisory lock, taken first in every write
-- transaction and released by its commit or rollback (why a lock: monitor/storage/engines.py, PostgresEngine).
-- Parameters: none. The key is a constant of the Monitor (2030: the strategy's horizon), one lock per database.
SELECT pg_advisory_xact_lock(2030);
