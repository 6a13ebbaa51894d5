-- Purpose: rename a playlist and mark it updated; returns its id, or no row when there is no such playlist.
-- Parameters: $id (playlist id), $name.
UPDATE playlists SET name = $name, updated_at = LOCALTIMESTAMP WHERE playlist_id = $id
RETURNING playlist_id;
