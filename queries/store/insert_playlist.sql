-- Purpose: a new, empty playlist; returns its id.
-- Parameters: $name, $by (account name).
INSERT INTO playlists (name, created_by) VALUES ($name, $by) RETURNING playlist_id;
