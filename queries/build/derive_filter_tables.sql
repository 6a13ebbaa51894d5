-- Purpose: the tables derived from the inserted facts, so that the filters need no work at query time:
-- workstream × member × role, workstream × organisation × role, and each workstream's search text.
-- Parameters: none.
INSERT INTO workstream_members
SELECT DISTINCT w.code, r.member_id, r.role
FROM workstreams AS w
JOIN responsibilities AS r
  ON r.objective_code = w.objective_code AND (r.workstream_code IS NULL OR r.workstream_code = w.code);
INSERT INTO workstream_organisations
SELECT DISTINCT w.code, g.org_id, g.role
FROM workstreams AS w
JOIN organisation_roles AS g
  ON g.objective_code = w.objective_code AND (g.workstream_code IS NULL OR g.workstream_code = w.code);
INSERT INTO workstream_search
SELECT w.code, strip_accents(lower(concat_ws(' ', w.code, w.title, w.description, o.code, o.title)))
FROM workstreams AS w JOIN objectives AS o ON o.code = w.objective_code;
