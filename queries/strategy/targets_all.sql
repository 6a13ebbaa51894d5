-- Grain: one row per numeric target or dated milestone of the documents (introduction and objectives),
-- with the indicator that measures it where there is one (target_indicators).
-- Columns: target_id, objective_code (NULL: the introduction), objective_title, workstream_code, kind, quote,
--          meaning, metric, target_value, target_unit, target_year, base_year (printed or as linked),
--          indicator_id, link_rationale (link_rationale_nl, link_rationale_fr), note, document, line_start, line_end.
-- Parameters: none.
SELECT t.target_id, t.objective_code, o.title AS objective_title, t.workstream_code, t.kind, t.quote, t.meaning,
       t.metric, t.target_value, t.target_unit, t.target_year, coalesce(t.base_year, m.base_year) AS base_year,
       m.indicator_id, m.rationale AS link_rationale,
       m.rationale_nl AS link_rationale_nl, m.rationale_fr AS link_rationale_fr, t.note, t.document, t.line_start, t.line_end
FROM targets AS t
LEFT JOIN objectives AS o ON o.code = t.objective_code
LEFT JOIN target_indicators AS m ON m.target_id = t.target_id
ORDER BY o.sort_order NULLS FIRST, t.line_start, t.target_id;
