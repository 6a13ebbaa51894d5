-- 010: indicator values entered after the documents (yearly BISA updates, a missing base-year value).
-- Append-only: a newer value for the same indicator and year is a new revision; the newest one is in force
-- and every earlier one stays (which import or hand entry, when, by whom). The document's values live in the
-- strategy database and are never changed here.

CREATE SEQUENCE indicator_revision_ids;
CREATE TABLE indicator_revisions (
    revision_id BIGINT PRIMARY KEY DEFAULT nextval('indicator_revision_ids'),
    indicator_id VARCHAR NOT NULL,       -- an indicators row of the strategy database (checked by the write path)
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value DOUBLE PRECISION NOT NULL,
    source VARCHAR NOT NULL,             -- who published the value (and where), as the person entering it names it
    source_date DATE NOT NULL,           -- when the source published it
    based_on BIGINT NOT NULL,            -- the revision in force when the value was previewed (0: none)
    import_id BIGINT REFERENCES imports (import_id),  -- NULL: entered by hand on the Targets page
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
CREATE INDEX indicator_revisions_key ON indicator_revisions (indicator_id, year);
