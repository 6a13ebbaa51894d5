"""Speak to ministers, not to engineers (issue 19): every page, read in Chromium in Dutch, French and English,
shows no file name, path, command or database table name, and no "(in English)" mark. Provenance names a
document by its title; the technical part of About the data is folded (its text is not on screen until opened).
The signed-in pages are read as their visitors first see them (signed out) and, in English, as the secretariat."""

from __future__ import annotations

import re

import pytest

from monitor.i18n import translate
from monitor.storage import db
from tests.browser import go, sign_in, streamlit_server, wait_until_ready
from tests.people import add_people
from tests.rendered import DASHBOARD, page_paths
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
LANGUAGES = ("nl", "fr", "en")
DETAILS = ("objectives?objective=1.4", "objectives?objective=2.1", "workstreams?workstream=2.6.4")
SIGNED_IN = ("report", "validate", "translations", "presentations")
FILE = re.compile(r"\b[\w-]+\.(txt|csv|py|duckdb|ya?ml|toml|sql|md|json|xlsx)\b", re.IGNORECASE)
PATH = re.compile(r"\b(data|monitor|queries|pages|scripts|docs|tests)/\w")
COMMAND = re.compile(r"python -m|\bmake [a-z]|streamlit run|\.venv|pip install")
ENGLISH_MARKS = ("(in English)", "(en anglais)", "(in het Engels)", "in English.", "en anglais.", "in het Engels.")


def addresses() -> list[str]:
    """Every routed page's address (the presentation player aside: it is the deck, checked in tests/test_deck.py),
    read from the router's source, and a few detail views."""
    source = DASHBOARD.read_text(encoding="utf-8").replace("\n", " ")
    paths = dict(re.findall(r'"(\w+)": st\.Page\((?:(?!st\.Page).)*?url_path="([\w-]+)"', source))
    return ["", *(path for name, path in paths.items() if name != "present"), *DETAILS]


def engineering_words(text: str, tables: set[str]) -> list[str]:
    """What a minister should not meet on a page: file names, paths, commands, table names, English marks."""
    found = [match.group(0) for pattern in (FILE, PATH, COMMAND) for match in pattern.finditer(text)]
    found += [word for word in re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", text) if word in tables]
    return found + [mark for mark in ENGLISH_MARKS if mark in text]


@pytest.fixture(scope="module")
def served(built_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("plain_words")
    add_people(folder / "users.yaml")
    with streamlit_server(built_db, folder) as url:
        yield url


@pytest.fixture(scope="module")
def tables(built_db) -> set[str]:
    return set(db.run("table_row_counts", path=built_db)["table_name"])


def test_the_router_lists_every_page(built_db):
    assert len(addresses()) == len(page_paths()) - 1 + len(DETAILS)  # every page but the player, and the details


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_speaks_to_engineers(chromium, served, tables, lang):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    found = {}
    for address in addresses():
        joiner = "&" if "?" in address else "?"
        page.goto(f"{served}/{address}{joiner}lang={lang}")
        wait_until_ready(page)
        text = page.get_by_test_id("stMain").inner_text() + "\n" + page.get_by_test_id("stSidebar").inner_text()
        if words := engineering_words(text, tables):
            found[address or "/"] = sorted(set(words))
    page.close()
    assert found == {}


def test_the_secretariats_pages_speak_plainly_too(chromium, served, tables):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    page.goto(f"{served}/account?lang=en")
    wait_until_ready(page)
    sign_in(page, "secretariat")
    found = {}
    for name in SIGNED_IN:
        go(page, translate(f"nav.{name}", "en"))
        if words := engineering_words(page.get_by_test_id("stMain").inner_text(), tables):
            found[name] = sorted(set(words))
    page.close()
    assert found == {}


def test_the_check_finds_what_it_looks_for(tables):
    """The patterns catch each kind once (so a clean page is clean, not unread)."""
    text = (
        "Bron: 001_bf1477ece2e32ef4.txt, zie data/sources; run python -m monitor.progress.sample remove;"
        " the table workstream_members (in het Engels)"
    )
    assert "workstream_members" in tables
    assert engineering_words(text, tables) == [
        "001_bf1477ece2e32ef4.txt",
        "data/s",
        "python -m",
        "workstream_members",
        "(in het Engels)",
    ]
