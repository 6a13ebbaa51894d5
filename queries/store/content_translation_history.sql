-- Grain: one row per revision of a content translation, newest first (a removal has no text).
-- Columns: revision_id, kind, code, language, text, source, entered_by, entered_at.
-- Parameters: none.
SELECT revision_id, kind, code, language, text, source, entered_by, entered_at
FROM content_translations
ORDER BY revision_id DESC;
