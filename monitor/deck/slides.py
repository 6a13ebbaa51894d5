"""The Social Summit deck as a list of slides (pure: no Streamlit, no database).

A slide is named by an item string, the same in the default deck, in playlists and in playlist files:
"title", "glance", "objective/1.4", "priorities/2", "changes", "closing", or "view/<page>?<query>" for a
saved view of the app (any filtered page URL). The deck data (strategy, progress, indicators) is a plain
JSON-able dict (see monitor/deck/parts.py), so that a frozen snapshot plays exactly what live data played.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

FIXED_KINDS = ("title", "glance", "changes", "closing")
PRIORITY_SLIDES = 3  # the 17 shared priorities of 11 June 2026, by policy domain, on three slides
OBJECTIVE_CODE = re.compile(r"^\d\.\d{1,2}$")
VIEW_PATH = re.compile(r"^[a-z][a-z0-9-]{0,40}(\?[A-Za-z0-9_.~%+=&,:;-]{0,1500})?$")
MAX_ITEM = 1600


@dataclass(frozen=True)
class Slide:
    item: str  # the item string, as stored
    kind: str  # one of FIXED_KINDS, "objective", "priorities", "view"
    arg: str = ""  # the objective code, the priorities page number, or the view's path and query


def parse_item(item: object) -> Slide | None:
    """The slide an item string names, or None when it is not a well-formed item."""
    if not isinstance(item, str) or not item or len(item) > MAX_ITEM:
        return None
    if item in FIXED_KINDS:
        return Slide(item, item)
    kind, _, arg = item.partition("/")
    if kind == "objective" and OBJECTIVE_CODE.match(arg):
        return Slide(item, kind, arg)
    if kind == "priorities" and arg.isdigit() and 1 <= int(arg) <= PRIORITY_SLIDES:
        return Slide(item, kind, arg)
    if kind == "view" and VIEW_PATH.match(arg):
        return Slide(item, kind, arg)
    return None


def view_item(url: str) -> str | None:
    """A playlist item for an app URL ("/objectives?pillar=1", or a full local URL), None if it is not one."""
    text = str(url).strip()
    text = re.sub(r"^https?://[^/]+", "", text).lstrip("/")
    text = re.sub(r"([?&])embed(_options)?=[^&]*&?", r"\1", text).rstrip("?&")
    item = f"view/{text}"
    return item if parse_item(item) else None


def default_items(objective_codes: Sequence[str], has_progress: bool) -> list[str]:
    """The default deck: title, at a glance, one slide per objective, the shared priorities, what changed
    since the last Summit (only once progress exists), closing."""
    return [
        "title",
        "glance",
        *(f"objective/{code}" for code in objective_codes),
        *(f"priorities/{page}" for page in range(1, PRIORITY_SLIDES + 1)),
        *(["changes"] if has_progress else []),
        "closing",
    ]


def priority_pages(domain_sizes: Sequence[tuple[str, int]], pages: int = PRIORITY_SLIDES) -> list[list[str]]:
    """Policy domains (in order, with their number of priorities) packed onto `pages` slides.

    A domain is never split; a slide takes domains until it holds about its share of the priorities.
    """
    total = sum(size for _domain, size in domain_sizes)
    share = max(1, math.ceil(total / pages))
    packed: list[list[str]] = [[]]
    filled = 0
    for domain, size in domain_sizes:
        if packed[-1] and filled + size > share and len(packed) < pages:
            packed.append([])
            filled = 0
        packed[-1].append(domain)
        filled += size
    return packed + [[] for _ in range(pages - len(packed))]


def clamp_index(requested: object, count: int) -> tuple[int, bool]:
    """The 0-based slide index for a 1-based ?slide= value, and whether the value was usable as given."""
    if requested in (None, ""):
        return 0, True
    try:
        number = int(str(requested))
    except ValueError:
        return 0, False
    if 1 <= number <= count:
        return number - 1, True
    return (count - 1 if number > count else 0), False


def status_counts(codes: Sequence[str], statuses: Mapping[str, str], all_statuses: Sequence[str]) -> dict[str, int]:
    """How many of `codes` have each status (every status, zeros included; missing = the first, not assessed)."""
    counts = dict.fromkeys(all_statuses, 0)
    for code in codes:
        counts[statuses.get(code, all_statuses[0])] += 1
    return counts
