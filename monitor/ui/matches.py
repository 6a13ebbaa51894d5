"""How sure the Monitor is that a printed name is a member or an organisation, wherever a role is shown.

A role whose printed title is matched exactly is stated; any other match is the Monitor's reading: it is marked
"inferred" with its reason one click away (a tooltip or the "Why inferred" popover), never shown as plain fact.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor.core.text import mark_names
from monitor.explore.summaries import is_sure
from monitor.ui.language import own, t
from monitor.ui.markdown import plain

UNRESOLVED = "unresolved"  # government_members.kind of a title the documents tie to no member


def label(confidence: str) -> str:
    """Stated, Inferred or Inferred, undecided."""
    return t(f"match.{confidence}")


def mark(confidence: object, kind: object = None) -> str:
    """The Markdown mark after a name: nothing for a stated role, else its label in italics."""
    if kind == UNRESOLVED:
        return f" · *{t('government.unresolved')}*"
    return "" if is_sure(confidence) else f" · *{label(str(confidence))}*"


def reason(row, name: object = None, kind: object = None) -> str | None:
    """Why the printed name (`as_written` of a row with columns confidence, basis, basis_nl, basis_fr) is read as
    this member or body (its `name`, or `name` when given), in the interface language: the tooltip of its mark.

    None for a stated one: the note of an exact match is not a reason and is not written in Dutch or French.
    """
    basis = own(row, "basis")
    if kind == UNRESOLVED:
        return t("match.unresolved") + (f" {basis}" if isinstance(basis, str) else "")
    if is_sure(row.confidence) or not isinstance(basis, str):
        return None
    return t("match.reason", written=row.as_written, name=row.name if name is None else name, basis=basis)


def why_inferred(rows: pd.DataFrame, key: str) -> None:
    """A "Why inferred" popover listing the reasons of the rows that are not stated (columns as_written, name,
    confidence, basis, basis_nl, basis_fr); nothing when every row is stated."""
    read = rows[~rows["confidence"].map(is_sure)].drop_duplicates(["as_written", "name"])
    if read.empty:
        return
    with st.popover(t("match.why"), key=key):
        for row in read.itertuples():
            st.markdown(f"- **{plain(row.name)}** ({label(row.confidence)}): {plain(reason(row))}")


def with_marked_initiating(objectives: pd.DataFrame) -> pd.DataFrame:
    """Objectives (objectives_list rows) whose `initiating` names each say "inferred" where the Monitor only reads
    the printed title as that member."""
    mark = t("match.inferred").lower()
    initiating = objectives["initiating"].tolist()
    inferred = objectives["initiating_inferred"].tolist()
    return objectives.assign(initiating=[mark_names(n, i, mark) for n, i in zip(initiating, inferred, strict=True)])
