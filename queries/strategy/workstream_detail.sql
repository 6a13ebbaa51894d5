-- Grain: one row: the workstream $code with its objective and where its cells are printed.
-- Columns: code, code_printed, code_note (code_note_nl, code_note_fr), title, description, priority_type, priority_tag, steering_note,
--          objective_code, objective_title, pillar, objective_priority_type, document, title_line_start,
--          title_line_end, description_line_start, description_line_end.
-- Parameters: $code (workstream code, e.g. '1.4.5').
SELECT w.code, w.code_printed, w.code_note, w.code_note_nl, w.code_note_fr, w.title, w.description, w.priority_type, w.priority_tag,
       w.steering_note, w.objective_code, o.title AS objective_title, o.pillar,
       o.priority_type AS objective_priority_type, w.document, w.title_line_start, w.title_line_end,
       w.description_line_start, w.description_line_end
FROM workstreams AS w
JOIN objectives AS o ON o.code = w.objective_code
WHERE w.code = $code;
