"""Presentation mode under AppTest: every slide, bad URL values, a failing slide, playlists, frozen decks, writes."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from monitor import cache
from monitor.core.errors import StoreUnavailable
from monitor.core.formats import format_moment
from monitor.deck import parts, playlists
from monitor.i18n import translate
from monitor.progress import workflow
from monitor.storage import store
from monitor.storage.accounts import User
from monitor.ui import player
from tests.rendered import open_page

PRESENT = "pages/more/present.py"
PRESENTATIONS = "pages/more/presentations.py"
SUMMIT = date(2026, 6, 11)
PRESENTER = User("presenter", "-", "editor", "brussels_minister_president")


def slide_of(app: AppTest) -> str:
    """The slide's HTML section on the page."""
    found = [str(h.value) for h in app.html if 'class="g4b-slide"' in str(h.value)]
    assert len(found) == 1
    return found[0]


def counter(app: AppTest) -> tuple[int, int]:
    found = [re.fullmatch(r"\*\*(\d+) / (\d+)\*\*", m.value) for m in app.markdown]
    number, count = next(m.groups() for m in found if m)
    return int(number), int(count)


def notices(app: AppTest) -> str:
    return " ".join(m.value for m in app.markdown if m.value.startswith("⚠"))


def writes() -> tuple[int, ...]:
    con = store.connection()
    return tuple(
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("audit_log", "snapshots", "playlists")
    )


def test_every_slide_of_the_default_deck(app_db):
    count = len(parts.Source(SUMMIT, cache).items())
    for number in range(1, count + 1):
        app = open_page(PRESENT, slide=str(number))
        assert not app.exception, number
        assert counter(app) == (number, count)
        assert 'data-state="ok"' in slide_of(app), number
        assert not notices(app)
        assert not app.sidebar.selectbox or all(s.key == "lang" for s in app.sidebar.selectbox)  # no filters


def test_keys_and_buttons_move_through_the_deck(app_db):
    app = open_page(PRESENT)
    count = counter(app)[1]
    app.button(key="present_next").click().run()
    assert counter(app)[0] == 2 and app.query_params["slide"] in ("2", ["2"])
    app.button(key="present_key_pagedown").click().run()
    assert counter(app)[0] == 3
    app.button(key="present_key_pageup").click().run()
    app.button(key="present_prev").click().run()
    assert counter(app)[0] == 1
    assert app.button(key="present_prev").disabled
    app.button(key="present_key_end").click().run()
    assert counter(app)[0] == count and app.button(key="present_next").disabled
    assert 'data-kind="closing"' in slide_of(app)
    app.button(key="present_key_home").click().run()
    assert counter(app)[0] == 1
    shortcuts = {b.key: b.proto.shortcut.lower() for b in app.button}
    assert shortcuts["present_next"] == "right" and shortcuts["present_prev"] == "left"
    assert {shortcuts[k] for k in ("present_key_pagedown", "present_key_pageup")} == {"pagedown", "pageup"}


@pytest.mark.parametrize(
    ("query", "notice", "number"),
    [
        ({"slide": "abc"}, "present.bad_slide", 1),
        ({"slide": "999"}, "present.bad_slide", 23),
        ({"slide": "-3"}, "present.bad_slide", 1),
        ({"playlist": "nope"}, "present.bad_playlist", 1),
        ({"playlist": "4242"}, "present.bad_playlist", 1),
        ({"snapshot": "'; DROP TABLE snapshots"}, "present.bad_snapshot", 1),
        ({"snapshot": "77"}, "present.bad_snapshot", 1),
        ({"snapshot": "9" * 40}, "present.bad_snapshot", 1),
        ({"playlist": "٣"}, "present.bad_playlist", 1),
        ({"summit": "2031-13-45"}, "present.bad_summit", 1),
        ({"summit": "2019-01-01"}, "present.bad_summit", 1),
    ],
)
def test_bad_url_values_give_a_notice_not_an_exception(app_db, query, notice, number):
    app = open_page(PRESENT, lang="fr", **query)
    assert not app.exception
    start = translate(notice, "fr", value="\x00", number=1, date="\x00").split("\x00")[0]
    assert start and start in notices(app)
    assert counter(app)[0] == number
    assert 'data-state="ok"' in slide_of(app)


