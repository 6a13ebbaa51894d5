-- Purpose: the table that records which numbered migrations (queries/store/migrations/) a store has had.
-- Parameters: none. Run before anything else when a store is opened.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
