"""Indicators and targets: plain logic, no Streamlit and no database.

- `direction`: improving / stable / worsening between the last two data points of a series, judged by the
  indicator's desired direction and its pre-declared threshold for a meaningful change (data/sources/
  indicator_directions.csv); "insufficient" with fewer than two values; "not_judged" without a direction.
- `check_target`: the straight path from the base-year value to the target, and whether the latest value is
  on it. Without the base-year value the answer is "base_missing", never a value from elsewhere.
- `values_in_force`: the document's values with the revisions entered since (the newest revision wins, the
  history stays in the store).
- `objective_context` and `delivery_of`: the two axes of the delivery × context view; `delivery_over_time`:
  delivery_of at each Summit cycle, from what was official then.
Missing years are absent or None in a series, never zero.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

Series = Mapping[int, float | None]  # year -> value (None or NaN: not available)

DIRECTION_STATES = ("improving", "stable", "worsening", "insufficient", "not_judged")
TARGET_STATES = ("on_track", "off_track", "reached", "missed", "base_missing", "no_value_since_base")
DELIVERY_STATES = ("on_track", "off_track", "not_assessed")
CONTEXT_STATES = ("improving", "worsening", "mixed", "stable", "none")  # see objective_context
EPSILON = 1e-9  # values are printed with at most two decimals: closer than this is equal


def _known(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def points(series: Series) -> list[tuple[int, float]]:
    """The years that have a value, in order (gaps dropped, never read as zero)."""
    return sorted((int(year), float(value)) for year, value in series.items() if _known(value))


@dataclass(frozen=True)
class Reading:
    """The direction between the last two data points, with what it was computed from."""

    state: str  # one of DIRECTION_STATES
    previous: tuple[int, float] | None = None
    latest: tuple[int, float] | None = None
    change: float | None = None  # in the threshold's terms: points of the unit, or percent of the previous value


def direction(series: Series, desired: str, threshold: float | None, threshold_kind: str | None) -> Reading:
    """Improving, stable or worsening between the last two values; the change must reach the threshold.

    desired: 'up', 'down', 'towards_zero' (the size of a gap, either sign) or 'none' (not judged).
    threshold_kind: 'points' (absolute, in the indicator's unit) or 'percent' (of the previous value).
    """
    known = points(series)
    if len(known) < 2:
        return Reading("insufficient", latest=known[-1] if known else None)
    previous, latest = known[-2], known[-1]
    if desired not in ("up", "down", "towards_zero") or threshold is None:
        return Reading("not_judged", previous, latest)
    before, after = previous[1], latest[1]
    if desired == "towards_zero":
        before, after = abs(before), abs(after)
    difference = after - before
    if threshold_kind == "percent":
        if abs(before) < EPSILON:
            return Reading("insufficient", previous, latest)
        difference = difference / abs(before) * 100
    better = difference > 0 if desired == "up" else difference < 0
    if abs(difference) + EPSILON < threshold:
        return Reading("stable", previous, latest, difference)
    return Reading("improving" if better else "worsening", previous, latest, difference)


@dataclass(frozen=True)
class TargetCheck:
    """A numeric target read against an indicator series."""

    state: str  # one of TARGET_STATES
    base_year: int
    target_year: int
    base_value: float | None = None
    target_level: float | None = None  # the value the target asks for in the target year
    latest: tuple[int, float] | None = None
    needed: float | None = None  # the value on the straight path in the latest year

    def path(self) -> list[tuple[int, float]]:
        """The trajectory year by year from the base year to the target year (empty without a base value)."""
        if self.base_value is None or self.target_level is None:
            return []
        return [(year, _on_path(self, year)) for year in range(self.base_year, self.target_year + 1)]


def _on_path(check: TargetCheck, year: int) -> float:
    share = (year - check.base_year) / (check.target_year - check.base_year)
    return check.base_value + (check.target_level - check.base_value) * min(max(share, 0.0), 1.0)


def check_target(
    series: Series, base_year: int, target_year: int, change_percent: float, desired: str = "down"
) -> TargetCheck:
    """On track when the latest value is at least as good as the straight path from base to target.

    change_percent: the change the target asks for against the base year (-40 for "at least -40 %");
    desired: 'down' (lower is better, e.g. emissions) or 'up'. After the target year: reached or missed.
    """
    if target_year <= base_year:
        raise ValueError("the target year must come after the base year")
    base_value = series.get(base_year)
    if not _known(base_value):
        return TargetCheck("base_missing", base_year, target_year)
    base_value = float(base_value)
    target_level = base_value * (1 + change_percent / 100)
    check = TargetCheck("base_missing", base_year, target_year, base_value, target_level)
    later = [point for point in points(series) if point[0] > base_year]
    if not later:
        return TargetCheck("no_value_since_base", base_year, target_year, base_value, target_level)
    latest = later[-1]
    needed = _on_path(check, latest[0])
    good = latest[1] <= needed + EPSILON if desired == "down" else latest[1] >= needed - EPSILON
    finished = latest[0] >= target_year
    state = {(True, True): "reached", (True, False): "missed", (False, True): "on_track"}.get((finished, good))
    state = state or "off_track"
    return TargetCheck(state, base_year, target_year, base_value, target_level, latest, needed)


VALUE_COLUMNS = ["indicator_id", "year", "value", "origin", "source", "source_date", "revision_id", "revisions"]


def values_in_force(document: pd.DataFrame, revisions: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator × year: the newest revision if any, else the document's value (None: n.b.).

    document: indicator_id, year, value, source (as the document names it).
    revisions: revision_id, indicator_id, year, value, source, source_date (the user store, every revision).
    `revisions` counts how many values were recorded for the year in the store.
    """
    rows: dict[tuple[str, int], dict] = {}
    for row in document.itertuples(index=False):
        value = row.value if _known(row.value) else None
        rows[(row.indicator_id, int(row.year))] = {
            "indicator_id": row.indicator_id,
            "year": int(row.year),
            "value": value,
            "origin": "document",
            "source": row.source,
            "source_date": None,
            "revision_id": None,
            "revisions": 0,
        }
    for row in revisions.sort_values("revision_id").itertuples(index=False):
        key = (row.indicator_id, int(row.year))
        count = rows[key]["revisions"] + 1 if key in rows else 1
        rows[key] = {
            "indicator_id": row.indicator_id,
            "year": int(row.year),
            "value": float(row.value),
            "origin": "revision",
            "source": row.source,
            "source_date": row.source_date,
            "revision_id": int(row.revision_id),
            "revisions": count,
        }
    frame = pd.DataFrame(list(rows.values()), columns=VALUE_COLUMNS)
    return frame.sort_values(["indicator_id", "year"]).reset_index(drop=True)


def series_of(values: pd.DataFrame, indicator_id: str) -> dict[int, float | None]:
    """year -> value of one indicator from a values_in_force frame."""
    rows = values[values["indicator_id"] == indicator_id]
    return {int(y): (float(v) if _known(v) else None) for y, v in zip(rows["year"], rows["value"], strict=True)}


def objective_context(readings: Iterable[str]) -> str:
    """The direction of an objective's linked indicators taken together.

    improving / worsening when every judged indicator that moved moved that way; mixed when some improve and
    some worsen; stable when none moved meaningfully; none when no linked indicator can be judged.
    """
    found = set(readings)
    if "improving" in found and "worsening" in found:
        return "mixed"
    for state in ("improving", "worsening", "stable"):
        if state in found:
            return state
    return "none"


# Delivery: a workstream is on track when it moves as planned, off track when it is stalled, abandoned or
# its owners give it a red confidence; not yet assessed counts neither way.
ON_TRACK_STATUSES = {"partially_delivered", "delivered"}
OFF_TRACK_STATUSES = {"stalled", "abandoned"}


def workstream_delivery(status: str, confidence: str | None) -> str:
    """'on_track', 'off_track' or 'not_assessed' for one workstream's current status and confidence."""
    if status in OFF_TRACK_STATUSES or confidence == "red":
        return "off_track"
    if status in ON_TRACK_STATUSES or (status in ("not_started", "in_progress") and confidence in ("green", "amber")):
        return "on_track"
    return "not_assessed"


def delivery_of(codes: Sequence[str], current: Mapping[str, tuple[str, str | None]]) -> tuple[str, int, int, int]:
    """An objective's delivery from its workstreams: (state, on track, off track, not assessed).

    current: workstream code -> (status, confidence); missing workstreams are not yet assessed.
    on_track when more than half of the assessed workstreams are on track; not_assessed when none is assessed.
    """
    counts = {"on_track": 0, "off_track": 0, "not_assessed": 0}
    for code in codes:
        status, confidence = current.get(code, ("not_assessed", None))
        counts[workstream_delivery(status, confidence)] += 1
    assessed = counts["on_track"] + counts["off_track"]
    state = "on_track" if counts["on_track"] * 2 > assessed else "off_track"
    state = state if assessed else "not_assessed"
    return state, counts["on_track"], counts["off_track"], counts["not_assessed"]


def delivery_over_time(
    by_objective: Mapping[str, Sequence[str]], at_moments: Mapping[object, Mapping[str, tuple[str, str | None]]]
) -> pd.DataFrame:
    """Each objective's delivery (delivery_of, the one definition) at each moment, from what was official then.

    by_objective: objective code -> its workstreams (in the order the rows follow); at_moments: moment (e.g. a
    Summit date) -> workstream code -> (status, confidence) as known then. Columns: objective_code, moment,
    delivery, on_track, off_track, not_assessed; one row per objective × moment.
    """
    rows = [
        dict(zip(("delivery", "on_track", "off_track", "not_assessed"), delivery_of(codes, known), strict=True))
        | {"objective_code": objective, "moment": moment}
        for objective, codes in by_objective.items()
        for moment, known in at_moments.items()
    ]
    columns = ["objective_code", "moment", "delivery", "on_track", "off_track", "not_assessed"]
    return pd.DataFrame(rows, columns=columns)


def printed_decimals(printed: Iterable[str]) -> int:
    """The most decimals the document prints for an indicator ('18,5 %' -> 1, '72.154' -> 0, '3471,62' -> 2)."""
    found = [len(text.split(",")[1].split()[0]) for text in printed if isinstance(text, str) and "," in text]
    return max(found, default=0)


def every_year(series: Series) -> tuple[list[int], list[float | None]]:
    """The series over every year from its first to its last, None where there is no value: a chart then breaks
    its line over years the sources do not give, instead of drawing a straight line across them."""
    if not series:
        return [], []
    years = list(range(min(series), max(series) + 1))
    return years, [float(series[y]) if _known(series.get(y)) else None for y in years]


def delivery_context(
    titles: Mapping[str, str],
    by_objective: Mapping[str, Sequence[str]],
    current: Mapping[str, tuple[str, str | None]],
    directions: Mapping[str, Sequence[tuple[str, str]]],
) -> pd.DataFrame:
    """Delivery × context: one row per objective of `by_objective` (in `titles` order), its delivery from those
    workstreams (delivery_of) and the context of its linked indicators (objective_context).

    Columns: objective_code, objective_title, delivery, on_track, off_track, not_assessed, context,
    indicator_states (list of (indicator_id, state)).
    """
    rows = []
    for objective, title in titles.items():
        if objective not in by_objective:
            continue
        delivery, on_track, off_track, not_assessed = delivery_of(by_objective[objective], current)
        states = list(directions.get(objective, []))
        rows.append(
            {
                "objective_code": objective,
                "objective_title": title,
                "delivery": delivery,
                "on_track": on_track,
                "off_track": off_track,
                "not_assessed": not_assessed,
                "context": objective_context(state for _indicator, state in states),
                "indicator_states": states,
            }
        )
    columns = ["objective_code", "objective_title", "delivery", "on_track", "off_track", "not_assessed", "context"]
    return pd.DataFrame(rows, columns=[*columns, "indicator_states"])


def indicator_readings(indicators: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator (the rows of `indicators`, with desired direction and threshold) and its direction
    between its last two values in force (`values`, see values_in_force): state, previous_year, previous_value,
    latest_year, latest_value, change."""
    rows = []
    for row in indicators.to_dict("records"):
        threshold = row["threshold"] if pd.notna(row["threshold"]) else None
        reading = direction(
            series_of(values, row["indicator_id"]),
            row["desired"] or "none",
            threshold,
            row["threshold_kind"] if isinstance(row["threshold_kind"], str) else None,
        )
        rows.append(
            {
                **row,
                "state": reading.state,
                "previous_year": reading.previous[0] if reading.previous else None,
                "previous_value": reading.previous[1] if reading.previous else None,
                "latest_year": reading.latest[0] if reading.latest else None,
                "latest_value": reading.latest[1] if reading.latest else None,
                "change": reading.change,
            }
        )
    return pd.DataFrame(rows)


def objective_directions(links: pd.DataFrame, readings: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """Objective code -> [(indicator_id, direction state)] of its linked indicators (links: objective_code,
    indicator_id); an indicator without a reading counts as insufficient data."""
    states = dict(zip(readings["indicator_id"], readings["state"], strict=True))
    found: dict[str, list[tuple[str, str]]] = {}
    for code, indicator_id in zip(links["objective_code"], links["indicator_id"], strict=True):
        found.setdefault(code, []).append((indicator_id, states.get(indicator_id, "insufficient")))
    return found


def key_indicator(linked: Sequence[str], readings: pd.DataFrame) -> dict | None:
    """Of an objective's linked indicators (document order), the first that can be judged, else the first one;
    None when it has none. Keys: indicator_id, name, unit, latest_year, latest_value, direction (a state)."""
    if not linked:
        return None
    by_id = readings.set_index("indicator_id")
    judged = [i for i in linked if by_id.at[i, "state"] in ("improving", "stable", "worsening")]
    chosen = judged[0] if judged else linked[0]
    row = by_id.loc[chosen]
    return {
        "indicator_id": chosen,
        "name": row["name"],
        "unit": row["unit"],
        "latest_year": None if pd.isna(row["latest_year"]) else int(row["latest_year"]),
        "latest_value": None if pd.isna(row["latest_value"]) else float(row["latest_value"]),
        "direction": row["state"],
    }


def target_checks(targets: pd.DataFrame, indicators: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """One row per target an indicator measures: target_id and its check (check_target) against the values
    in force; the path's direction is the indicator's desired one (up, else down)."""
    desired = dict(zip(indicators["indicator_id"], indicators["desired"], strict=True))
    rows = []
    for row in targets[targets["indicator_id"].notna()].to_dict("records"):
        check = check_target(
            series_of(values, row["indicator_id"]),
            int(row["base_year"]),
            int(row["target_year"]),
            float(row["target_value"]),
            "up" if desired.get(row["indicator_id"]) == "up" else "down",
        )
        rows.append({"target_id": row["target_id"], "check": check})
    return pd.DataFrame(rows, columns=["target_id", "check"])
