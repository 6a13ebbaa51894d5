-- Grain: one row (or none, when there is no such playlist): who made a playlist, read in a write's transaction.
-- Parameters: $id (playlist id).
SELECT created_by FROM playlists WHERE playlist_id = $id;
