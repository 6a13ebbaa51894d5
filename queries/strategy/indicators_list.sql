-- Grain: one row per key-figure indicator, in the order of the document's table, with its editorial
-- desired direction and threshold for a meaningful change (indicator_directions).
-- Columns: indicator_id, name, unit, source, sort_order, desired, threshold, threshold_kind, rationale
--          (and rationale_nl, rationale_fr: the Monitor's words in each language), document, line_start, line_end.
-- Parameters: none.
SELECT i.indicator_id, i.name, i.unit, i.source, i.sort_order, d.desired, d.threshold, d.threshold_kind,
       d.rationale, d.rationale_nl, d.rationale_fr, i.document, i.line_start, i.line_end
FROM indicators AS i
LEFT JOIN indicator_directions AS d ON d.indicator_id = i.indicator_id
ORDER BY i.sort_order;
