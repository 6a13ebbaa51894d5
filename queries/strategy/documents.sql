-- Grain: one row per source document.
-- Columns: document, title (the document's own heading), description (description_nl, description_fr), line_count,
--          sha256.
-- Parameters: none.
SELECT document, title, description, description_nl, description_fr, line_count, sha256
FROM documents
ORDER BY document;
