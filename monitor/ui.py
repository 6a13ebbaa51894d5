"""Streamlit pieces shared by the pages: the language, translated labels, tables, error messages."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from plotly.basedatatypes import BaseFigure
from streamlit.runtime.scriptrunner import get_script_run_ctx

from monitor import data, exports, formats, imports
from monitor.errors import Conflict, DatabaseUnavailable, PermissionDenied, StoreUnavailable
from monitor.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, translate

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


def labelled(key: str) -> str:
    """A label followed by a colon as the language writes it ('Piloté par :' in French, 'Steered by:' otherwise)."""
    return t("punctuation.colon", label=t(key))


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
    text, original = data.content_title(kind, code, dutch, language())
    if original:
        _note_dutch_original()
    return text


def markdown_title(kind: str, code: object, dutch: object) -> str:
    """title_of() for a place Streamlit reads as Markdown (a text, heading, label, link or tooltip): escaped, so
    that an entered title shows as typed. Options of select boxes, grids and charts take title_of() as it is."""
    return plain(title_of(kind, code, dutch))


def content_page_title(kind: str, code: str, dutch: object) -> None:
    """A detail page's title, '<code> · <title>'; the [NL] note, when needed, comes right after it."""
    text, original = data.content_title(kind, code, dutch, language())
    st.title(f"{code} · {plain(text)}")  # an entered title, as typed
    if original:
        _note_dutch_original()


def titles(kind: str, dutch: Mapping[str, str]) -> tuple[dict[str, str], bool]:
    """{code: title} for codes with their Dutch text (see title_of), and whether any is a marked Dutch original.

    For labels shown outside the page body (the sidebar's options): the caller explains the mark there,
    with original_note(), so the page's own note still comes once, before the page's first marked title.
    """
    shown, marked = data.content_titles(kind, list(dutch), list(dutch.values()), language())
    return dict(zip(dutch, shown, strict=True)), marked


def explain_originals(kind: str, dutch: Mapping[str, str]) -> None:
    """Before items drawn in their own boxes, each showing one of these titles: the [NL] note, at page level
    and once per page, when any of them is shown as its Dutch original (so it is not drawn inside the first box).
    """
    if titles(kind, dutch)[1]:
        _note_dutch_original()


def original_note() -> str:
    """What the [NL] mark means, in the interface language."""
    return t("languages.original_note", mark=data.ORIGINAL_MARK)


def with_titles(frame: pd.DataFrame, kind: str, code_column: str, title_column: str) -> pd.DataFrame:
    """A copy of `frame` whose `title_column` holds title_of() for each row (see data.content_titles)."""
    shown = frame.copy()
    codes, dutch = shown[code_column].tolist(), shown[title_column].tolist()  # lists: read at once, not per value
    titles, marked = data.content_titles(kind, codes, dutch, language())
    shown[title_column] = titles
    if marked:
        _note_dutch_original()
    return shown


ROW_HEIGHT = 35
MAX_TABLE_HEIGHT = 1400
WRAPPED_LINE_HEIGHT, CELL_PADDING = 19, 14  # the grid's wrapped text (14 px) and a cell's padding, in px


def grid_row_height(lines: int) -> int:
    """A grid row's height in px for `lines` lines of text. Streamlit's grid wraps a cell's text only in rows
    taller than 4rem (64 px), so wrapping starts at 3 lines; 1 line is the grid's own row."""
    return ROW_HEIGHT if lines == 1 else max(65, lines * WRAPPED_LINE_HEIGHT + CELL_PADDING)


