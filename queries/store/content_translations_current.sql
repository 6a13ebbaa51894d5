-- Grain: one row per kind × code × language whose latest revision has a text (removed ones are left out).
-- Columns: kind, code, language, text, source, entered_by, entered_at, revision_id.
-- Parameters: none.
SELECT kind, code, language, text, source, entered_by, entered_at, revision_id
FROM content_translations
QUALIFY row_number() OVER (PARTITION BY kind, code, language ORDER BY revision_id DESC) = 1
    AND text IS NOT NULL
ORDER BY kind, code, language;
