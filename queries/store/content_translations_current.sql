-- Grain: one row per kind × code × language whose latest revision has a text (removed ones are left out).
-- Columns: kind, code, language, text, source, entered_by, entered_at, revision_id.
-- Parameters: none.
-- (The latest revision by row_number in a subquery: the same on DuckDB and PostgreSQL, which has no QUALIFY.)
SELECT kind, code, language, text, source, entered_by, entered_at, revision_id
FROM (
    SELECT
        *, row_number() OVER (PARTITION BY kind, code, language ORDER BY revision_id DESC) AS newest
    FROM content_translations
) AS revisions
WHERE newest = 1 AND text IS NOT NULL
ORDER BY kind, code, language;