def test_a_slide_whose_query_fails_shows_the_fallback_and_the_next_slide_works(app_db, monkeypatch):
    real = cache.query

    def failing(name, **params):
        if name == "shared_priorities_list":
            raise RuntimeError("simulated failure")
        return real(name, **params)

    monkeypatch.setattr(cache, "query", failing)
    items = parts.Source(SUMMIT, cache).items()
    app = open_page(PRESENT, lang="nl", slide=str(items.index("priorities/3") + 1))
    assert not app.exception
    shown = slide_of(app)
    assert 'data-state="fallback"' in shown and translate("present.fallback", "nl") in shown
    assert "Traceback" not in shown and "simulated" not in shown
    app.button(key="present_next").click().run()
    assert not app.exception and 'data-state="ok"' in slide_of(app)


def test_a_summit_from_the_url(app_db):
    app = open_page(PRESENT, summit="2019-02-28")
    assert "28 February 2019" in slide_of(app) and not notices(app)


def test_playlist_plays_its_items_in_order(app_db):
    items = ["objective/2.3", "view/objectives?pillar=2", "title", "objective/7.7"]
    playlist_id = playlists.create(PRESENTER, "Top", items)
    app = open_page(PRESENT, playlist=str(playlist_id))
    assert counter(app) == (1, 4) and 'data-slide="objective/2.3"' in slide_of(app)
    app.button(key="present_next").click().run()
    assert not app.exception and "/objectives?pillar=2" in " ".join(m.value for m in app.markdown)
    app.button(key="present_next").click().run()
    assert 'data-kind="title"' in slide_of(app)
    app.button(key="present_next").click().run()  # an objective that does not exist: the neutral fallback
    assert 'data-state="fallback"' in slide_of(app) and not app.exception


def test_empty_playlist_plays_the_default_deck_with_a_notice(app_db):
    playlist_id = playlists.create(PRESENTER, "Empty")
    app = open_page(PRESENT, playlist=str(playlist_id))
    assert "no slides yet" in notices(app) and counter(app)[1] == len(parts.Source(SUMMIT, cache).items())


def test_frozen_deck_shows_its_time(app_db):
    content, _ = parts.freeze(SUMMIT, cache)
    snapshot_id = playlists.freeze(PRESENTER, SUMMIT, content)
    app = open_page(PRESENT, snapshot=str(snapshot_id), slide="3")
    taken = store.run("snapshot_by_id", {"snapshot_id": snapshot_id})["taken_at"].iloc[0]
    assert "Data frozen" in slide_of(app) and f"{taken:%H:%M}" in slide_of(app)


def test_the_viewer_never_writes(app_db):
    playlist_id = playlists.create(PRESENTER, "Top", ["title", "closing"])
    content, _ = parts.freeze(SUMMIT, cache)
    snapshot_id = playlists.freeze(PRESENTER, SUMMIT, content)
    before = writes()
    for query in ({}, {"playlist": str(playlist_id)}, {"snapshot": str(snapshot_id)}, {"slide": "x"}):
        app = open_page(PRESENT, **query)
        while not app.button(key="present_next").disabled:
            app.button(key="present_next").click().run()
        app.button(key="present_key_home").click().run()
    assert writes() == before


def test_presentations_page_for_a_visitor(app_db):
    app = open_page(PRESENTATIONS)
    assert not app.exception
    assert any("Sign in" in i.value for i in app.info)
    assert not [b for b in app.button if b.key == "deck_freeze"]


def test_a_partial_freeze_says_which_data_is_missing_after_the_rerun(app_db, people, monkeypatch):
    monkeypatch.setitem(parts.LOADERS, "progress", lambda live: 1 / 0)
    app = open_page(PRESENTATIONS, user="cabinet", lang="fr")
    app.button(key="deck_freeze").click().run()
    assert not app.exception and len(app.success) == 1
    (warning,) = [w.value for w in app.warning if "avancement" in w.value]
    assert "progress" not in warning  # the part's name in the language, not its code


