"""Presenters' playlists and frozen deck snapshots in the user store; playlist files (JSON) in and out.

A playlist is a name and an ordered list of items (deck slides or saved views, see monitor/deck/slides.py).
Its file is {"format": "go4brussels-monitor-playlist", "version": 1, "name": ..., "items": [...]}.
Every write goes through store.transaction (audited) and needs a signed-in user. A playlist belongs to whoever
made it: only they or the secretariat (admins) rename, change or delete it. Frozen decks are only ever added.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from monitor.core.errors import PermissionDenied
from monitor.deck import slides
from monitor.storage import store
from monitor.storage.accounts import User

FILE_FORMAT = "go4brussels-monitor-playlist"
FILE_VERSION = 1
MAX_NAME = 120
MAX_ITEMS = 200
MAX_FILE_BYTES = 200_000
MAX_DEPTH = 8  # a playlist file nests two levels ({"items": [...]}); json.loads recurses once per level
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


class PlaylistInvalid(Exception):
    """A playlist (or its file) breaks a rule: `key` is a catalogue key, `values` fill it."""

    def __init__(self, key: str, **values: object):
        self.key = key
        self.values = values
        super().__init__(f"{key} {values}")


@dataclass(frozen=True)
class Playlist:
    playlist_id: int
    name: str
    items: tuple[str, ...]
    created_by: str = ""


def _require(user: User | None) -> User:
    if user is None:
        raise PermissionDenied("sign in to change playlists")
    return user


def may_change(user: User | None, playlist: Playlist) -> bool:
    """Whether `user` may rename, change or delete `playlist`: its maker or the secretariat."""
    return user is not None and (user.is_admin or user.username == playlist.created_by)


def _require_owner(cursor, user: User, playlist_id: int) -> None:
    """Inside the write's transaction: the playlist exists and `user` may change it (else nothing is written)."""
    owner = store.execute(cursor, "playlist_owner", {"id": playlist_id}).fetchall()
    if not owner:
        raise PlaylistInvalid("playlist.error.unknown", value=playlist_id)
    if not (user.is_admin or user.username == owner[0][0]):
        raise PermissionDenied("only its maker or the secretariat may change a playlist")


def check(name: str, items: list[str]) -> tuple[str, list[str]]:
    """The cleaned name and items, or PlaylistInvalid naming the first rule broken."""
    name = str(name or "").strip()
    if not name:
        raise PlaylistInvalid("playlist.error.name_required")
    if len(name) > MAX_NAME:
        raise PlaylistInvalid("playlist.error.name_too_long", limit=MAX_NAME)
    if len(items) > MAX_ITEMS:
        raise PlaylistInvalid("playlist.error.too_many", limit=MAX_ITEMS)
    for position, item in enumerate(items, start=1):
        if slides.parse_item(item) is None:
            raise PlaylistInvalid("playlist.error.bad_item", position=position, value=str(item)[:80])
    return name, list(items)


def all_playlists() -> list[Playlist]:
    """Every playlist with its items, by name."""
    rows = store.run("playlists_list")
    found: dict[int, tuple[str, str, list[str]]] = {}
    columns = (rows["playlist_id"], rows["name"], rows["created_by"], rows["item"])
    for playlist_id, name, created_by, item in zip(*columns, strict=True):
        entry = found.setdefault(int(playlist_id), (str(name), str(created_by), []))
        if isinstance(item, str):
            entry[2].append(item)
    return [Playlist(pid, name, tuple(items), by) for pid, (name, by, items) in found.items()]


def get(playlist_id: int) -> Playlist | None:
    return next((p for p in all_playlists() if p.playlist_id == playlist_id), None)


def _write_items(cursor, playlist_id: int, items: list[str]) -> None:
    store.execute(cursor, "delete_playlist_items", {"id": playlist_id})
    for position, item in enumerate(items, start=1):
        store.execute(cursor, "insert_playlist_item", {"id": playlist_id, "position": position, "item": item})


