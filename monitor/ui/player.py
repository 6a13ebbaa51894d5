"""The presentation player: one slide at a time, full screen, driven by the URL and the keyboard.

URL: ?slide=N (1-based), ?summit=YYYY-MM-DD, ?playlist=ID, ?snapshot=ID (a frozen deck), ?lang=.
Keys (Streamlit button shortcuts, which presentation clickers send): → PageDown ↓ next, ← PageUp ↑ previous,
Home first, End last. The player only reads: it never writes to the store.
"""

from __future__ import annotations

import logging
from datetime import date

import streamlit as st

from monitor import cache
from monitor.deck import parts, slide_html, slides
from monitor.explore.looks import PROJECTOR_BACKGROUND, PROJECTOR_TEXT
from monitor.ui.language import format_day, language, t

log = logging.getLogger(__name__)
SLIDE_PARAM = "slide"
# (key, shortcut, step): the visible previous/next buttons carry the arrow keys; hidden ones the other keys.
EXTRA_KEYS = (
    ("present_key_pageup", "PageUp", -1),
    ("present_key_up", "Up", -1),
    ("present_key_pagedown", "PageDown", 1),
    ("present_key_down", "Down", 1),
    ("present_key_home", "Home", "first"),
    ("present_key_end", "End", "last"),
)
CHROME_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stSidebarNav"], header {{ display: none !important; }}
{", ".join(f".st-key-{key}" for key, _shortcut, _step in EXTRA_KEYS)} {{ display: none !important; }}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: {PROJECTOR_BACKGROUND}; }}
[data-testid="stMainBlockContainer"] {{ padding: 0 !important; max-width: 100% !important; }}
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] {{ gap: 0.5rem; }}
.st-key-present_bar {{ padding: 0 1rem; color: {PROJECTOR_TEXT}; }}
.st-key-present_bar p, .st-key-present_bar a, .st-key-present_bar span {{ color: {PROJECTOR_TEXT} !important;
  font-size: 1.1rem; }}
.st-key-present_bar button {{ background: #1A1A1A; color: {PROJECTOR_TEXT}; border: 2px solid {PROJECTOR_TEXT};
  font-size: 1.1rem; }}
