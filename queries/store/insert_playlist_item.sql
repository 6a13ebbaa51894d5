-- Purpose: one item of a playlist at its position.
-- Parameters: $id (playlist id), $position (1-based), $item (a slide or view reference).
INSERT INTO playlist_items (playlist_id, position, item) VALUES ($id, $position, $item);
