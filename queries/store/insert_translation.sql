-- Purpose: one revision of a content title in French or English, with its source (a NULL text removes the
-- translation: the Dutch original shows again; the history keeps what was there).
-- Parameters: $kind, $code, $language ('fr' or 'en'), $text (NULL to remove), $source, $by.
INSERT INTO content_translations (kind, code, language, text, source, entered_by)
VALUES ($kind, $code, $language, $text, $source, $by);
