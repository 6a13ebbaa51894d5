-- Grain: one row per shared priority of the Social Summit of 11 June 2026 (17).
-- Columns: number, title, description, domain_id, domain, document, title_line_start, title_line_end.
-- Parameters: none.
SELECT number, title, description, domain_id, domain, document, title_line_start, title_line_end
FROM shared_priorities
ORDER BY number;
