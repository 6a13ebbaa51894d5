-- 040: the 7 policy domains of the 2026 Social Summit may get a French or English name too (kind 'domain').
-- DuckDB cannot alter a CHECK constraint, so the table is rebuilt with the wider check and every revision,
-- with its id, author and time, is copied over unchanged. The id sequence stays the same.

CREATE TABLE content_translations_040 (
    revision_id BIGINT PRIMARY KEY DEFAULT nextval('content_translation_ids'),
    kind VARCHAR NOT NULL CHECK (kind IN ('objective', 'workstream', 'member', 'indicator', 'priority', 'domain')),
    code VARCHAR NOT NULL,
    language VARCHAR NOT NULL CHECK (language IN ('fr', 'en')),
    text VARCHAR CHECK (text IS NULL OR length(trim(text)) > 0),
    source VARCHAR NOT NULL CHECK (length(trim(source)) > 0),
    entered_by VARCHAR NOT NULL,
    entered_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
INSERT INTO content_translations_040 SELECT * FROM content_translations ORDER BY revision_id;
DROP TABLE content_translations;
ALTER TABLE content_translations_040 RENAME TO content_translations;
