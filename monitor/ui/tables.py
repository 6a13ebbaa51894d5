"""Tables on a page: grids that can be sorted and selected, tables to read whose long texts wrap, numbers
written in the user's language, and their CSV and XLSX downloads exactly as shown."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from monitor.core import exports, formats
from monitor.i18n import translations
from monitor.ui.language import language, t
from monitor.ui.markdown import plain

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
    links: tuple[str, ...] = (),
    **options,
):
    """A data table with translated headers (columns: data column -> catalogue key), index hidden.

    `widths` gives columns "large"/"medium" room or a width in pixels (the rest stay "small");
    `helps` adds a header tooltip (catalogue key). The table is as tall as its rows, up to a limit.
    `lines`: rows `lines` lines tall (3 or more) whose long texts wrap: the grid stays sortable and
    selectable, and cuts only what is longer than its rows. At 1366 px a grid's columns have ~860 px (the main
    column, ~905 px, less the selection boxes): pixel `widths` that sum to that fit without a sideways scroll.
    `links`: columns of web addresses, shown as links (their host name) that open in a new tab; give them
    normalised (monitor.progress.workflow.evidence_link), an empty cell where there is none.
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
        for c in links:
            width, help_text = widths.get(c, "small"), t(helps[c]) if c in helps else None
            config[headers[c]] = st.column_config.LinkColumn(width=width, help=help_text, display_text=LINK_HOST)
        row_height = grid_row_height(lines)
        if lines > 1:
            options["row_height"] = row_height
        height = min(max_height, row_height * len(frame) + ROW_HEIGHT + 3)
        event = st.dataframe(shown, hide_index=True, key=key, column_config=config, height=height, **options)
    if export:  # numbers stay numbers in the files; headers are translated
        rows = frame.copy(deep=False)  # the rows as shown now (copy-on-write: later changes to `frame` stay out)
        downloads(lambda: rows[list(columns)].set_axis(list(headers.values()), axis=1), export, key)
    return event


LINK_HOST = r"^https?://([^/?#]+)"  # a link is shown as its host: where it leads, in a narrow column


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


def _unmarked(frame: pd.DataFrame) -> pd.DataFrame:
    """An export's cells without the "[NL]" mark of the screen; a column per marked column gives the language."""
    return exports.without_marks(
        frame, translations.ORIGINAL_MARK, lambda column: t("export.language_column", column=column), language()
    )


def downloads(shown: pd.DataFrame | Callable[[], pd.DataFrame], name: str, key: str) -> None:
    """CSV and XLSX of a table exactly as shown (filtered rows, translated headers).

    `shown` may be a function that makes the table: it then runs only when a button is pressed.
    """
    row = st.container(horizontal=True)
    for label, suffix, mime, convert in EXPORT_FORMATS:
        row.download_button(
            t(label),
            lambda convert=convert: convert(_unmarked(shown() if callable(shown) else shown)),
            file_name=f"{name}.{suffix}",
            mime=mime,
            key=f"{key}_{suffix}",
            on_click="ignore",
        )
