-- Grain: one row per playlist item (playlists without items appear once with item NULL), by name then position.
-- Columns: playlist_id, name, created_by, updated_at, position, item.
-- Parameters: none.
SELECT p.playlist_id, p.name, p.created_by, p.updated_at, i.position, i.item
FROM playlists AS p
LEFT JOIN playlist_items AS i USING (playlist_id)
ORDER BY lower(p.name), p.playlist_id, i.position;
