-- Grain: one row per numbered item of the later (web) wording of objective $code; none when there is none.
-- Columns: version_id, version_title, dated, version_document, number, title, description, steering_text,
--          linked_workstream, link_note (link_note_nl, link_note_fr), line_start, line_end.
-- Parameters: $code (objective code).
SELECT v.version_id, v.title AS version_title, v.dated, v.document AS version_document, i.number, i.title,
       i.description, i.steering_text, i.linked_workstream, i.link_note, i.link_note_nl,
       i.link_note_fr, i.line_start, i.line_end
FROM source_versions AS v
JOIN source_version_items AS i USING (version_id)
WHERE v.objective_code = $code
ORDER BY i.number;
