-- 001: the audit log, Social Summit cycles added by admins, progress updates and their validation.
-- Append-only: rows are inserted, never updated or deleted (except sample rows, by `monitor.progress.sample remove`).
-- The current status of a workstream is derived from these rows (queries/store/progress_current.sql).

CREATE SEQUENCE audit_ids;
CREATE TABLE audit_log (
    audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
    logged_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    detail JSON NOT NULL
);

-- Cycles named in the documents come from the strategy database; these are the ones admins add.
CREATE TABLE cycles (
    summit_date DATE PRIMARY KEY,
    label VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    added_by VARCHAR NOT NULL,
    added_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);

CREATE SEQUENCE import_ids;
CREATE TABLE imports (
    import_id BIGINT PRIMARY KEY DEFAULT nextval('import_ids'),
    kind VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    row_count INTEGER NOT NULL,
    imported_by VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);

CREATE SEQUENCE update_ids;
CREATE TABLE progress_updates (
    update_id BIGINT PRIMARY KEY DEFAULT nextval('update_ids'),
    workstream_code VARCHAR NOT NULL,
    based_on BIGINT NOT NULL,            -- the workstream's version the editor saw (0: none yet)
    status VARCHAR NOT NULL CHECK (status IN (
        'not_started', 'in_progress', 'stalled', 'partially_delivered', 'delivered', 'abandoned')),
    stall_reason VARCHAR CHECK (stall_reason IN ('budget', 'legal', 'partner', 'priority_shift', 'other')),
    confidence VARCHAR CHECK (confidence IN ('green', 'amber', 'red')),
    narrative VARCHAR NOT NULL,
    evidence_url VARCHAR,
    as_of DATE NOT NULL,                 -- the date the status describes
    proposed_by VARCHAR NOT NULL,
    proposed_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    import_id BIGINT REFERENCES imports (import_id),
    is_sample BOOLEAN NOT NULL DEFAULT false,
    CHECK ((status = 'stalled') = (stall_reason IS NOT NULL)),
    CHECK (confidence IS NULL OR status IN ('not_started', 'in_progress', 'stalled'))
);
CREATE INDEX progress_updates_workstream ON progress_updates (workstream_code);

-- The concurrency token: the latest update of each workstream. An edit names the version it was
-- based on; the write path refuses it when this row has moved on.
CREATE TABLE workstream_versions (
    workstream_code VARCHAR PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE SEQUENCE decision_ids;
CREATE TABLE validations (
    decision_id BIGINT PRIMARY KEY DEFAULT nextval('decision_ids'),
    update_id BIGINT NOT NULL,           -- a progress_updates row (checked by the write path and the contract
                                         -- tests: DuckDB cannot delete referenced sample rows in one transaction)
    decision VARCHAR NOT NULL CHECK (decision IN ('validated', 'returned')),
    comment VARCHAR,
    cycle_date DATE NOT NULL,            -- the Social Summit cycle at which it was decided
    decided_by VARCHAR NOT NULL,
    decided_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    is_sample BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX validations_update ON validations (update_id);
