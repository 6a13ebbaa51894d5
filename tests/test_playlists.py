"""Playlists in the user store: create, reorder, rename, delete; the JSON file in and out; bad files refused."""

from __future__ import annotations

import json

import pytest

from monitor.core.errors import PermissionDenied
from monitor.core.formats import LANGUAGES
from monitor.deck import playlists
from monitor.deck.playlists import PlaylistInvalid
from monitor.i18n import translate
from monitor.storage import store
from monitor.storage.accounts import User
from tests.stores import both_engines, store_sql

PRESENTER = User("presenter", "-", "editor", "brussels_minister_president")
ITEMS = ["title", "objective/1.4", "priorities/2", "view/objectives?pillar=1&priority=shared", "closing"]


def audit_actions() -> list[str]:
    return [action for (action,) in store_sql("SELECT action FROM audit_log ORDER BY audit_id")]


@both_engines
def test_create_edit_reorder_and_delete():
    first = playlists.create(PRESENTER, "  Sociale Top 2026 ", ITEMS)
    second = playlists.create(PRESENTER, "Alpha")
    assert [p.name for p in playlists.all_playlists()] == ["Alpha", "Sociale Top 2026"]
    assert playlists.get(first).items == tuple(ITEMS)
    assert playlists.get(second).items == ()

    reordered = playlists.moved(ITEMS, 1, 1)
    assert reordered == ["title", "priorities/2", "objective/1.4", *ITEMS[3:]]
    assert playlists.moved(ITEMS, 0, -1) == ITEMS  # stays inside the list
    playlists.save(PRESENTER, first, "Summit", reordered)
    assert playlists.get(first) == playlists.Playlist(first, "Summit", tuple(reordered), "presenter")

    playlists.delete(PRESENTER, first)
    assert playlists.get(first) is None and playlists.get(second) is not None
    assert store.run("playlists_list")["playlist_id"].tolist() == [second]
    assert audit_actions() == ["create_playlist", "create_playlist", "save_playlist", "delete_playlist"]


def test_nobody_signed_in_writes_nothing():
    with pytest.raises(PermissionDenied):
        playlists.create(None, "x")
    with pytest.raises(PermissionDenied):
        playlists.freeze(None, None, {})
    assert playlists.all_playlists() == [] and audit_actions() == []


@pytest.mark.parametrize(
    ("name", "items", "key"),
    [
        ("", [], "playlist.error.name_required"),
        ("x" * 121, [], "playlist.error.name_too_long"),
        ("ok", ["title", "objective/1.x"], "playlist.error.bad_item"),
        ("ok", ["view/https://example.org"], "playlist.error.bad_item"),
        ("ok", ["title"] * 201, "playlist.error.too_many"),
    ],
)
def test_invalid_playlists_are_refused(name, items, key):
    with pytest.raises(PlaylistInvalid) as refused:
        playlists.create(PRESENTER, name, items)
    assert refused.value.key == key
    assert playlists.all_playlists() == []


def test_saving_or_deleting_an_unknown_playlist_is_refused_and_not_audited():
    for change in (lambda: playlists.save(PRESENTER, 999, "x", []), lambda: playlists.delete(PRESENTER, 999)):
        with pytest.raises(PlaylistInvalid) as refused:
            change()
        assert refused.value.key == "playlist.error.unknown" and refused.value.values == {"value": 999}
    assert audit_actions() == []


OTHER_CABINET = User("other", "-", "editor", "brussels_minister_employment")
SECRETARIAT = User("secretariat", "-", "admin")


@both_engines
def test_only_its_maker_or_the_secretariat_changes_a_playlist():
    mine = playlists.create(PRESENTER, "Mine", ["title"])
    for change in (
        lambda: playlists.save(OTHER_CABINET, mine, "Taken", []),
        lambda: playlists.delete(OTHER_CABINET, mine),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert playlists.get(mine) == playlists.Playlist(mine, "Mine", ("title",), "presenter")  # untouched
    assert audit_actions() == ["create_playlist"]  # the refusals wrote nothing
    assert playlists.may_change(PRESENTER, playlists.get(mine)) and playlists.may_change(
        SECRETARIAT, playlists.get(mine)
    )
    assert not playlists.may_change(OTHER_CABINET, playlists.get(mine)) and not playlists.may_change(
        None, playlists.get(mine)
    )
    playlists.save(SECRETARIAT, mine, "Renamed by the secretariat", ["title"])
    playlists.delete(SECRETARIAT, mine)
    assert playlists.get(mine) is None
    assert audit_actions() == ["create_playlist", "save_playlist", "delete_playlist"]


@both_engines
def test_file_round_trip():
    original = playlists.get(playlists.create(PRESENTER, "Sociale Top — één", ITEMS))
    content = playlists.to_file(original)
    body = json.loads(content)
    assert body == {"format": "go4brussels-monitor-playlist", "version": 1, "name": "Sociale Top — één", "items": ITEMS}
    copy = playlists.get(playlists.import_file(PRESENTER, content))
    assert (copy.name, copy.items) == (original.name, original.items)
    assert copy.playlist_id != original.playlist_id


def _file(**changes) -> bytes:
    body = {"format": "go4brussels-monitor-playlist", "version": 1, "name": "x", "items": ["title"], **changes}
    return json.dumps({k: v for k, v in body.items() if v is not ...}).encode()


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"\xff\xfe not utf-8", "playlist.error.not_json"),
        (b"{not json", "playlist.error.not_json"),
        (b"[1, 2]", "playlist.error.not_playlist"),
        (_file(format="something-else"), "playlist.error.not_playlist"),
        (_file(version=2), "playlist.error.version"),
        (_file(version=...), "playlist.error.version"),
        (_file(items="title"), "playlist.error.no_items"),
        (_file(items=...), "playlist.error.no_items"),
        (_file(items=["title", 3]), "playlist.error.bad_item"),
        (_file(items=["<script>alert(1)</script>"]), "playlist.error.bad_item"),
        (_file(name=""), "playlist.error.name_required"),
        (_file(name=["a list"]), "playlist.error.name_required"),
        (b" " * 200_001, "playlist.error.file_too_big"),
    ],
)
def test_malformed_files_are_rejected_with_a_clear_message(content, key):
    with pytest.raises(PlaylistInvalid) as refused:
        playlists.import_file(PRESENTER, content)
    assert refused.value.key == key
    for language in LANGUAGES:  # the message exists and its placeholders are filled
        message = translate(key, language, **refused.value.values)
        assert "⟦" not in message and "{" not in message
    assert playlists.all_playlists() == []
