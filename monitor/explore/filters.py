"""The global filters: their state, how they read from and write to the URL, and which workstreams they keep.

Pure logic (no Streamlit): the URL holds codes (`?pillar=1&priority=shared&member=…`); unknown or malformed
values are dropped and reported as notices, never raised.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

PRIORITIES = ("shared", "consulted", "mixed")
WS_PRIORITIES = ("shared", "consulted", "none")
ROLES = ("initiating", "associated", "steering", "consulted")
MAX_SEARCH_LENGTH = 200
MAX_WORDS = 12


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the strategy to. Empty tuples mean "everything"."""

    pillar: tuple[int, ...] = ()
    priority: tuple[str, ...] = ()
    ws_priority: tuple[str, ...] = ()
    member: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    q: str = ""

    def is_empty(self) -> bool:
        return self == Filters()

    def without(self, name: str) -> Filters:
        """The same filters with one facet cleared (for that facet's live counts)."""
        return replace(self, **{name: "" if name == "q" else ()})


FILTER_NAMES = tuple(f.name for f in fields(Filters))


@dataclass(frozen=True)
class KnownValues:
    """The codes a URL may use, read from the database."""

    pillars: frozenset[int]
    members: frozenset[str]
    orgs: frozenset[str]
    themes: frozenset[str]


@dataclass
class ParsedQuery:
    filters: Filters
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (parameter, value as given)


def _values(raw: Any) -> list[str]:
    """A query parameter as a list of non-empty strings: repeated keys or comma-separated values."""
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    return [part.strip() for item in items if item is not None for part in str(item).split(",") if part.strip()]


def parse_query(params: Mapping[str, Any], known: KnownValues) -> ParsedQuery:
    """Filters from URL parameters; anything unknown or malformed is dropped and listed in `rejected`."""
    rejected: list[tuple[str, str]] = []

    def keep(name: str, allowed: Sequence[str] | frozenset[str]) -> tuple[str, ...]:
        kept: list[str] = []
        for value in _values(params.get(name)):
            if value in kept:
                continue
            if value in allowed:
                kept.append(value)
            else:
                rejected.append((name, value))
        return tuple(kept)

    pillars: list[int] = []
    for value in _values(params.get("pillar")):
        if value.isdigit() and int(value) in known.pillars:
            if int(value) not in pillars:
                pillars.append(int(value))
        else:
            rejected.append(("pillar", value))
    searched = _values(params.get("q")) if not isinstance(params.get("q"), str) else [params["q"]]
    query = " ".join(searched)
    if len(query) > MAX_SEARCH_LENGTH:
        rejected.append(("q", query[:40] + "…"))
        query = query[:MAX_SEARCH_LENGTH]
    filters = Filters(
        pillar=tuple(sorted(pillars)),
        priority=keep("priority", PRIORITIES),
        ws_priority=keep("ws_priority", WS_PRIORITIES),
        member=keep("member", known.members),
        role=keep("role", ROLES),
        org=keep("org", known.orgs),
        theme=keep("theme", known.themes),
        q=query.strip(),
    )
    return ParsedQuery(filters, rejected)


def to_query(filters: Filters) -> dict[str, str]:
    """URL parameters for the filters (only those set), comma-joined codes."""
    query: dict[str, str] = {}
    for name in FILTER_NAMES:
        value = getattr(filters, name)
        if isinstance(value, tuple) and value:
            query[name] = ",".join(str(v) for v in value)
        elif isinstance(value, str) and value:
            query[name] = value
    return query


