-- Grain: one row per Social Summit cycle added by an admin (those of the documents come from the strategy).
-- Parameters: none.
SELECT summit_date, label, source FROM cycles ORDER BY summit_date;
