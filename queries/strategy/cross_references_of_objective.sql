-- Grain: one row per cross-reference from or to objective $code.
-- Columns: direction ('outgoing', 'incoming'), from_objective, from_workstream, target_objective,
--          target_workstream, target_objective_printed, quote, note (note_nl, note_fr: the Monitor's note in
--          each language), document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT CASE WHEN from_objective = $code THEN 'outgoing' ELSE 'incoming' END AS direction, from_objective,
       from_workstream, target_objective, target_workstream, target_objective_printed, quote, note, note_nl,
       note_fr, document, line_start, line_end
FROM cross_references
WHERE from_objective = $code OR target_objective = $code
ORDER BY direction DESC, line_start;
