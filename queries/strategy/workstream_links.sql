-- Grain: one row per workstream × multi-valued facet option (member × role, organisation, theme).
-- Columns: code, facet ('member', 'org', 'theme'), option (member_id, org_id, domain_id), role (members only).
-- Parameters: none.
SELECT workstream_code AS code, 'member' AS facet, member_id AS option, role FROM workstream_members
UNION ALL
SELECT DISTINCT workstream_code, 'org', org_id, NULL FROM workstream_organisations
UNION ALL
SELECT w.code, 'theme', t.domain_id, NULL
FROM workstreams AS w JOIN objective_themes AS t ON t.objective_code = w.objective_code
ORDER BY code, facet, option;
