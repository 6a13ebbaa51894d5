-- Purpose: append one proposed progress update (never overwritten); returns its id.
-- Parameters: $code, $based_on (the version it was based on), $status, $stall_reason, $confidence, $narrative,
-- $evidence_url, $as_of, $by (account name), $import_id (NULL unless imported from a file).
INSERT INTO progress_updates (
    workstream_code, based_on, status, stall_reason, confidence, narrative, evidence_url, as_of, proposed_by,
    import_id
)
VALUES ($code, $based_on, $status, $stall_reason, $confidence, $narrative, $evidence_url, $as_of, $by, $import_id)
RETURNING update_id;
