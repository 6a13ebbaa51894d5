-- Grain: one row per minister or organisation named in the later (web) wording of objective $code.
-- Columns: version_id, role, as_written, member_id, org_id, priority_text, document, line_start, line_end.
-- Parameters: $code (objective code).
SELECT r.version_id, r.role, r.as_written, r.member_id, r.org_id, v.priority_text, r.document, r.line_start,
       r.line_end
FROM source_version_roles AS r
JOIN source_versions AS v USING (version_id)
WHERE v.objective_code = $code
ORDER BY r.role, r.line_start;
