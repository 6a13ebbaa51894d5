-- 020: presentation mode. Playlists (ordered lists of slides and saved views, made by presenters) and
-- frozen snapshots (everything a deck shows, taken when the presenter presses "freeze", so that edits made
-- during the Social Summit do not change slides mid-show). Rows are written through monitor/deck/playlists.py.

CREATE SEQUENCE playlist_ids;
CREATE TABLE playlists (
    playlist_id BIGINT PRIMARY KEY DEFAULT nextval('playlist_ids'),
    name VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP
);

-- One row per item of a playlist, in playing order: a deck slide ("title", "objective/1.4", ...) or a
-- saved view of the app ("view/objectives?pillar=1").
CREATE TABLE playlist_items (
    playlist_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    item VARCHAR NOT NULL,
    PRIMARY KEY (playlist_id, position)
);

CREATE SEQUENCE snapshot_ids;
CREATE TABLE snapshots (
    snapshot_id BIGINT PRIMARY KEY DEFAULT nextval('snapshot_ids'),
    taken_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    taken_by VARCHAR NOT NULL,
    summit_date DATE NOT NULL,           -- the Social Summit the deck is for
    content JSON NOT NULL                -- the deck data (strategy, progress, indicators) as shown
);
