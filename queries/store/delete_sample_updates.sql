-- Purpose: delete every sample update (after delete_sample_decisions).
-- Parameters: none.
DELETE FROM progress_updates WHERE is_sample;
