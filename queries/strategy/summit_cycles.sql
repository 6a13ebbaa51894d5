-- Grain: one row per date on which the documents place a Social Summit or the strategy's signature: the
--        cycles at which progress is taken stock of (undated, recurring summits are left out).
-- Columns: summit_date, label (the names of that date's events; label_nl, label_fr in Dutch and French),
--          cited (the document and lines of each event: a list of {document, line_start, line_end}).
-- Parameters: none.
SELECT
    event_date AS summit_date,
    string_agg(name, ' / ' ORDER BY is_social_summit DESC, line_start) AS label,
    string_agg(name_nl, ' / ' ORDER BY is_social_summit DESC, line_start) AS label_nl,
    string_agg(name_fr, ' / ' ORDER BY is_social_summit DESC, line_start) AS label_fr,
    list({'document': document, 'line_start': line_start, 'line_end': line_end} ORDER BY line_start) AS cited
FROM summit_events
WHERE event_date IS NOT NULL AND (is_social_summit OR year(event_date) = 2020)
GROUP BY event_date
ORDER BY event_date;