def test_presenter_freezes_and_builds_a_playlist(app_db, people):
    app = open_page(PRESENTATIONS, user="cabinet")
    assert not app.exception
    assert app.file_uploader(key="playlist_upload").label == "Playlist file (JSON, up to 200 kB)"  # the limit checked
    app.button(key="deck_freeze").click().run()
    assert any("Frozen deck 1" in s.value for s in app.success)
    (taken,) = store.run("snapshots_list")["taken_at"]
    shown = {str(value) for grid in app.dataframe for value in grid.value.to_numpy().ravel()}
    assert format_moment(taken, "en") in shown  # when it was frozen, written as elsewhere in the app
    app.text_input(key="playlist_new_name").input("Sociale Top").run()
    app.button(key="playlist_create").click().run()
    (playlist,) = playlists.all_playlists()
    key = f"playlist_{playlist.playlist_id}"
    app.selectbox(key=f"{key}_slide").select("objective/1.4").run()
    app.button(key=f"{key}_add_slide").click().run()
    app.button(key=f"{key}_add_slide").click().run()
    app.text_input(key=f"{key}_view").input("http://localhost:8501/members?member=x").run()
    app.button(key=f"{key}_add_view").click().run()
    assert playlists.get(playlist.playlist_id).items == ("objective/1.4", "objective/1.4", "view/members?member=x")
    app.button(key=f"{key}_up_2").click().run()
    assert playlists.get(playlist.playlist_id).items[1] == "view/members?member=x"
    app.text_input(key=f"{key}_view").input("not a page <b>").run()
    app.button(key=f"{key}_add_view").click().run()
    assert any("not a page address" in e.value for e in app.error)
    app.button(key=f"{key}_delete").click().run()
    assert playlists.all_playlists() == [] and not app.exception


def test_another_cabinets_playlist_is_shown_but_not_offered_for_change(app_db, people):
    playlist_id = playlists.create(people["editor"], "Top", ["title"])
    key = f"playlist_{playlist_id}"
    other = open_page(PRESENTATIONS, user="other")
    assert not [button for button in other.button if button.key and button.key.startswith(key)]
    assert any("Made by Anna Peeters: only they or the secretariat" in caption.value for caption in other.caption)
    secretariat = open_page(PRESENTATIONS, user="secretariat")
    secretariat.button(key=f"{key}_delete").click().run()
    assert playlists.all_playlists() == [] and not secretariat.exception


def test_the_presenter_may_freeze_the_proposals_marked_and_the_player_shows_them(app_db, people):
    code = cache.query("workstreams_list").query("objective_code == '1.1'")["code"].iloc[0]
    proposal = workflow.Proposal(code, "in_progress", date(2026, 7, 1), "Begonnen.", confidence="green")
    workflow.propose(people["admin"], proposal, based_on=0)
    app = open_page(PRESENTATIONS, user="cabinet")
    assert app.checkbox(key="deck_freeze_proposals").value is False  # off unless the presenter asks
    app.button(key="deck_freeze").click().run()
    app.checkbox(key="deck_freeze_proposals").check().run()
    app.button(key="deck_freeze").click().run()
    assert not app.exception
    frozen = store.run("snapshots_list")
    assert dict(zip(frozen["snapshot_id"], frozen["includes_proposals"], strict=True)) == {1: False, 2: True}
    listed = next(grid.value for grid in app.dataframe if "Proposals awaiting validation" in grid.value.columns)
    assert sorted(listed["Proposals awaiting validation"]) == ["included, marked", "not included"]

    marked = "◐ In progress (proposed — awaiting validation)"
    played = {
        snapshot_id: slide_of(open_page(PRESENT, snapshot=str(snapshot_id), slide="3"))  # objective 1.1
        for snapshot_id in (1, 2)
    }
    assert 'data-slide="objective/1.1"' in played[2] and marked in played[2] and marked not in played[1]
    assert re.search(r'data-status="in_progress".*?<span class="count">0</span>', played[2], re.S)  # not counted


def test_an_unreadable_store_still_plays_the_default_deck(app_db, monkeypatch):
    def unavailable(name, **params):
        raise StoreUnavailable("locked", "store.duckdb")

    monkeypatch.setattr(cache, "store_query", unavailable)  # playlists
    monkeypatch.setattr(store, "run", lambda name, params=None: unavailable(name))  # frozen decks
    app = open_page(PRESENT, playlist="1", snapshot="1")
    assert not app.exception
    assert translate("present.part_unavailable", "en") in notices(app)
    assert 'data-state="ok"' in slide_of(app) and "Live data" in slide_of(app)


def test_nothing_readable_gives_a_neutral_slide_not_a_traceback(app_db, monkeypatch):
    def broken():
        raise RuntimeError("simulated")

    monkeypatch.setattr(player, "deck_for_url", broken)
    app = open_page(PRESENT)
    assert not app.exception
    assert 'data-state="fallback"' in slide_of(app) and "simulated" not in slide_of(app)
    assert app.button(key="present_next").disabled  # a one-slide deck
