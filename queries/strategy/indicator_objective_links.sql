-- Grain: one row per editorial link indicator × objective (indicator_objectives), with the objective's title.
-- Columns: indicator_id, objective_code, objective_title, rationale, rationale_nl, rationale_fr.
-- Parameters: none.
SELECT l.indicator_id, l.objective_code, o.title AS objective_title, l.rationale, l.rationale_nl, l.rationale_fr
FROM indicator_objectives AS l
JOIN objectives AS o ON o.code = l.objective_code
JOIN indicators AS i ON i.indicator_id = l.indicator_id
ORDER BY o.sort_order, i.sort_order;