def create(user: User | None, name: str, items: list[str] | None = None) -> int:
    """A new playlist; returns its id."""
    user = _require(user)
    name, items = check(name, items or [])
    with store.transaction(user.username, "create_playlist", {"name": name, "items": len(items)}) as cursor:
        playlist_id = store.execute(cursor, "insert_playlist", {"name": name, "by": user.username}).fetchall()[0][0]
        _write_items(cursor, playlist_id, items)
    return int(playlist_id)


def save(user: User | None, playlist_id: int, name: str, items: list[str]) -> None:
    """Rename a playlist and replace its items (in the given order)."""
    user = _require(user)
    name, items = check(name, items)
    with store.transaction(user.username, "save_playlist", {"id": playlist_id, "items": len(items)}) as cursor:
        _require_owner(cursor, user, playlist_id)
        store.execute(cursor, "rename_playlist", {"name": name, "id": playlist_id})
        _write_items(cursor, playlist_id, items)


def delete(user: User | None, playlist_id: int) -> None:
    """Delete a playlist: PlaylistInvalid if there is none with that id, PermissionDenied if not the user's own."""
    user = _require(user)
    with store.transaction(user.username, "delete_playlist", {"id": playlist_id}) as cursor:
        _require_owner(cursor, user, playlist_id)
        store.execute(cursor, "delete_playlist_items", {"id": playlist_id})
        store.execute(cursor, "delete_playlist", {"id": playlist_id})


def moved(items: list[str], position: int, step: int) -> list[str]:
    """The items with the one at `position` (0-based) moved by `step` places (kept inside the list)."""
    target = min(max(position + step, 0), len(items) - 1)
    reordered = list(items)
    reordered.insert(target, reordered.pop(position))
    return reordered


def to_file(playlist: Playlist) -> bytes:
    """The playlist as a JSON file (UTF-8)."""
    body = {"format": FILE_FORMAT, "version": FILE_VERSION, "name": playlist.name, "items": list(playlist.items)}
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


def from_file(content: bytes) -> tuple[str, list[str]]:
    """The name and items of a playlist file, or PlaylistInvalid saying what is wrong with it."""
    if len(content) > MAX_FILE_BYTES:
        raise PlaylistInvalid("playlist.error.file_too_big", limit=MAX_FILE_BYTES // 1000)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise PlaylistInvalid("playlist.error.not_json") from None
    if _depth(text) > MAX_DEPTH:
        raise PlaylistInvalid("playlist.error.too_deep", limit=MAX_DEPTH)
    try:
        body: Any = json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError, as is a number of 5,000 digits
        raise PlaylistInvalid("playlist.error.not_json") from None
    if not isinstance(body, dict) or body.get("format") != FILE_FORMAT:
        raise PlaylistInvalid("playlist.error.not_playlist")
    if body.get("version") != FILE_VERSION:
        raise PlaylistInvalid("playlist.error.version", value=str(body.get("version"))[:20])
    items = body.get("items")
    if not isinstance(items, list):
        raise PlaylistInvalid("playlist.error.no_items")
    return check(body.get("name") if isinstance(body.get("name"), str) else "", items)


def _depth(text: str) -> int:
    """How deep the brackets of a JSON text nest (brackets inside strings do not count), found without recursion
    so that a file of nested brackets is refused before json.loads would exhaust the stack."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def import_file(user: User | None, content: bytes) -> int:
    name, items = from_file(content)
    return create(user, name, items)


def freeze(user: User | None, summit: date, content: dict[str, Any]) -> int:
    """Store a frozen deck (everything its slides show); returns the snapshot id."""
    user = _require(user)
    parts = sorted(k for k in content if k not in ("summit_date", "includes_proposals"))
    detail = {"summit_date": summit, "parts": parts, "includes_proposals": bool(content.get("includes_proposals"))}
    with store.transaction(user.username, "freeze_deck", detail) as cursor:
        return int(
            store.execute(
                cursor,
                "insert_snapshot",
                {"by": user.username, "summit": summit, "content": json.dumps(content, ensure_ascii=False)},
            ).fetchall()[0][0]
        )
