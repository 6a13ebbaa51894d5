-- Grain: one row per piece of content that may get a French or English title: objectives, workstreams,
--        government members, indicators, shared priorities and policy domains, each with its Dutch text as
--        published.
-- Columns: kind, code, dutch, kind_order, sort_order.
-- Parameters: none.
SELECT 'objective' AS kind, code, title AS dutch, 1 AS kind_order, sort_order FROM objectives
UNION ALL
SELECT 'workstream', code, title, 2, sort_order FROM workstreams
UNION ALL
SELECT 'member', member_id, name, 3, sort_order FROM government_members
UNION ALL
SELECT 'indicator', indicator_id, name, 4, sort_order FROM indicators
UNION ALL
SELECT 'priority', CAST(number AS VARCHAR), title, 5, number FROM shared_priorities
UNION ALL
SELECT 'domain', domain_id, name, 6, sort_order FROM policy_domains
ORDER BY kind_order, sort_order;