def table(
    frame: pd.DataFrame,
    columns: dict[str, str],
    key: str,
    widths: dict[str, str | int] | None = None,
    helps: dict[str, str] | None = None,
    export: str | None = None,
    max_height: int = MAX_TABLE_HEIGHT,
    wrapped: bool = False,
    lines: int = 1,
    **options,
):
    """A data table with translated headers (columns: data column -> catalogue key), index hidden.

    `widths` gives columns "large"/"medium" room or a width in pixels (the rest stay "small");
    `helps` adds a header tooltip (catalogue key). The table is as tall as its rows, up to a limit.
    `lines`: rows `lines` lines tall (3 or more) whose long texts wrap: the grid stays sortable and
    selectable, and cuts only what is longer than its rows. At 1366 px a grid's columns have ~860 px (the main
    column, ~905 px, less the selection boxes): pixel `widths` that sum to that fit without a sideways scroll.
    `wrapped`: a table to read, its long texts in full on wrapped lines (a static table: it cannot be sorted
    or selected, takes no `widths`, `lines` or `options`, and says its `helps` in a caption below it).
    """
    widths, helps = widths or {}, helps or {}
    headers = {column: t(key) for column, key in columns.items()}
    shown, event = _shown(frame, headers), None
    if wrapped:
        static_table(shown)
        if helps:  # a static table has no header tooltips: what its columns mean is said below it
            said = (f"{t('punctuation.colon', label=headers[c])} {t(helps[c])}" for c in columns if c in helps)
            st.caption("  \n".join(said))
    else:
        config = {
            headers[c]: st.column_config.Column(
                width=widths.get(c, "small"),
                help=t(helps[c]) if c in helps else None,
                alignment="right" if frame[c].dtype.kind in "iuf" else None,  # also when written as text
            )
            for c in columns
        }
        row_height = grid_row_height(lines)
        if lines > 1:
            options["row_height"] = row_height
        height = min(max_height, row_height * len(frame) + ROW_HEIGHT + 3)
        event = st.dataframe(shown, hide_index=True, key=key, column_config=config, height=height, **options)
    if export:  # numbers stay numbers in the files; headers are translated
        rows = frame.copy(deep=False)  # the rows as shown now (copy-on-write: later changes to `frame` stay out)
        downloads(lambda: rows[list(columns)].set_axis(list(headers.values()), axis=1), export, key)
    return event


def static_table(shown: pa.Table | pd.DataFrame) -> None:
    """A table to read (st.table): long texts wrap, and every text shows as written (st.table reads each cell
    as Markdown, so texts are escaped with plain())."""
    if isinstance(shown, pd.DataFrame):  # small tables, or a column Arrow could not type (see _shown)
        st.table(shown.map(lambda value: plain(value) if isinstance(value, str) else value), hide_index=True)
        return
    for index, column in enumerate(shown.columns):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            written = column.to_pylist()
            literal = [text if text is None else plain(text) for text in written]
            if literal != written:  # the documents' texts need no escapes: their columns stay as they are
                shown = shown.set_column(index, shown.field(index), pa.array(literal, column.type))
    st.table(shown, hide_index=True)


# What Markdown (and Streamlit's additions to it) would read as more than text, and where it is escaped:
_MAY_NEED_ESCAPES = re.compile(r"[\\`*~$<>|&_:]|\][(\[]|^\s*(?:[#+=-]|\d+[.)])", re.MULTILINE)  # quick test
_MARKDOWN_SIGNS = re.compile(r"[\\`*~$<>|&]|_+")  # emphasis, code, maths, HTML and entities, tables
_LINK_END = re.compile(r"\](?=[(\[])")  # [text](url), [text][ref]
_DIRECTIVE = re.compile(r":(?=[\w-]+\[)")  # Streamlit's :red[text]
# :material/icon: and emoji :tada: are read from the text after escapes are undone: a word joiner (U+2060,
# invisible, not read out) after the colon keeps them as typed.
_SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
_WORD_JOINER = "\u2060"
# headings, lists, rules and underlines at a line's start (">", quotes, is a sign above)
_BLOCK_START = re.compile(r"^(\s*)(#|\+|-+|=+|\d+[.)])(?=\s|$)", re.MULTILINE)


def plain(text: object) -> str:
    """Text from the data or entered by users, as Markdown that shows it as it is: no formatting, links, maths,
    HTML, icons or lists (st.markdown, and st.table in every cell, would read "*a*" as italic, "$x$" as maths,
    ":tada:" as an emoji, "1. " at a line's start as a list)."""
    text = str(text)
    if not _MAY_NEED_ESCAPES.search(text):  # most texts: one search instead of five substitutions
        return text
    text = _LINK_END.sub(r"\]", _MARKDOWN_SIGNS.sub(_escaped_sign, text))
    text = _SHORTCODE.sub(":" + _WORD_JOINER, _DIRECTIVE.sub(r"\:", text))
    return _BLOCK_START.sub(_escaped_block_start, text)


def _escaped_sign(found: re.Match) -> str:
    signs, (start, end), text = found.group(), found.span(), found.string
    if signs[0] == "_" and text[start - 1 : start].isalnum() and text[end : end + 1].isalnum():
        return signs  # inside a word (file_name): no emphasis, left as written
    return "".join("\\" + sign for sign in signs)


def _escaped_block_start(found: re.Match) -> str:
    indent, marker = found.groups()
    return f"{indent}{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"{indent}\\{marker}"