def search_words(text: str) -> list[str]:
    """Lower-case, accent-free words of a search (the database side is normalised the same way)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [word for word in plain.split() if word][:MAX_WORDS]


@dataclass(frozen=True)
class FacetIndex:
    """Which workstreams each filter option selects; built once per database file (100 workstreams).

    Filtering and live counts are set operations on it, which keeps a filter change well under a
    millisecond; the pages' products are then taken in memory for the resulting workstream codes (monitor.cache).
    """

    order: tuple[str, ...]  # every workstream code, in strategy order
    objective_of: Mapping[str, str]
    haystack: Mapping[str, str]
    single: Mapping[str, Mapping[str, frozenset[str]]]  # facet -> option -> codes (pillar, priority, ws_priority)
    member_roles: Mapping[tuple[str, str], frozenset[str]]  # (member_id, role) -> codes
    multi: Mapping[str, Mapping[str, frozenset[str]]]  # 'org' / 'theme' -> option -> codes

    def groups(
        self, dimension: str, codes: Sequence[str], members: Iterable[str], themes: Iterable[str]
    ) -> dict[str, list[str]]:
        """`codes` grouped by objective, pillar, steering member, priority type or theme (ids as keys, in `members` and
        `themes` order; priority types shared, consulted, mixed); a group lists its codes in `codes` order and
        only groups with a code are kept."""
        if dimension == "objective":
            by_objective: dict[str, list[str]] = {}
            for code in codes:
                by_objective.setdefault(self.objective_of[code], []).append(code)
            return by_objective
        passing = set(codes)
        if dimension == "member":
            steering = {m: self.member_roles.get((m, "steering"), frozenset()) for m in members}
            return {m: [c for c in codes if c in found] for m, found in steering.items() if found & passing}
        if dimension == "pillar":
            options, order = self.single["pillar"], sorted(self.single["pillar"])
        elif dimension == "priority":
            options, order = self.single["priority"], ("shared", "consulted", "mixed")
        else:
            options, order = self.multi["theme"], themes
        return {o: [c for c in codes if c in options[o]] for o in order if options.get(o, frozenset()) & passing}

    @classmethod
    def from_rows(cls, workstreams: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]]) -> FacetIndex:
        single: dict[str, dict[str, set[str]]] = {"pillar": {}, "priority": {}, "ws_priority": {}}
        for row in workstreams:
            for facet in single:
                single[facet].setdefault(str(row[facet]), set()).add(row["code"])
        member_roles: dict[tuple[str, str], set[str]] = {}
        multi: dict[str, dict[str, set[str]]] = {"org": {}, "theme": {}}
        for link in links:
            if link["facet"] == "member":
                member_roles.setdefault((link["option"], link["role"]), set()).add(link["code"])
            else:
                multi[link["facet"]].setdefault(link["option"], set()).add(link["code"])

        def freeze(groups: dict[Any, set[str]]) -> dict[Any, frozenset[str]]:
            return {key: frozenset(codes) for key, codes in groups.items()}

        return cls(
            order=tuple(row["code"] for row in workstreams),
            objective_of={row["code"]: row["objective_code"] for row in workstreams},
            haystack={row["code"]: row["haystack"] for row in workstreams},
            single={facet: freeze(groups) for facet, groups in single.items()},
            member_roles=freeze(member_roles),
            multi={facet: freeze(groups) for facet, groups in multi.items()},
        )

    def _members(self, filters: Filters) -> frozenset[str]:
        roles = filters.role or ROLES
        return frozenset().union(*(self.member_roles.get((m, r), frozenset()) for m in filters.member for r in roles))

    def _selected(self, filters: Filters, facet: str) -> frozenset[str] | None:
        """The codes that one facet of the filters lets through; None when that facet is not set."""
        if facet in self.single:
            options = getattr(filters, facet)
            return (
                frozenset().union(*(self.single[facet].get(str(o), frozenset()) for o in options)) if options else None
            )
        if facet in ("member", "role"):
            if filters.member:
                return self._members(filters)
            if filters.role:  # a role without a member: workstreams where anyone holds that role
                return frozenset(c for (_, r), codes in self.member_roles.items() if r in filters.role for c in codes)
            return None
        if facet in self.multi:
            options = getattr(filters, facet)
            return frozenset().union(*(self.multi[facet].get(o, frozenset()) for o in options)) if options else None
        words = search_words(filters.q)
        return frozenset(c for c in self.order if all(w in self.haystack[c] for w in words)) if words else None

    def _selections(self, filters: Filters) -> dict[str, frozenset[str]]:
        facets = ("pillar", "priority", "ws_priority", "member", "org", "theme", "q")
        return {f: selected for f in facets if (selected := self._selected(filters, f)) is not None}

    def codes(self, filters: Filters) -> list[str]:
        """The workstreams that pass every filter, in strategy order."""
        passing = set(self.order).intersection(*self._selections(filters).values())
        return [code for code in self.order if code in passing]

    def all_counts(self, filters: Filters) -> dict[str, dict[str, tuple[int, int]]]:
        """Live counts for every facet: facet -> option -> (objectives, workstreams) under the OTHER filters."""
        selections = self._selections(filters)
        base = set(self.order)

        def under_others(*excluded: str) -> set[str]:
            return base.intersection(*(codes for facet, codes in selections.items() if facet not in excluded))

        roles = filters.role or ROLES
        members: dict[str, frozenset[str]] = {}
        by_role: dict[str, frozenset[str]] = {}
        for (member, role), codes in self.member_roles.items():
            if role in roles:
                members[member] = members.get(member, frozenset()) | codes
            if not filters.member or member in filters.member:
                by_role[role] = by_role.get(role, frozenset()) | codes
        groups = {**self.single, **self.multi, "member": members, "role": by_role}
        counts: dict[str, dict[str, tuple[int, int]]] = {}
        for facet, options in groups.items():
            others = under_others("member") if facet in ("member", "role") else under_others(facet)
            counts[facet] = {}
            for option, codes in options.items():
                hits = codes & others
                if hits:
                    counts[facet][str(option)] = (len({self.objective_of[c] for c in hits}), len(hits))
        return counts
