"""Where a fact is printed (the document's title and the lines), kept complete but quiet: one "Source" control per
section, with the Monitor's reading notes folded in it under "How the Monitor read this"; and where an irregularity
occurs. File names stay in the docs and the exports of About the data, never on a page."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.ui.language import in_language, t


def source(document: str, start: int, end: int) -> str:
    """'Source: “Strategie Go4Brussels 2030”, lines 256–257': the document by the title a reader knows."""
    title = cache.document_titles().get(document)
    named = f"“{title}”" if title else t("provenance.unknown_document")
    if int(start) == int(end):  # "line 1614", not "lines 1614–1614"
        return t("fiche.source_line", document=named, line=int(start))
    return t("fiche.source", document=named, start=int(start), end=int(end))


def cited(label: str, document: str, start: int, end: int) -> str:
    """One line of a section's sources: what is cited, then where it is printed."""
    return f"{label} — {source(document, start, end)}"


def provenance(citations: Sequence[str], notes: Sequence[str] = ()) -> None:
    """A section's one "Source" control: where each of its facts is printed and, folded under "How the Monitor
    read this", the notes on how the Monitor read them (an irregularity resolved, a code corrected)."""
    if not citations and not notes:
        return
    with st.popover(t("provenance.label"), icon=":material/menu_book:"):
        st.markdown("\n".join(f"- {citation}" for citation in citations))
        if notes:
            st.markdown(f"**{t('provenance.reading')}**")
            st.markdown("\n".join(f"- {note}" for note in notes))


# Where the curated irregularities occur (data/sources/irregularities.csv, in English): a kind with a code
# ('objective 1.4', 'web page 1.8') or a part of the documents ('key figures').
SCOPES_WITH_CODE = ("objective", "web page")
SCOPES = ("government members", "key figures", "organisations", "pillars", "shared priorities")


def irregularity_scope(scope: str) -> str:
    """Where an irregularity occurs, in the interface language."""
    kind, _, code = scope.rpartition(" ")
    if kind in SCOPES_WITH_CODE:
        return t(f"about.scope.{kind.replace(' ', '_')}", code=code)
    if scope in SCOPES:
        return t(f"about.scope.{scope.replace(' ', '_')}")
    return scope  # a scope added to the sources later shows as curated until it has its string


def cycles_shown(cycles: pd.DataFrame) -> pd.DataFrame:
    """The Social Summit cycles (cache.cycles()) as shown: each name in the interface language (an admin's as
    typed), and as source where a cycle of the documents is printed, or the source an admin typed."""
    shown = in_language(cycles, "label")
    shown["source"] = [
        typed if isinstance(typed, str) else "; ".join(source(*_place(event)) for event in events)
        for events, typed in zip(cycles["cited"], cycles["source"], strict=True)
    ]
    return shown


def _place(event: dict) -> tuple[str, int, int]:
    return event["document"], event["line_start"], event["line_end"]
