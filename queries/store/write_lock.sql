-- Purpose: taken first in every write transaction. DuckDB: one process writes a store file, and the process's
-- own lock already serialises its writes, so there is nothing to take (write_lock.postgresql.sql takes one).
-- Parameters: none.
SELECT true AS locked;
