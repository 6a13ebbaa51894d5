-- Purpose: delete every sample decision, and every decision on a sample update.
-- Parameters: none.
DELETE FROM validations
WHERE is_sample OR update_id IN (SELECT update_id FROM progress_updates WHERE is_sample);
