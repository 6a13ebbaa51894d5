"""Progress aggregations over the workstreams that pass the filters (plain Python, no Streamlit).

Counts, not percentages: a workstream without an update counts as "not yet assessed", which is always
shown, so that the share of the strategy nobody has reported on is never hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeVar

import pandas as pd

from monitor.core import frames
from monitor.progress.workflow import ALL_STATUSES, CONFIDENCE_LEVELS, NOT_ASSESSED

DIMENSIONS = ("objective", "member", "priority", "theme")  # what the Progress page counts by

StatusOf = Mapping[str, str]  # workstream code -> status (missing: not yet assessed)
Known = TypeVar("Known")  # what is known of the workstreams at a moment (statuses, or statuses and confidences)


def status_of(current: pd.DataFrame) -> dict[str, str]:
    """Workstream code -> current status, from a progress_current result."""
    return dict(zip(current["workstream_code"], current["status"], strict=True))


def status_counts(groups: Mapping[str, Sequence[str]], statuses: StatusOf) -> pd.DataFrame:
    """One row per group × status (every status, zeros included): group, status, workstreams, codes."""
    rows = []
    for group, codes in groups.items():
        by_status: dict[str, list[str]] = {status: [] for status in ALL_STATUSES}
        for code in codes:
            by_status[statuses.get(code, NOT_ASSESSED)].append(code)
        rows.extend(
            {"group": group, "status": status, "workstreams": len(found), "codes": ", ".join(found)}
            for status, found in by_status.items()
        )
    return pd.DataFrame(rows, columns=["group", "status", "workstreams", "codes"])


def counts_wide(counts: pd.DataFrame) -> pd.DataFrame:
    """The counts as a table: one row per group, one column per status, and the total."""
    rows: dict[str, dict[str, object]] = {}
    for group, status, workstreams in zip(counts["group"], counts["status"], counts["workstreams"], strict=True):
        row = rows.setdefault(group, {"group": group, **dict.fromkeys(ALL_STATUSES, 0), "total": 0})
        row[status] += int(workstreams)
        row["total"] += int(workstreams)
    return pd.DataFrame(list(rows.values()), columns=["group", *ALL_STATUSES, "total"])


def confidence_counts(codes: Sequence[str], current: pd.DataFrame) -> pd.DataFrame:
    """How many of the passing workstreams that are not started, in progress or stalled have each confidence."""
    passing = set(codes)
    found = Counter(
        level
        for code, level in zip(current["workstream_code"], current["confidence"], strict=True)
        if code in passing and isinstance(level, str)
    )
    return pd.DataFrame({"confidence": list(CONFIDENCE_LEVELS), "workstreams": [found[c] for c in CONFIDENCE_LEVELS]})


def moments(at_cycles: Mapping[date, Known], now: Known, today: date) -> dict[date, Known]:
    """The trend's points by date: what was official at the end of each past Summit cycle, then now (today).

    On a Summit day, the cycle's end-of-day status is what is known now: the day is one point, now's."""
    return dict(sorted({**at_cycles, today: now}.items()))


def timeline(codes: Sequence[str], at_cycles: Mapping[object, StatusOf]) -> pd.DataFrame:
    """One row per cycle × status: the status counts of the passing workstreams as known at each cycle."""
    rows = []
    for cycle, statuses in at_cycles.items():
        found = Counter(statuses.get(code, NOT_ASSESSED) for code in codes)
        rows.extend({"cycle": cycle, "status": status, "workstreams": found[status]} for status in ALL_STATUSES)
    return pd.DataFrame(rows, columns=["cycle", "status", "workstreams"])


def transitions(codes: Sequence[str], before: StatusOf, now: StatusOf) -> pd.DataFrame:
    """From status → to status with counts and codes, for the passing workstreams whose status changed."""
    moves: dict[tuple[str, str], list[str]] = {}
    for code in codes:
        old, new = before.get(code, NOT_ASSESSED), now.get(code, NOT_ASSESSED)
        if old != new:
            moves.setdefault((old, new), []).append(code)
    order = {status: index for index, status in enumerate(ALL_STATUSES)}
    rows = [
        {"from_status": old, "to_status": new, "workstreams": len(found), "codes": ", ".join(found)}
        for (old, new), found in sorted(moves.items(), key=lambda item: (order[item[0][0]], order[item[0][1]]))
    ]
    return pd.DataFrame(rows, columns=["from_status", "to_status", "workstreams", "codes"])


ATTENTION = ("stalled", "red", "not_updated")  # what "needs attention" lists, in this order


def needs_attention(
    codes: Sequence[str], current: pd.DataFrame, last_updates: pd.DataFrame, since: date | None
) -> dict[str, list[str]]:
    """The passing workstreams that need attention, in strategy order: officially stalled; in red (delivery in
    doubt); not updated since the Summit `since` (no update proposed after it; every workstream without any
    update when there was no Summit yet). `current` is the official status (progress_current), `last_updates`
    the latest update of each workstream (last_update_per_workstream)."""
    official = {
        code: (status, confidence)
        for code, status, confidence in frames.values(current, "workstream_code", "status", "confidence")
    }
    recent = {
        code
        for code, moment in zip(last_updates["workstream_code"], last_updates["last_proposed_at"], strict=True)
        if since is None or moment.date() > since
    }
    return {
        "stalled": [code for code in codes if official.get(code, ("", None))[0] == "stalled"],
        "red": [code for code in codes if official.get(code, ("", None))[1] == "red"],
        "not_updated": [code for code in codes if code not in recent],
    }


STANDING_COLUMNS = ["workstream_code", "status", "confidence", "validated_on", "proposed_status"]


def standing_of(codes: Sequence[str], current: pd.DataFrame, proposed: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per code, in the given order: its official status (`not_assessed` without a validated update), its
    delivery confidence and the day its status was validated (None without), and, when `proposed` is given
    (progress_proposed), the status proposed since and awaiting validation (None without).

    `current` is the official status (progress_current): a proposal never changes the first three columns."""
    official = {
        code: (status, confidence if isinstance(confidence, str) else None, decided_at.date())
        for code, status, confidence, decided_at in frames.values(
            current, "workstream_code", "status", "confidence", "decided_at"
        )
    }
    awaiting = {} if proposed is None else dict(frames.values(proposed, "workstream_code", "status"))
    rows = [(code, *official.get(code, (NOT_ASSESSED, None, None)), awaiting.get(code)) for code in codes]
    return pd.DataFrame(rows, columns=STANDING_COLUMNS)
