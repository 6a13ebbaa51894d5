"""The data a Social Summit deck shows, gathered in parts (strategy, shared priorities, progress, indicators,
and the French and English titles entered so far).

Live, each part is read when a slide needs it, through what the caller passes as `live` (the app passes
monitor.cache, its cached reads); frozen, the parts come from a snapshot taken when the presenter pressed
"freeze" (monitor.deck.playlists stores it). A part that cannot be
read raises SlideUnavailable, and only the slides that need it show the neutral fallback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol

import pandas as pd

from monitor.deck import slides
from monitor.explore.filters import Filters
from monitor.progress import aggregates
from monitor.storage import store

PARTS = ("strategy", "priorities", "progress", "indicators", "translations")
log = logging.getLogger(__name__)


class SlideUnavailable(Exception):
    """A part of the deck data could not be read; the slide shows the neutral fallback."""


class LiveData(Protocol):
    """The reads a live deck makes (the module monitor.cache provides them, cached per database and store)."""

    def query(self, name: str, **params: object) -> pd.DataFrame: ...
    def progress_state(self) -> Any: ...
    def filtered_codes(self, filters: Filters) -> list[str]: ...
    def validated_since(self, day: date | None) -> int: ...
    def sample_rows(self) -> int: ...
    def objective_key_indicator(self, objective_code: str) -> dict | None: ...
    def content_translations(self) -> dict[tuple[str, str, str], str]: ...


def strategy(live: LiveData, _summit: date | None = None) -> dict[str, Any]:
    """Pillars and objectives (title, priority type, initiating members, workstream codes) as published."""
    pillars = live.query("counts_by_pillar")
    objectives = live.query("objectives_list")
    workstreams = live.query("workstreams_list")
    codes_of: dict[str, list[str]] = {}
    for code, objective in zip(workstreams["code"], workstreams["objective_code"], strict=True):
        codes_of.setdefault(objective, []).append(code)
    return {
        "pillars": [
            {"pillar": int(p), "title": str(title), "objectives": int(n), "workstreams": int(w)}
            for p, title, n, w in zip(
                pillars["pillar"], pillars["pillar_title"], pillars["objectives"], pillars["workstreams"], strict=True
            )
        ],
        "objectives": [
            {
                "code": str(row["code"]),
                "title": str(row["title"]),
                "pillar": int(row["pillar"]),
                "priority_type": str(row["priority_type"]),
                "initiating": _names(row["initiating"]),
                "initiating_inferred": _names(row["initiating_inferred"]),
                "workstreams": codes_of.get(str(row["code"]), []),
            }
            for row in objectives.to_dict("records")
        ],
    }


def _names(joined: object) -> list[str]:
    """'A; B' (a '; '-joined list of names; NULL when none) as a list."""
    return [name for name in joined.split("; ") if name] if isinstance(joined, str) else []


def priorities(live: LiveData, _summit: date | None = None) -> dict[str, Any]:
    """The 17 shared priorities of the 11 June 2026 Summit (number, title, policy domain as written)."""
    rows = live.query("shared_priorities_list")
    return {
        "priorities": [
            {
                "number": int(r["number"]),
                "title": str(r["title"]),
                "domain_id": str(r["domain_id"]),
                "domain": r["domain"],
            }
            for r in rows.to_dict("records")
        ]
    }


def previous_summit(cycles: list[date], summit: date) -> date | None:
    """The Summit before `summit` (what a deck for `summit` reports changes since); None for the first one."""
    earlier = [day for day in cycles if day < summit]
    return max(earlier) if earlier else None


def progress(live: LiveData, summit: date) -> dict[str, Any]:
    """Official statuses (validated only: a proposal awaiting validation is never counted, and on a slide only
    in a deck frozen with them, marked: see freeze), the Summit before the deck's, how statuses moved since then
    and how many updates were validated since, sample rows."""
    state = live.progress_state()
    statuses = aggregates.status_of(state.current)
    codes = live.filtered_codes(Filters())
    previous = previous_summit(list(state.cycles["summit_date"]), summit)
    before = state.at_cycles.get(previous, {}) if previous else {}
    moves = aggregates.transitions(codes, before, statuses)
    return {
        "statuses": statuses,
        "last_summit": previous.isoformat() if previous else None,
        "transitions": [
            {"from": f, "to": to, "workstreams": int(n)}
            for f, to, n in zip(moves["from_status"], moves["to_status"], moves["workstreams"], strict=True)
        ],
        "changes": int(live.validated_since(previous)),
        "sample_rows": int(live.sample_rows()),
    }


def _plain(value: object) -> object:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return None if value != value else value  # NaN -> None


def indicator_of(live: LiveData, code: str) -> dict[str, Any] | None:
    """The objective's key indicator (name, unit, latest year and value, direction), if it has one."""
    found = live.objective_key_indicator(code)
    return None if found is None else {key: _plain(value) for key, value in found.items()}


def indicators(live: LiveData, _summit: date | None = None) -> dict[str, Any]:
    codes = [o["code"] for o in strategy(live)["objectives"]]
    return {"by_objective": {code: found for code in codes if (found := indicator_of(live, code))}}


