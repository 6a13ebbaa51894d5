-- Grain: one row: the objective $code with its fiche text and where the title is printed.
-- Columns: code, title, pillar, pillar_title, priority_type, priority_text, priority_note (priority_note_nl,
--          priority_note_fr), general_objectives, status_vs_2025, status_vs_2025_kind, strategy_2025_codes,
--          partners_note, steering_committee_note, document, line_start, line_end.
-- Parameters: $code (objective code, e.g. '1.4').
SELECT o.code, o.title, o.pillar, p.title AS pillar_title, o.priority_type, o.priority_text, o.priority_note,
       o.priority_note_nl, o.priority_note_fr, o.general_objectives, o.status_vs_2025, o.status_vs_2025_kind,
       o.strategy_2025_codes, o.partners_note, o.steering_committee_note, o.document, o.line_start, o.line_end
FROM objectives AS o
JOIN pillars AS p USING (pillar)
WHERE o.code = $code;
