-- Grain: one row per indicator × year printed in the documents' key figures (value NULL where "n.b.").
-- Columns: indicator_id, year, value, value_printed, source, document, line_start, line_end.
-- Parameters: none.
SELECT v.indicator_id, v.year, v.value, v.value_printed, i.source, v.document, v.line_start, v.line_end
FROM indicator_values AS v
JOIN indicators AS i ON i.indicator_id = v.indicator_id
ORDER BY i.sort_order, v.year;
