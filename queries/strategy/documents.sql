-- Grain: one row per source document.
-- Columns: document, title (the document's own heading), description, line_count, sha256.
-- Parameters: none.
SELECT document, title, description, line_count, sha256
FROM documents
ORDER BY document;
