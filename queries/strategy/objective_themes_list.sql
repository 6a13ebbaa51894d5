-- Grain: one row per objective × policy domain link of the editorial theme mapping.
-- Columns: domain_id, domain, domain_order, objective_code, objective_title, priority_type, is_primary, rationale,
--          rationale_nl, rationale_fr.
-- Parameters: none.
SELECT
    d.domain_id,
    d.name AS domain,
    d.sort_order AS domain_order,
    o.code AS objective_code,
    o.title AS objective_title,
    o.priority_type,
    t.is_primary,
    t.rationale,
    t.rationale_nl,
    t.rationale_fr
FROM objective_themes AS t
JOIN policy_domains AS d USING (domain_id)
JOIN objectives AS o ON o.code = t.objective_code
ORDER BY d.sort_order, o.sort_order;
