-- Purpose: empty a playlist (before its items are written again in their new order, or before it is deleted).
-- Parameters: $id (playlist id).
DELETE FROM playlist_items WHERE playlist_id = $id;
