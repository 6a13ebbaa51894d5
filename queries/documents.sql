-- Grain: one row per source document.
-- Columns: document, description, line_count, sha256.
-- Parameters: none.
SELECT document, description, line_count, sha256
FROM documents
ORDER BY document;
