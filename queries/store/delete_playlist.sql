-- Purpose: delete a playlist (its items first, with delete_playlist_items).
-- Parameters: $id (playlist id).
DELETE FROM playlists WHERE playlist_id = $id;
