"""Presentation mode in real headless Chromium: the whole deck by keyboard at projector sizes, offline, and the PDF."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from monitor import cache
from monitor.core.paths import DB_PATH_ENV, STORE_PATH_ENV
from monitor.deck import parts, playlists
from monitor.deck.handout import page_count, page_sizes
from monitor.deck.slide_html import PAGE_FORMATS
from monitor.progress import sample
from monitor.storage import db, store
from monitor.storage.accounts import User
from tests.browser import READY, open_options, sign_in, streamlit_server, wait_until_ready
from tests.people import add_people
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SLIDES = 24  # title, at a glance, 17 objectives, 3 of shared priorities, what changed, closing (progress exists)
SLIDE = "section.g4b-slide"
PRESENTER = User("presenter", "-", "admin", None)
PLAYLIST = ["objective/2.4", "view/objectives?pillar=2", "closing"]


@contextmanager
def environment(**values: str):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    """The app with sample progress in its store, so every kind of slide (and the sample marker) is shown."""
    logs = tmp_path_factory.mktemp("present-e2e")
    with environment(**{DB_PATH_ENV: str(built_db), STORE_PATH_ENV: str(logs / "store.duckdb")}):
        sample.generate(updates=400, seed=11)
        playlists.create(PRESENTER, "Top", PLAYLIST)
        content, _failed = parts.freeze(date(2026, 6, 11), cache)
        playlists.freeze(PRESENTER, date(2026, 6, 11), content)
        store.close_all()
        db.close_all()
    add_people(logs / "users.yaml")  # the accounts file of streamlit_server's app
    with streamlit_server(built_db, logs) as url:
        yield url


def offline_page(browser, width: int, height: int):
    """A page on which every request to a non-local address is blocked (and recorded), like a room without internet."""
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    blocked, failed = [], []

    def route(request_route):
        if urlparse(request_route.request.url).hostname in LOCAL_HOSTS:
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
    return page, blocked, failed


def at_slide(page, number: int) -> None:
    page.get_by_text(f"{number} / {SLIDES}", exact=True).wait_for(timeout=20_000)
    wait_until_ready(page)
    page.locator(SLIDE).wait_for()


def overflowing(page, width: int, height: int) -> list[str]:
    """Elements of the slide (and the control bar) whose box leaves the slide or the viewport; clipped headings."""
    return page.evaluate(
        """([width, height]) => {
            const slide = document.querySelector('section.g4b-slide');
            const frame = slide.getBoundingClientRect();
            const bad = [];
            const name = (e) => e.tagName + '.' + e.className + ' "' + (e.textContent || '').slice(0, 40) + '"';
            if (frame.left < 0 || frame.top < 0 || frame.right > width + 0.5 || frame.bottom > height + 0.5)
                bad.push('slide ' + JSON.stringify(frame));
            for (const e of slide.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.left < frame.left - 0.5 || r.top < frame.top - 0.5 || r.right > frame.right + 0.5
                    || r.bottom > frame.bottom + 0.5) bad.push(name(e) + ' ' + JSON.stringify(r));
            }
            for (const e of slide.querySelectorAll('h1, h2, h3, .body, .col, .panel')) {
                if (e.scrollHeight > e.clientHeight + 2) bad.push('clipped ' + name(e));
            }
            for (const e of document.querySelectorAll('.st-key-present_bar button, .st-key-present_bar a')) {
                const r = e.getBoundingClientRect();
                if (r.right > width + 0.5 || r.bottom > height + 0.5 || r.top < frame.bottom - 0.5)
                    bad.push('control ' + name(e));
            }
            return bad;
        }""",
        [width, height],
    )


@pytest.mark.parametrize("viewport", [(1920, 1080), (1280, 720)], ids=lambda v: f"{v[0]}x{v[1]}")
def test_the_whole_deck_by_keyboard_offline(chromium, server, viewport):  # noqa: F811 - pytest fixture
    width, height = viewport
    page, blocked, failed = offline_page(chromium, width, height)
    page.goto(f"{server}/present?lang=nl")
    ARTIFACTS.mkdir(exist_ok=True)
    for number in range(1, SLIDES + 1):
        at_slide(page, number)
        slide = page.locator(SLIDE)
        assert slide.get_attribute("data-state") == "ok", number
        assert overflowing(page, width, height) == [], number
        assert page.locator('[data-testid="stSidebar"]').is_hidden()
        assert page.locator('[data-testid="stHeader"]').is_hidden()
        assert page.locator('[data-testid="stException"]').count() == 0
        if slide.get_attribute("data-kind") in ("objective", "changes"):
            assert slide.get_by_text("VOORBEELDGEGEVENS — NIET OFFICIEEL").is_visible()
        page.screenshot(path=str(ARTIFACTS / f"present-{width}x{height}-{number:02}.png"))
        page.keyboard.press("ArrowRight")
    at_slide(page, SLIDES)  # the last slide stays
    assert page.locator(SLIDE).get_attribute("data-kind") == "closing"
    assert blocked == [] and failed == []
    page.close()


def test_clicker_keys_and_buttons(chromium, server):  # noqa: F811 - pytest fixture
    page, blocked, failed = offline_page(chromium, 1280, 720)
    page.goto(f"{server}/present?lang=fr&slide=5")
    at_slide(page, 5)
    page.keyboard.press("PageDown")
    at_slide(page, 6)
    page.keyboard.press("ArrowDown")
    at_slide(page, 7)
    page.keyboard.press("PageUp")
    at_slide(page, 6)
    page.keyboard.press("ArrowLeft")
    at_slide(page, 5)
    page.keyboard.press("End")
    at_slide(page, SLIDES)
    page.keyboard.press("Home")
    at_slide(page, 1)
    page.get_by_role("button", name="Suivante").click()
    at_slide(page, 2)
    assert "slide=2" in page.url
    page.get_by_role("link", name="Quitter la présentation").click()
    page.get_by_role("heading", name="Présentations pour le Sommet social").wait_for()
    assert blocked == [] and failed == []
    page.close()


def test_handout_pdf_has_one_page_per_slide(chromium, server):  # noqa: F811 - pytest fixture
    page, blocked, failed = offline_page(chromium, 1366, 1400)
    page.goto(f"{server}/presentations?lang=en")
    wait_until_ready(page)
    page.get_by_text(f"The default deck has {SLIDES} slides").wait_for()
    for page_format, choice in (("a4", None), ("16x9", "16:9 (the shape of the screen)")):  # A4 unless chosen
        if choice:
            page.get_by_text(choice).click()
            wait_until_ready(page)
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="Handout (PDF, one slide per page)").click()
        assert download.value.suggested_filename.endswith(f"-en-{page_format}.pdf")
        content = Path(download.value.path()).read_bytes()
        assert content.startswith(b"%PDF")
        assert page_count(content) == SLIDES
        width, height = PAGE_FORMATS[page_format].points
        assert all(abs(w - width) < 0.5 and abs(h - height) < 0.5 for w, h in page_sizes(content))
        (ARTIFACTS / f"present-handout-{page_format}.pdf").write_bytes(content)
    assert blocked == [] and failed == []
    page.close()


def test_a_playlist_with_a_live_view(chromium, server):  # noqa: F811 - pytest fixture
    page, blocked, failed = offline_page(chromium, 1280, 720)
    page.goto(f"{server}/present?playlist=1&lang=en")
    page.get_by_text("1 / 3", exact=True).wait_for()
    wait_until_ready(page)  # the keys are the player buttons' shortcuts: pressed before they are drawn, lost
    assert page.locator(SLIDE).get_attribute("data-slide") == "objective/2.4"
    page.keyboard.press("PageDown")
    page.get_by_text("2 / 3", exact=True).wait_for()
    page.get_by_text("Live view (not frozen): /objectives?pillar=2").wait_for()
    view = page.frame_locator('[data-testid="stIFrame"]')
    view.get_by_role("heading", name="Objectives").wait_for(timeout=30_000)
    view.locator('[data-testid="stPlotlyChart"] svg.main-svg').first.wait_for(timeout=30_000)
    view.locator(READY).wait_for()
    page.wait_for_timeout(1000)  # let the view finish loading: leaving it earlier aborts its requests
    frame = page.locator('[data-testid="stIFrame"]').bounding_box()
    bar = page.locator(".st-key-present_bar").bounding_box()
    assert frame["y"] >= 0 and frame["y"] + frame["height"] <= bar["y"] + 0.5 and bar["y"] + bar["height"] <= 720
    page.screenshot(path=str(ARTIFACTS / "present-view-1280x720.png"))
    page.keyboard.press("PageDown")
    page.get_by_text("3 / 3", exact=True).wait_for()
    assert page.locator(SLIDE).get_attribute("data-kind") == "closing"
    assert blocked == [] and failed == []
    page.close()


def test_the_frozen_deck_plays_and_prints(chromium, server):  # noqa: F811 - pytest fixture
    page, blocked, failed = offline_page(chromium, 1920, 1080)
    page.goto(f"{server}/present?snapshot=1&lang=fr&slide=3")
    at_slide(page, 3)
    assert "Données figées le" in page.locator(SLIDE).inner_text()
    page.goto(f"{server}/presentations?lang=en")
    wait_until_ready(page)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Handout of the frozen deck (PDF)").click()
    assert page_count(Path(download.value.path()).read_bytes()) == SLIDES
    assert blocked == [] and failed == []
    page.close()


def test_a_playlist_file_of_nested_brackets_is_refused_in_the_user_s_language(chromium, server, tmp_path):  # noqa: F811
    """The 100 kB file that gave a RecursionError traceback (issue 21): a sentence in French, nothing imported."""
    nested = tmp_path / "liste.json"
    nested.write_bytes(b"[" * 50_000 + b"]" * 50_000)
    page = chromium.new_page(viewport={"width": 1366, "height": 1400})
    page.goto(f"{server}/presentations?lang=en")
    wait_until_ready(page)
    sign_in(page, "secretariat")
    page.goto(f"{server}/presentations?lang=fr")  # the lasting sign-in holds across the reload
    wait_until_ready(page)
    page.get_by_text("Nouvelle liste ou importer un fichier").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(nested))
    page.get_by_role("button", name="Importer", exact=True).click()
    limit = playlists.MAX_DEPTH
    page.get_by_text(
        f"Le fichier n’a pas été importé : Le fichier imbrique des listes sur plus de {limit} niveaux"
    ).wait_for()
    wait_until_ready(page)
    content = page.content()
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in content and "RecursionError" not in content
    open_options(page, "Liste de lecture")
    assert page.get_by_role("option").all_inner_texts() == ["Top · #1"]  # the only playlist: none was added
    page.close()
