-- Grain: one row per indicator linked to objective $code by the editorial mapping (indicator_objectives).
-- Columns: indicator_id, name, unit, source, sort_order, desired, threshold, threshold_kind, rationale,
--          rationale_nl, rationale_fr (of the link, in each language).
-- Parameters: $code (objective code).
SELECT i.indicator_id, i.name, i.unit, i.source, i.sort_order, d.desired, d.threshold, d.threshold_kind,
       l.rationale, l.rationale_nl, l.rationale_fr
FROM indicator_objectives AS l
JOIN indicators AS i ON i.indicator_id = l.indicator_id
LEFT JOIN indicator_directions AS d ON d.indicator_id = i.indicator_id
WHERE l.objective_code = $code
ORDER BY i.sort_order;
