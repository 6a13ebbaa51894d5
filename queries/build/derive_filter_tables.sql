-- Purpose: the tables derived from the inserted facts, so that the filters need no work at query time:
-- workstream × member × role, workstream × organisation × role (each with the surest confidence of the titles
-- that give it: exact before inferred before undecided), and each workstream's search text.
-- Parameters: none.
INSERT INTO workstream_members
SELECT w.code, x.member_id, x.role,
       arg_min(x.confidence, list_position(['exact', 'inferred', 'undecided'], x.confidence))
FROM workstreams AS w
JOIN (SELECT member_id, role, objective_code, workstream_code, confidence FROM responsibilities
      UNION ALL
      SELECT c.member_id, 'consulted', s.objective_code, c.workstream_code, c.confidence
      FROM workstream_consultations AS c JOIN workstreams AS s ON s.code = c.workstream_code) AS x
  ON x.objective_code = w.objective_code AND (x.workstream_code IS NULL OR x.workstream_code = w.code)
GROUP BY w.code, x.member_id, x.role;
INSERT INTO workstream_organisations
SELECT w.code, g.org_id, g.role, arg_min(g.confidence, list_position(['exact', 'inferred', 'undecided'], g.confidence))
FROM workstreams AS w
JOIN organisation_roles AS g
  ON g.objective_code = w.objective_code AND (g.workstream_code IS NULL OR g.workstream_code = w.code)
GROUP BY w.code, g.org_id, g.role;
INSERT INTO workstream_search
SELECT w.code, strip_accents(lower(concat_ws(' ', w.code, w.title, w.description, o.code, o.title)))
FROM workstreams AS w JOIN objectives AS o ON o.code = w.objective_code;
