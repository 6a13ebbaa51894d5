"""What a rendered AppTest shows, as text: reusable by every page test that checks languages or accessibility.

`page_paths()` and `page_urls()` read dashboard.py's PAGES (so new pages are covered as soon as they are routed);
`rendered_texts(app)` gathers every string of every element (labels, options, help, Markdown, captions,
table headers and cells, and the plotly figure JSON: titles, axis titles, legend names, hover templates);
`missing_keys(app)` lists those that hold the catalogue's missing-key marker.
"""

from __future__ import annotations

import ast
import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io
from streamlit.testing.v1 import AppTest

from monitor.core.paths import PROJECT_ROOT

DASHBOARD = PROJECT_ROOT / "dashboard.py"
MISSING_MARK = "⟦"  # what monitor.i18n.translate shows for a key the catalogue does not have


def page_paths() -> dict[str, str]:
    """PAGES of dashboard.py as {name: 'pages/x.py'}, read from its source (no Streamlit run needed)."""
    return {name: page.args[0].value for name, page in _routed_pages().items()}


def page_urls() -> dict[str, str]:
    """PAGES of dashboard.py as {name: its address after the server's root} ('' for the default page)."""
    return {
        name: next((word.value.value for word in page.keywords if word.arg == "url_path"), "")
        for name, page in _routed_pages().items()
    }


def _routed_pages() -> dict[str, ast.Call]:
    tree = ast.parse(DASHBOARD.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            return {
                key.value: value
                for key, value in zip(node.value.keys, node.value.values, strict=True)
                if isinstance(value, ast.Call) and value.args
            }
    raise AssertionError("dashboard.py has no PAGES mapping")


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("bdata", "dtype"):  # typed arrays: numbers, not text
                yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _message_strings(message: Any, fields: set[str] | None = None) -> Iterator[str]:
    """Every string field of a protobuf message (or only those named in `fields`), recursively; without `fields`,
    JSON strings (plotly specs) are opened up."""
    for field, value in message.ListFields():
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            items = list(value.values())
        else:
            items = list(value) if field.is_repeated else [value]
        for item in items:
            if hasattr(item, "ListFields"):
                yield from _message_strings(item, fields)
            elif isinstance(item, str) and (fields is None or field.name in fields):
                yield item
                if fields is None and item[:1] in "{[":
                    with contextlib.suppress(ValueError):
                        yield from _json_strings(json.loads(item))


def _frame_strings(frame: pd.DataFrame) -> Iterator[str]:
    yield from (str(column) for column in frame.columns)
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            yield from (value for value in frame[column].tolist() if isinstance(value, str))


def rendered_texts(app: AppTest) -> list[str]:
    """Every string of every element and container the last run rendered (main area and sidebar)."""
    texts: list[str] = []
    for node in app._tree:
        proto = getattr(node, "proto", None)
        if proto is not None:
            texts.extend(_message_strings(proto))
        if getattr(node, "type", None) in ("dataframe", "table", "arrow_data_frame"):
            texts.extend(_frame_strings(node.value))
    return texts


MARKDOWN_FIELDS = {"body", "label", "help"}  # what Streamlit reads as Markdown: texts, headings, labels, tooltips


def markdown_texts(app: AppTest) -> list[str]:
    """The texts the last run handed to Streamlit's Markdown (not options of select boxes, not chart specs)."""
    protos = (getattr(node, "proto", None) for node in app._tree)
    return [text for proto in protos if proto is not None for text in _message_strings(proto, MARKDOWN_FIELDS)]


def default_placeholders(app: AppTest) -> list[str]:
    """Labels of select boxes that can show a placeholder (a multiselect, or a select box with no value) and have
    none of their own: Streamlit would show its own, in English ("Choose an option")."""
    boxes = [*app.selectbox, *app.multiselect]
    return [
        box.label
        for box in boxes
        if box.proto.options and not box.proto.placeholder and (box.type == "multiselect" or box.value is None)
    ]


def missing_keys(app: AppTest) -> list[str]:
    return sorted({text[:160] for text in rendered_texts(app) if MISSING_MARK in text})


def plotly_figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def changed_by_plotly(figure: dict) -> list[str]:
    """Where plotly's validation would change a figure as the app sent it ([] when nowhere; raises if invalid).

    The app sends its figures without validating them again on every rerun (monitor.ui.plots.chart): this is what
    makes that safe.
    """
    validated = json.loads(plotly.io.to_json(go.Figure(figure), validate=False))
    return list(_differences(figure, validated, "figure"))


def _differences(sent: Any, validated: Any, path: str) -> Iterator[str]:
    if isinstance(sent, dict) and isinstance(validated, dict):
        for key in sorted(sent.keys() | validated.keys()):
            yield from _differences(sent.get(key), validated.get(key), f"{path}.{key}")
    elif isinstance(sent, list) and isinstance(validated, list) and len(sent) == len(validated):
        for position, (one, other) in enumerate(zip(sent, validated, strict=True)):
            yield from _differences(one, other, f"{path}[{position}]")
    elif sent != validated or (type(sent) is not type(validated) and not isinstance(sent, int | float)):
        yield f"{path}: {sent!r:.60} -> {validated!r:.60}"


OVERVIEW = "pages/explore/overview.py"  # the default page, at /


def open_page(page: str = OVERVIEW, user: str | None = None, **query: str) -> AppTest:
    """Run the app on `page` ('pages/x/y.py') with URL parameters `query`, signed in as `user` if given.

    The first run opens the default page, as a visitor does; the switch then keeps only the page's own
    parameters, so `query` is given again."""
    from monitor.ui.auth import SESSION_KEY

    app = AppTest.from_file(str(DASHBOARD), default_timeout=90)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    if page == OVERVIEW and not user:  # already there: a second run would drop the first run's notices
        return app
    if user:
        app.session_state[SESSION_KEY] = user
    app.switch_page(page)
    for name, value in query.items():  # a page switch keeps only the page's own parameters
        app.query_params[name] = value
    return app.run()


def caption_before_title(app: AppTest, text: str) -> bool:
    """Whether a caption reading `text` comes before the page's title in the main area."""
    for node in app.main:
        kind = getattr(node, "type", None)
        if kind == "title":
            return False
        if kind == "caption" and node.value == text:
            return True
    return False


def charts_without_summary(app: AppTest) -> list[str]:
    """Charts not directly followed by a non-empty caption (the text twin screen readers read)."""
    nodes = [node for node in app._tree if getattr(node, "type", None) not in (None, "vertical", "horizontal")]
    missing = []
    for position, node in enumerate(nodes):
        if getattr(node, "type", None) == "plotly_chart":
            following = nodes[position + 1] if position + 1 < len(nodes) else None
            caption = getattr(following, "type", None) == "caption" and str(following.value).strip()
            if not caption:
                missing.append(str(getattr(node, "key", None) or position))
    return missing


def rendered_text(app: AppTest) -> str:
    """The page's titles, texts, captions and notices, one per line."""
    parts = [
        e.value
        for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "error", "success")
        for e in getattr(app, kind)
    ]
    return "\n".join(str(p) for p in parts)
