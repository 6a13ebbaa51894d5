"""Every curated string is printed in the document it cites, at the lines it cites.

Strings are matched with white space removed (line wrapping, hyphenated breaks) and page furniture
dropped; see monitor/core/text.py. The expected text is read from the documents, never typed twice.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.build.sources import STRATEGY_DOCUMENT
from monitor.core.paths import DOCUMENTS_DIR, SOURCES_DIR
from monitor.core.text import document_lines, found_in_lines

Citation = tuple[str, str, str, int, int]  # (where, text, document, start, end)


def _yaml_citations(node: Any, document: str, where: str) -> Iterator[Citation]:
    """Walk a YAML source: {text|quote, lines} pairs and `X` with sibling `X_lines` / `X_line`."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _yaml_citations(item, document, f"{where}[{index}]")
        return
    if not isinstance(node, dict):
        return
    document = node.get("document", document)
    for key, value in node.items():
        if not isinstance(value, str) or not value.strip():
            continue
        text_key = "priority" if key == "priority_text" else key
        for suffix in ("_lines", "_line"):
            span = node.get(f"{text_key}{suffix}")
            if isinstance(span, int):
                span = [span, span]
            if isinstance(span, list) and len(span) == 2:
                yield (f"{where}.{key}", value, document, *span)
        if key in ("text", "quote") and isinstance(node.get("lines"), list):
            yield (f"{where}.{key}", value, document, *node["lines"])
    for key, value in node.items():
        if isinstance(value, (dict, list)):
            yield from _yaml_citations(value, document, f"{where}.{key}")


def _csv_rows(name: str) -> list[dict[str, str]]:
    with (SOURCES_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CSV_CITATIONS = {  # file -> [(text column, start column, end column)]
    "pillars.csv": [("title", "line_start", "line_end")],
    "government_members.csv": [("name", "line_start", "line_end")],
    "member_aliases.csv": [("alias", "line_start", "line_end")],
    "organisations.csv": [("name", "line_start", "line_end")],
    "organisation_aliases.csv": [("alias", "line_start", "line_end")],
    "indicators.csv": [
        ("name", "line_start", "line_end"),
        ("unit", "line_start", "line_end"),
        ("source", "line_start", "line_end"),
    ],
    "indicator_values.csv": [("value_printed", "line_start", "line_end")],
    "policy_domains.csv": [("name", "line_start", "line_end")],
    "shared_priorities.csv": [
        ("title", "title_line_start", "title_line_end"),
        ("number", "number_line", "number_line"),
        ("description", "description_line_start", "description_line_end"),
    ],
    "summit_events.csv": [("quote", "line_start", "line_end")],
}


def _all_citations() -> list[Citation]:
    citations: list[Citation] = []
    for path in sorted(SOURCES_DIR.glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        citations.extend(_yaml_citations(data, STRATEGY_DOCUMENT, path.relative_to(SOURCES_DIR).as_posix()))
    for name, columns in CSV_CITATIONS.items():
        for number, row in enumerate(_csv_rows(name), start=2):
            for text_column, start, end in columns:
                citations.append(
                    (
                        f"{name}:{number}.{text_column}",
                        row[text_column],
                        row.get("document") or STRATEGY_DOCUMENT,
                        int(row[start]),
                        int(row[end]),
                    )
                )
    return citations


CITATIONS = _all_citations()


def test_the_walker_covers_every_fiche_and_workstream():
    # A walker that silently skipped fields would make the parametrised test below vacuous.
    cited = {where for where, *_ in CITATIONS}
    for path in sorted((SOURCES_DIR / "objectives").glob("*.yaml")):
        name = path.relative_to(SOURCES_DIR).as_posix()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected = {f"{name}.{key}" for key in ("title", "general_objectives", "status_vs_2025", "priority_text")}
        for index, workstream in enumerate(data["workstreams"]):
            expected.add(f"{name}.workstreams[{index}].title")
            if workstream.get("description"):
                expected.add(f"{name}.workstreams[{index}].description")
            for number in range(len(workstream.get("steering") or [])):
                expected.add(f"{name}.workstreams[{index}].steering[{number}].text")
        assert expected <= cited, sorted(expected - cited)[:5]


@pytest.mark.parametrize("where, text, document, start, end", CITATIONS, ids=[c[0] for c in CITATIONS])
def test_curated_text_is_printed_at_the_cited_lines(where: str, text: str, document: str, start: int, end: int):
    lines = document_lines(Path(DOCUMENTS_DIR / document))
    assert found_in_lines(text, lines, start, end), (
        f"{where}: {text[:80]!r} not found in {document} lines {start}-{end}"
    )
