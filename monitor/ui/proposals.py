"""Official status first: the switch that also shows the cabinets' proposals awaiting validation, kept in the URL
(?proposals=true), and how a proposal is written wherever it shows (always marked, never as a status)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor.explore.looks import proposed_status_text
from monitor.progress.workflow import evidence_link
from monitor.ui.language import t

SWITCH = "proposals"


def proposals_switch() -> bool:
    """Whether this view also shows proposals awaiting validation (off unless asked; the URL keeps the choice)."""
    return st.toggle(
        t("progress.show_proposals"), key=SWITCH, bind="query-params", help=t("progress.show_proposals_help")
    )


def proposed_text(status: str) -> str:
    """A proposed status as every view writes it: the status and the mark 'proposed — awaiting validation'."""
    return proposed_status_text(status, t(f"status.{status}"), t("status.proposed_mark"))


def evidence_links(values: pd.Series) -> pd.Series:
    """Evidence links as a grid shows them (tables.table `links`): normalised again, so that one stored before
    links were normalised cannot reach the page as anything but an http(s) address; an empty cell for none."""
    return values.map(lambda url: evidence_link(url) or "")
