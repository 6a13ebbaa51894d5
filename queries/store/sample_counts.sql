-- Grain: one row: how many generated sample rows the store holds (the app labels every page while any exist).
-- Parameters: none.
SELECT
    (SELECT count(*) FROM progress_updates WHERE is_sample) AS sample_updates,
    (SELECT count(*) FROM validations WHERE is_sample) AS sample_decisions;