def translations(live: LiveData, _summit: date | None = None) -> dict[str, Any]:
    """The French and English titles entered so far, [kind, code, language, text] each: a frozen deck keeps
    the titles it was frozen with, as it keeps the numbers."""
    entered = live.content_translations()
    return {"titles": [[kind, code, language, text] for (kind, code, language), text in sorted(entered.items())]}


# Each part of a deck, read for the Summit the deck is for.
LOADERS: dict[str, Callable[[LiveData, date], dict[str, Any]]] = {
    "strategy": strategy,
    "priorities": priorities,
    "progress": progress,
    "indicators": indicators,
    "translations": translations,
}


class Source:
    """Where a deck's data comes from: live loaders, or a frozen snapshot's content."""

    def __init__(
        self,
        summit: date,
        live: LiveData | None = None,
        frozen: dict[str, Any] | None = None,
        taken_at: datetime | None = None,
    ):
        self.summit = summit
        self.live = live  # None: only a frozen deck's parts can be read
        self.frozen = frozen
        self.taken_at = taken_at
        self._parts: dict[str, dict[str, Any]] = {}
        self._failed: set[str] = set()  # read once: a part that failed is not retried for every slide

    def part(self, name: str) -> dict[str, Any]:
        if name in self._parts:
            return self._parts[name]
        if name in self._failed:
            raise SlideUnavailable(name)
        if self.frozen is not None:
            found = self.frozen.get(name)
            if not isinstance(found, dict):
                raise SlideUnavailable(name)
        else:
            if self.live is None:
                raise SlideUnavailable(name)
            try:
                found = LOADERS[name](self.live, self.summit)
            except Exception as error:
                log.warning("deck part %s unavailable: %r", name, error)
                self._failed.add(name)
                raise SlideUnavailable(name) from error
        self._parts[name] = found
        return found

    def has_progress(self) -> bool:
        try:
            return bool(self.part("progress")["statuses"])
        except SlideUnavailable:
            return False

    def proposals(self) -> dict[str, str]:
        """Workstream code -> proposed status awaiting validation, for a deck frozen with them ({} otherwise:
        a live deck, or one frozen without them, shows official statuses only)."""
        if self.frozen is None or not self.frozen.get("includes_proposals"):
            return {}
        try:
            found = self.part("progress").get("proposals")
        except SlideUnavailable:
            return {}
        return dict(found) if isinstance(found, dict) else {}

    def objective_codes(self) -> list[str]:
        try:
            return [o["code"] for o in self.part("strategy")["objectives"]]
        except SlideUnavailable:
            return []

    def items(self) -> list[str]:
        return slides.default_items(self.objective_codes(), self.has_progress())

    def titles(self) -> dict[tuple[str, str, str], str]:
        """The entered titles {(kind, code, language): text} the deck shows: frozen with it, or live.

        A snapshot frozen before titles were part of a deck plays with the titles entered now.
        """
        if self.frozen is not None and "translations" not in self.frozen:
            return Source(self.summit, self.live).titles()
        return {(kind, code, language): text for kind, code, language, text in self.part("translations")["titles"]}


def awaiting_validation(live: LiveData) -> dict[str, str]:
    """Workstream code -> the status a cabinet proposed, awaiting validation (never official)."""
    proposed = live.progress_state().proposed
    return {
        str(code): str(status) for code, status in zip(proposed["workstream_code"], proposed["status"], strict=True)
    }


def freeze(summit: date, live: LiveData, proposals: bool = False) -> tuple[dict[str, Any], list[str]]:
    """Every part of the deck data as it is now (for a snapshot), and the names of the parts that failed.

    With `proposals` (the presenter's choice, off unless asked), the progress part also holds the proposals
    awaiting validation, beside the official statuses and never among them, and the snapshot records that it
    includes them ("includes_proposals"): its slides then show them, marked.
    """
    content: dict[str, Any] = {"summit_date": summit.isoformat()}
    failed = []
    source = Source(summit, live)
    for name in PARTS:
        try:
            content[name] = source.part(name)
        except SlideUnavailable:
            failed.append(name)
    included = proposals and "progress" in content
    if included:
        content["progress"] = {**content["progress"], "proposals": awaiting_validation(live)}
    content["includes_proposals"] = included
    return content, failed


def frozen_source(snapshot_id: int, live: LiveData | None = None) -> Source | None:
    """The deck frozen as snapshot `snapshot_id` (None when there is no such snapshot); `live` gives the titles
    of a snapshot frozen before titles were part of a deck."""
    found = store.run("snapshot_by_id", {"snapshot_id": int(snapshot_id)})
    if found.empty:
        return None
    row = found.iloc[0]
    taken_at = datetime.fromisoformat(str(row["taken_at"]))
    summit = date.fromisoformat(str(row["summit_date"])[:10])
    return Source(summit, live, frozen=json.loads(row["content"]), taken_at=taken_at)


def default_summit(cycles: list[date], today: date) -> date:
    """The Summit a deck is for unless the presenter picks one: the next one from today, else the latest."""
    upcoming = [day for day in cycles if day >= today]
    return min(upcoming) if upcoming else max(cycles)
