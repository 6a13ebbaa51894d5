"""The interface language of a session (a select box kept in the URL as ?lang=…, the browser's language on
a first visit) and the helpers that speak it: t(), dates and moments written out, a label with its colon."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from monitor.core import formats
from monitor.core.formats import DEFAULT_LANGUAGE, LANGUAGES, format_date
from monitor.i18n import own_text, own_texts, translate

CHOSEN_LANGUAGE = "_chosen_language"  # survives page switches, unlike widget state
# The language of the script run on this thread, set by language_picker() at the top of every run: a page asks
# for it a hundred times or more per run, and reading session state each time was ~9 % of a filter change.
_this_run = threading.local()


def _browser_language() -> str | None:
    locale = getattr(st.context, "locale", None)
    code = str(locale or "").split("-")[0].lower()
    return code if code in LANGUAGES else None


def language_picker() -> str:
    """The language select box in the sidebar, kept in the URL as ?lang=….

    The URL (or else the browser's language) sets it on a session's first run; an unknown value gets a
    notice. The URL is written by hand rather than bound to the widget, because a bound parameter
    cannot survive st.switch_page, which the presets and drill-downs use.
    """
    _this_run.language = None  # until this run's choice is known below
    if not st.session_state.get("_lang_loaded"):
        requested = st.query_params.get("lang")
        valid = requested in LANGUAGES
        st.session_state[CHOSEN_LANGUAGE] = requested if valid else _browser_language() or DEFAULT_LANGUAGE
        st.session_state["_lang_rejected"] = None if valid or requested is None else requested[:40]
        st.session_state["_lang_loaded"] = True
    choice = st.sidebar.selectbox(
        t("language.label"),
        LANGUAGES,
        # The chosen language is also the widget's default: a browser that drew the box anew after a page switch
        # and lost its value sent the default with its next action (Dutch, the first), which switched the language.
        index=LANGUAGES.index(st.session_state[CHOSEN_LANGUAGE]),
        key="lang",
        format_func=lambda code: t(f"language.{code}"),
        help=" · ".join(f"{code} = {t(f'language.{code}')}" for code in LANGUAGES),
        on_change=lambda: st.session_state.update({CHOSEN_LANGUAGE: st.session_state["lang"]}),
    )
    if st.query_params.get("lang") != choice:
        st.query_params["lang"] = choice
    accessibility(choice)
    rejected = st.session_state.pop("_lang_rejected", None)
    if rejected:
        st.warning(translate("notice.unknown_language", choice, value=rejected))
    _this_run.language = choice
    global _last_run_language
    _last_run_language = choice
    return choice


_last_run_language = DEFAULT_LANGUAGE


# Streamlit draws captions and some secondary text at 60 % opacity (about 3.7:1 on white, below WCAG AA's
# 4.5:1); this keeps them fully opaque in a softer grey (6.7:1), and makes the keyboard focus always visible.
# It also hides the line Streamlit writes under an upload field ("200MB per file • CSV, XLSX"): it is in English
# and is not the limit; each upload field's label states the real limits, in the user's language.
ACCESSIBLE_CSS = """
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p,
[data-testid="stTooltipHoverTarget"] { color: #5A5C66; opacity: 1; }
:focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
"""


def accessibility(language_code: str) -> None:
    """The stylesheet above, and the page's declared language (<html lang>) set to the interface language.

    Streamlit serves one HTML page with lang="en"; a script in st.html (not iframed) corrects it on every run,
    so screen readers pronounce French and Dutch as such.
    """
    st.html(f"<style>{ACCESSIBLE_CSS}</style>")
    st.html(f"<script>document.documentElement.lang = {language_code!r};</script>", unsafe_allow_javascript=True)


def language() -> str:
    """The session's interface language.

    Outside a script run (AppTest re-reading a widget's formatted value between runs) there is no session:
    the language of the last run is used, so that format functions give the labels the widget was drawn with.
    """
    global _last_run_language
    remembered = getattr(_this_run, "language", None)
    if remembered is not None:
        return remembered
    if get_script_run_ctx(suppress_warning=True) is None:
        return _last_run_language
    chosen = st.session_state.get("lang", st.session_state.get(CHOSEN_LANGUAGE))
    _last_run_language = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
    return _last_run_language


DATE_INPUT_FORMAT = "DD/MM/YYYY"  # a date field as dates are written in Belgium, in each of the three languages


def format_day(day: date) -> str:
    """A date written out in the current language."""
    return format_date(day, language())


def format_moment(moment) -> str:
    """A timestamp written out in the current language ('28 novembre 2026, 14:05')."""
    return formats.format_moment(moment, language())


def t(key: str, **values: object) -> str:
    """The interface string `key` in the current language."""
    return translate(key, language(), **values)


def own(row, column: str):
    """The Monitor's own words in `column` of a row (a rationale, a note, a resolution) in the interface language;
    the documents' own text is never passed through here: it stays as printed."""
    return own_text(row, column, language())


def in_language(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of `frame` with the Monitor's own words in `columns` in the interface language."""
    return own_texts(frame, columns, language())


def labelled(key: str) -> str:
    """A label followed by a colon as the language writes it ('Piloté par :' in French, 'Steered by:' otherwise)."""
    return t("punctuation.colon", label=t(key))
