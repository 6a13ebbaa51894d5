-- Grain: one row per government member (portfolio), regional government first.
-- Columns: member_id, name, government, kind, initiating (objectives), associated (objectives),
--          steering (workstreams), steering_objectives (objectives touched by the steered workstreams),
--          committee (objectives whose steering committee lists the member by a title matched exactly),
--          committee_inferred (… by a title the Monitor reads as this member: inferred or undecided).
-- Parameters: none.
SELECT
    m.member_id,
    m.name,
    m.government,
    m.kind,
    count(DISTINCT r.objective_code) FILTER (WHERE r.role = 'initiating') AS initiating,
    count(DISTINCT r.objective_code) FILTER (WHERE r.role = 'associated') AS associated,
    count(DISTINCT r.workstream_code) FILTER (WHERE r.role = 'steering') AS steering,
    count(DISTINCT r.objective_code) FILTER (WHERE r.role = 'steering') AS steering_objectives,
    (SELECT count(DISTINCT c.objective_code) FROM committee_members AS c
     WHERE c.member_id = m.member_id AND c.confidence = 'exact') AS committee,
    (SELECT count(DISTINCT c.objective_code) FROM committee_members AS c
     WHERE c.member_id = m.member_id AND c.confidence <> 'exact'
       AND c.objective_code NOT IN (SELECT e.objective_code FROM committee_members AS e
                                    WHERE e.member_id = m.member_id AND e.confidence = 'exact')) AS committee_inferred
FROM government_members AS m
LEFT JOIN responsibilities AS r ON r.member_id = m.member_id
GROUP BY m.member_id, m.name, m.government, m.kind, m.sort_order
ORDER BY m.sort_order;
