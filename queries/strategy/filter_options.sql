-- Grain: one row per facet × possible option (the codes a URL may use and their display labels).
-- Columns: facet, option, label, sort_order.
-- Parameters: none.
SELECT 'pillar' AS facet, pillar::VARCHAR AS option, title AS label, pillar AS sort_order FROM pillars
UNION ALL
SELECT 'member', member_id, name, sort_order FROM government_members
UNION ALL
SELECT 'org', org_id, name, row_number() OVER (ORDER BY lower(name)) FROM organisations
UNION ALL
SELECT 'theme', domain_id, name, sort_order FROM policy_domains
ORDER BY facet, sort_order;
