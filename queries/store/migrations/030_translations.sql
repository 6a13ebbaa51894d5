-- 030: French and English titles of content (objectives, workstreams, members, indicators, shared priorities)
-- entered by an admin, each with where the translation comes from. The documents are Dutch and hold none.
-- Append-only: every change is a new revision; the latest revision per kind × code × language wins, and a
-- revision without text removes the translation (the Dutch original is shown again).

CREATE SEQUENCE content_translation_ids;
CREATE TABLE content_translations (
    revision_id BIGINT PRIMARY KEY DEFAULT nextval('content_translation_ids'),
    kind VARCHAR NOT NULL CHECK (kind IN ('objective', 'workstream', 'member', 'indicator', 'priority')),
    code VARCHAR NOT NULL,
    language VARCHAR NOT NULL CHECK (language IN ('fr', 'en')),
    text VARCHAR CHECK (text IS NULL OR length(trim(text)) > 0),
    source VARCHAR NOT NULL CHECK (length(trim(source)) > 0),
    entered_by VARCHAR NOT NULL,
    entered_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);