def _is_identifier(column: str) -> bool:
    """Columns that hold numbers which are names, not quantities (ids, years, row and priority numbers)."""
    return column in ("row", "number", "pillar") or column.endswith(("_id", "year", "_number"))


def _shown(frame: pd.DataFrame, headers: dict[str, str]) -> pa.Table | pd.DataFrame:
    """The columns of a table as shown: under their headers, numbers written as the language writes them, a
    missing text as an empty cell (Streamlit would write "None", in English).

    As an Arrow table, which Streamlit sends as it is: a DataFrame it would first select, rename and convert,
    ~3 ms a table here. A column Arrow cannot type (mixed values) leaves the conversion to Streamlit.
    """
    arrays = {}
    for column, header in headers.items():
        values = frame[column]
        written = None if _is_identifier(column) else _written_numbers(values)
        if written is None and values.dtype.kind == "O" and values.hasnans:
            values = values.fillna("")
        arrays[header] = values.array if written is None else written
    try:
        return pa.table(arrays)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return pd.DataFrame(arrays)


def _written_numbers(values: pd.Series) -> list[str] | None:
    """A column's numbers as text in the current language (decimal comma, narrow-space thousands in nl/fr), or
    None where they stay numbers: small whole numbers look the same in every language (and sort as numbers).
    """
    kind = values.dtype.kind  # numpy's and pandas' dtypes alike (cheaper than pandas' type checks)
    if kind not in "iuf":
        return None
    if kind in "iu" and not _reaches_thousands(values):
        return None
    return [formats.format_number(v, language()) for v in values.astype(object)]


def _reaches_thousands(values: pd.Series) -> bool:
    numbers = values.to_numpy() if isinstance(values.dtype, np.dtype) else values.dropna().to_numpy(dtype=float)
    return numbers.size > 0 and max(abs(numbers.min()), abs(numbers.max())) >= 1000  # abs: unsigned stay so


