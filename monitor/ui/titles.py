"""Content titles in the interface language: a French or English title the secretariat entered, else the Dutch
original marked [NL], explained once per page."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.i18n import translations
from monitor.ui.language import language, t
from monitor.ui.markdown import plain

DUTCH_NOTED = "_dutch_original_noted"  # whether this run has said what [NL] means


def new_page_run() -> None:
    """Called by the router before each page: the page has not explained the [NL] mark yet."""
    st.session_state[DUTCH_NOTED] = False


def _note_dutch_original() -> None:
    """Once per page, just before the first Dutch original shown in a French or English interface."""
    if language() != "nl" and not st.session_state.get(DUTCH_NOTED):
        st.session_state[DUTCH_NOTED] = True
        st.caption(original_note())


def title_of(kind: str, code: object, dutch: object) -> str:
    """A content title in the current language when an admin entered one, else the Dutch original marked [NL]."""
    text, original = cache.content_title(kind, code, dutch, language())
    if original:
        _note_dutch_original()
    return text


def markdown_title(kind: str, code: object, dutch: object) -> str:
    """title_of() for a place Streamlit reads as Markdown (a text, heading, label, link or tooltip): escaped, so
    that an entered title shows as typed. Options of select boxes, grids and charts take title_of() as it is."""
    return plain(title_of(kind, code, dutch))


def content_page_title(kind: str, code: str, dutch: object) -> None:
    """A detail page's title, '<code> · <title>'; the [NL] note, when needed, comes right after it."""
    text, original = cache.content_title(kind, code, dutch, language())
    st.title(f"{code} · {plain(text)}")  # an entered title, as typed
    if original:
        _note_dutch_original()


def titles(kind: str, dutch: Mapping[str, str]) -> tuple[dict[str, str], bool]:
    """{code: title} for codes with their Dutch text (see title_of), and whether any is a marked Dutch original.

    For labels shown outside the page body (the sidebar's options): the caller explains the mark there,
    with original_note(), so the page's own note still comes once, before the page's first marked title.
    """
    shown, marked = cache.content_titles(kind, list(dutch), list(dutch.values()), language())
    return dict(zip(dutch, shown, strict=True)), marked


def explain_originals(kind: str, dutch: Mapping[str, str]) -> None:
    """Before items drawn in their own boxes, each showing one of these titles: the [NL] note, at page level
    and once per page, when any of them is shown as its Dutch original (so it is not drawn inside the first box).
    """
    if titles(kind, dutch)[1]:
        _note_dutch_original()


def original_note() -> str:
    """What the [NL] mark means, in the interface language."""
    return t("languages.original_note", mark=translations.ORIGINAL_MARK)


def with_titles(frame: pd.DataFrame, kind: str, code_column: str, title_column: str) -> pd.DataFrame:
    """A copy of `frame` whose `title_column` holds title_of() for each row (see data.content_titles)."""
    shown = frame.copy()
    codes, dutch = shown[code_column].tolist(), shown[title_column].tolist()  # lists: read at once, not per value
    titles, marked = cache.content_titles(kind, codes, dutch, language())
    shown[title_column] = titles
    if marked:
        _note_dutch_original()
    return shown