.st-key-present_bar button:focus-visible {{ outline: 3px solid #F0E442; }}
.st-key-present_bar button:disabled {{ opacity: 0.35; }}
.st-key-present_view, .st-key-present_view [data-testid="stElementContainer"], .st-key-present_view iframe {{
  height: calc(100vh - 5.5rem) !important; }}
.st-key-present_view iframe {{ background: #FFFFFF; border: 0; }}
</style>
"""


def _summit(requested: str | None) -> tuple[date, str | None]:
    """The Summit the deck is for (the URL's, if it is a cycle) and a notice when the URL's was not usable."""
    try:
        cycles = list(cache.cycles()["summit_date"])
    except Exception:
        cycles = [date.fromisoformat(str(d)[:10]) for d in cache.query("summit_cycles")["summit_date"]]
    chosen = parts.default_summit(cycles, date.today())
    if requested is None:
        return chosen, None
    try:
        asked = date.fromisoformat(requested)
    except ValueError:
        asked = None
    if asked in cycles:
        return asked, None
    return chosen, t("present.bad_summit", value=requested[:40], date=format_day(chosen))


def _is_id(value: str) -> bool:
    """A row id as the URL can carry it (digits that fit a BIGINT)."""
    return value.isascii() and value.isdigit() and len(value) <= 18


def _snapshot(requested: str | None, summit: date) -> tuple[parts.Source | None, str | None]:
    if requested is None:
        return None, None
    source = parts.frozen_source(int(requested), cache) if _is_id(requested) else None
    if source is None:
        return None, t("present.bad_snapshot", value=requested[:40])
    return source, None


def _playlist(requested: str | None) -> tuple[list[str] | None, str | None]:
    if requested is None:
        return None, None
    rows = cache.store_query("playlists_list")
    found = rows[rows["playlist_id"] == int(requested)] if _is_id(requested) else rows.iloc[0:0]
    if found.empty:
        return None, t("present.bad_playlist", value=requested[:40])
    items = [str(item) for item in found["item"].dropna()]
    if not items:
        return None, t("present.empty_playlist")
    return items, None


def _guarded(resolve, *args):
    """A resolver's answer, or (None, a neutral notice) when what it reads cannot be read (the deck plays on)."""
    try:
        return resolve(*args)
    except Exception as error:  # e.g. the store is locked or gone: never a traceback on stage
        log.warning("presentation: %s failed: %r", resolve.__name__, error)
        return None, t("present.part_unavailable")


def deck_for_url() -> tuple[parts.Source, list[str], list[str]]:
    """The source, the items and the notices for the URL's ?summit, ?snapshot and ?playlist."""
    params = st.query_params
    summit, notice = _summit(params.get("summit"))
    notices = [notice] if notice else []
    source, notice = _guarded(_snapshot, params.get("snapshot"), summit)
    notices += [notice] if notice else []
    source = source or parts.Source(summit, cache)
    items, notice = _guarded(_playlist, params.get("playlist"))
    notices += [notice] if notice else []
    return source, items or source.items(), notices


def _go(target: int) -> None:
    st.query_params[SLIDE_PARAM] = str(target + 1)


def _show(item: str, source: parts.Source) -> None:
    slide = slides.parse_item(item)
    if slide is not None and slide.kind == "view":
        with st.container(key="present_view"):
            separator = "&" if "?" in slide.arg else "?"
            st.iframe(f"/{slide.arg}{separator}embed=true&lang={language()}", height=600)
        return
    fragment, _ok = slide_html.render(item, source, language())
    st.html(f"<style>{slide_html.CSS}</style>{fragment}")


def _controls(index: int, count: int, notices: list[str], item: str) -> None:
    last = count - 1
    with st.container(key="present_bar", horizontal=True, vertical_alignment="center"):
        st.button(
            t("present.previous"),
            key="present_prev",
            shortcut="Left",
            on_click=_go,
            args=(max(index - 1, 0),),
            disabled=index == 0,
        )
        st.markdown(f"**{t('present.counter', number=index + 1, count=count)}**")
        st.button(
            t("present.next"),
            key="present_next",
            shortcut="Right",
            on_click=_go,
            args=(min(index + 1, last),),
            disabled=index == last,
            type="primary",
        )
        slide = slides.parse_item(item)
        if notices:
            st.markdown(f"⚠ {' '.join(notices)}")
        elif slide is not None and slide.kind == "view":
            st.markdown(t("present.view_live", path=slide.arg))
        else:
            st.caption(t("present.keys_help"))
        st.page_link("pages/more/presentations.py", label=t("present.exit"))
    for key, shortcut, step in EXTRA_KEYS:
        target = 0 if step == "first" else last if step == "last" else min(max(index + step, 0), last)
        st.button(shortcut, key=key, shortcut=shortcut, on_click=_go, args=(target,))


def player() -> None:
    """The whole presentation page; whatever fails, the projector shows a neutral slide, never a traceback."""
    st.html(CHROME_CSS)
    try:
        source, items, notices = deck_for_url()
    except Exception as error:
        log.warning("presentation: the deck cannot be made: %r", error)
        st.html(f"<style>{slide_html.CSS}</style>{slide_html.fallback_slide(language())}")
        _controls(0, 1, [t("present.part_unavailable")], "title")
        return
    requested = st.query_params.get(SLIDE_PARAM)
    index, usable = slides.clamp_index(requested, len(items))
    if not usable:
        notices.append(t("present.bad_slide", value=str(requested)[:40], number=index + 1))
    try:
        _show(items[index], source)
    except Exception as error:
        log.warning("presentation: slide %s cannot be shown: %r", items[index], error)
        st.html(f"<style>{slide_html.CSS}</style>{slide_html.fallback_slide(language())}")
    _controls(index, len(items), notices, items[index])