EXPORT_FORMATS = [
    ("export.csv", "csv", "text/csv", exports.to_csv),
    ("export.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.to_xlsx),
]


def downloads(shown: pd.DataFrame | Callable[[], pd.DataFrame], name: str, key: str) -> None:
    """CSV and XLSX of a table exactly as shown (filtered rows, translated headers).

    `shown` may be a function that makes the table: it then runs only when a button is pressed.
    """
    row = st.container(horizontal=True)
    for label, suffix, mime, convert in EXPORT_FORMATS:
        row.download_button(
            t(label),
            lambda convert=convert: convert(shown() if callable(shown) else shown),
            file_name=f"{name}.{suffix}",
            mime=mime,
            key=f"{key}_{suffix}",
            on_click="ignore",
        )


def chart_config(filename: str) -> dict:
    """Plotly's options for a chart: one tool, "save as PNG", its tooltip in the interface language.

    Zoom and pan add nothing to these small charts and their tooltips would stay English; plotly takes the
    tooltip's translation from `locales` (no plotly locale bundle needed, so it works offline).
    """
    return {
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
        "locale": language(),
        "locales": {language(): {"dictionary": {"Download plot as a PNG": t("chart.download_png")}}},
    }


class _AsValidated(BaseFigure):
    """A figure dict that is already in the form plotly's validation gives it (see monitor.charts).

    st.plotly_chart validates a dict on every rerun (2-15 ms a chart here) but sends a plotly figure object
    as its to_dict() says; this object says the dict as it is. tests/test_languages.py checks that every
    chart the pages draw comes out of plotly's validation unchanged, so nothing is lost by skipping it.
    """

    def __init__(self, figure: dict) -> None:  # BaseFigure's own __init__ is the validation skipped
        self._as_validated = figure

    def to_dict(self) -> dict:
        return self._as_validated


def chart(figure, key: str, summary: str, filename: str, **options):
    """A plotly chart (PNG download in its toolbar) followed by a text summary for screen readers."""
    if not figure.get("data"):
        st.info(t("empty.chart"))
        return None
    figure = {**figure, "layout": {**figure.get("layout", {}), "separators": formats.separators(language())}}
    event = st.plotly_chart(_AsValidated(figure), key=key, config=chart_config(filename), **options)
    st.caption(summary)
    return event


def paragraphs(text: str) -> str:
    """Document text as escaped Markdown paragraphs (one per line of the curated text)."""
    return "\n\n".join(plain(line) for line in str(text).splitlines() if line.strip())


def database_error(error: DatabaseUnavailable) -> None:
    st.error(t(f"error.database.{error.reason}"))


def store_error(error: StoreUnavailable) -> None:
    st.error(t(f"error.store.{error.reason}"))


def sample_banner() -> None:
    """While generated sample progress is in the store, every page says so before anything else."""
    try:
        samples = data.sample_rows()
    except StoreUnavailable as error:
        store_error(error)
        return
    if samples:
        st.warning(t("sample.banner", rows=samples))


def new_pick(event, key: str) -> list | None:
    """The customdata of a point newly clicked in chart `key`; None when nothing new was picked.

    A chart keeps its selection across reruns; acting only on a changed selection means a click is
    handled once and an old click is never re-applied after the user has moved on.
    """
    selection = event.get("selection", {}) if isinstance(event, dict) else getattr(event, "selection", {})
    points = selection.get("points", []) if isinstance(selection, dict) else getattr(selection, "points", [])
    picked = next((p.get("customdata") for p in points if p.get("customdata") is not None), None)
    signature = repr(picked)
    if picked is None or st.session_state.get(f"_{key}_handled") == signature:
        return None
    st.session_state[f"_{key}_handled"] = signature
    return list(picked) if isinstance(picked, (list, tuple)) else [picked]


def new_row(event, key: str) -> int | None:
    """The position of a table row newly selected in table `key` (handled once, like new_pick)."""
    rows = list(event.selection.rows) if event is not None and hasattr(event, "selection") else []
    if not rows or st.session_state.get(f"_{key}_handled") == repr(rows):
        if not rows:
            st.session_state.pop(f"_{key}_handled", None)
        return None
    st.session_state[f"_{key}_handled"] = repr(rows)
    return rows[0]


def problem_list(problems) -> str:
    """Rule violations (objects with column, key, values) as a Markdown list: 'Field: why'."""
    return "\n".join(f"- **{t(f'column.{p.column}')}**: {t(p.key, **p.values)}" for p in problems)


Preview = TypeVar("Preview")


def upload_field(key: str):
    """A CSV/XLSX upload field whose label states the limits the import checks (size and rows)."""
    rows = formats.format_number(imports.MAX_ROWS, language())
    label = t("transfer.choose_file", megabytes=imports.MAX_BYTES // 1_000_000, rows=rows)
    return st.file_uploader(label, type=["csv", "xlsx"], key=key)


def checked_upload(
    upload: Any, preview: Callable[[imports.Table], Preview], key: str, export: str | None = None
) -> Preview:
    """The preview of an uploaded CSV/XLSX; stops the page when the file is unreadable or has per-row problems.

    Both say so in the user's language; the problems are listed in a table (row, column, why) under `key`, and
    offered as a download named `export` when given.
    """
    try:
        checked = preview(imports.read_table(upload.name, upload.getvalue()))
    except imports.UnreadableFile as unreadable:
        st.error(t("transfer.unreadable", file=upload.name, why=t(unreadable.problem.key, **unreadable.problem.values)))
        st.stop()
    if checked.problems:
        st.error(t("transfer.problems", count=len(checked.problems), file=upload.name))
        problems = [{"row": p.row, "column": p.column, "why": t(p.key, **p.values)} for p in checked.problems]
        table(
            pd.DataFrame(problems),
            {"row": "column.row", "column": "column.column", "why": "column.why"},
            key=key,
            widths={"row": 50, "column": 150, "why": 660},  # fit 1366 px; a long reason wraps
            lines=3,
            export=export,
        )
        st.stop()
    return checked


def commit_button(
    label: str, key: str, commit: Callable[[], object], *, conflict: str, upload_key: str, rows: int
) -> None:
    """An import's commit button. Committed: the upload is cleared and the page reruns, where committed_note()
    says how many rows were imported; refused: the reason is shown and the preview stays.

    `conflict` is the catalogue key that explains a concurrent change (the import is then not committed).
    """
    if not st.button(label, key=key, type="primary"):
        return
    try:
        commit()
    except Conflict:
        st.error(t(conflict))
    except PermissionDenied:
        st.error(t("transfer.admins_only"))
    else:
        st.session_state[_committed(upload_key)] = rows
        st.session_state.pop(upload_key, None)
        st.rerun()


def committed_note(upload_key: str, message: str) -> None:
    """Once, after commit_button committed the upload `upload_key`: `message` (catalogue key) with the rows."""
    if (rows := st.session_state.pop(_committed(upload_key), None)) is not None:
        st.success(t(message, count=rows))


def _committed(upload_key: str) -> str:
    return f"_{upload_key}_committed_rows"
