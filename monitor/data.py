"""Cached data access: the only place where Streamlit caching meets the database.

Whole-strategy datasets are read once per database file (the key includes the file's identity, so a
rebuild is a new entry) and the global filters select rows from them in memory: the strategy is small
(100 workstreams) and a filter change then costs no database round trip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pandas as pd
import streamlit as st

from monitor import db, progress, progress_summary, store, summaries
from monitor.filters import FacetIndex, Filters, KnownValues
from monitor.paths import database_path

DatabaseKey = tuple[str, int, int]


def database_key() -> DatabaseKey:
    """Identifies the database file as it is now (path, inode, mtime); opening it builds it if missing."""
    db.connection()
    path = database_path()
    return (str(path), *db.file_identity(path))


@st.cache_resource(show_spinner=False, max_entries=512)
def _query(key: DatabaseKey, name: str, params: tuple[tuple[str, object], ...] = ()) -> pd.DataFrame:
    return db.run(name, dict(params))


def query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/<name>.sql with named parameters, read once per database file.

    Kept as a shared resource (the data is read-only and small); callers get their own copy.
    """
    return _query(database_key(), name, tuple(sorted(params.items()))).copy()


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(key: DatabaseKey) -> FacetIndex:
    workstreams = db.run("workstream_index").to_dict("records")
    links = db.run("workstream_links").to_dict("records")
    return FacetIndex.from_rows(workstreams, links)


def facet_index() -> FacetIndex:
    return _index(database_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _options(key: DatabaseKey) -> dict[str, dict[str, str]]:
    options = db.run("filter_options")
    return {facet: dict(zip(rows["option"], rows["label"], strict=True)) for facet, rows in options.groupby("facet")}


def known_values() -> KnownValues:
    options = _options(database_key())
    return KnownValues(
        pillars=frozenset(int(p) for p in options["pillar"]),
        members=frozenset(options["member"]),
        orgs=frozenset(options["org"]),
        themes=frozenset(options["theme"]),
    )


def option_labels(facet: str) -> dict[str, str]:
    """Display names of a facet's options (as published), in display order. Do not mutate."""
    return _options(database_key())[facet]


def filtered_codes(filters: Filters) -> list[str]:
    return facet_index().codes(filters)


def facet_counts(filters: Filters) -> dict[str, dict[str, tuple[int, int]]]:
    return facet_index().all_counts(filters)


def workstreams(filters: Filters) -> pd.DataFrame:
    """One row per workstream passing the filters (see queries/workstreams_list.sql)."""
    frame = query("workstreams_list")
    return frame[frame["code"].isin(filtered_codes(filters))].reset_index(drop=True)


def objectives(filters: Filters) -> pd.DataFrame:
    """One row per objective with at least one passing workstream, with matching and total counts."""
    return product("objectives", filters)


def member_roles(filters: Filters) -> pd.DataFrame:
    """One row per member × workstream × role, for the passing workstreams."""
    return product("member_roles", filters)


def organisation_roles(filters: Filters) -> pd.DataFrame:
    """One row per organisation × objective × role, for objectives with a passing workstream."""
    frame = query("organisation_objective_roles")
    kept = set(workstreams(filters)["objective_code"])
    return frame[frame["objective_code"].isin(kept)].reset_index(drop=True)


def themes(filters: Filters) -> pd.DataFrame:
    """One row per objective × policy domain (editorial mapping), for objectives with a passing workstream."""
    frame = query("objective_themes_list")
    kept = set(workstreams(filters)["objective_code"])
    return frame[frame["objective_code"].isin(kept)].reset_index(drop=True)


# Page products that depend only on which workstreams pass the filters: computed once per set of codes.
def _pillar_counts(codes: list[str]) -> pd.DataFrame:
    return summaries.pillar_counts(_objectives(codes), query("counts_by_pillar"))


def _objectives(codes: list[str]) -> pd.DataFrame:
    frame = query("workstreams_list")
    matching = frame[frame["code"].isin(codes)].groupby("objective_code").size().rename("matching_workstreams")
    return query("objectives_list").join(matching, on="code", how="inner").reset_index(drop=True)


def _member_roles(codes: list[str]) -> pd.DataFrame:
    frame = query("member_workstream_roles")
    return frame[frame["workstream_code"].isin(codes)].reset_index(drop=True)


_PRODUCTS = {
    "objectives": _objectives,
    "pillar_counts": _pillar_counts,
    "priority_by_pillar": lambda codes: summaries.priority_by_pillar(_objectives(codes)),
    "member_roles": _member_roles,
    "member_summary": lambda codes: summaries.member_summary(_member_roles(codes), query("members_overview")),
    "matrix": lambda codes: summaries.responsibility_matrix(_member_roles(codes)),
    "flow": lambda codes: summaries.sankey_links(_member_roles(codes)),
}


@st.cache_data(show_spinner=False, max_entries=1024)
def _product(key: DatabaseKey, name: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return _PRODUCTS[name](list(codes))


def product(name: str, filters: Filters) -> pd.DataFrame:
    """A page product (see _PRODUCTS) for the workstreams that pass the filters, cached per set of codes."""
    return _product(database_key(), name, tuple(filtered_codes(filters)))


# Progress: read from the user store once per store generation (every committed write is a new
# generation), then the filters select workstreams in memory, as for the strategy.
@dataclass(frozen=True)
class ProgressState:
    current: pd.DataFrame  # progress_current now
    cycles: pd.DataFrame  # every Social Summit cycle (documents and admins)
    last_summit: date | None  # the latest cycle on or before today
    at_cycles: dict[date, dict[str, str]]  # status known at the end of each past cycle


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max)


@st.cache_resource(show_spinner=False, max_entries=2)
def _progress_state(key: DatabaseKey, generation: int, today: date) -> ProgressState:
    all_cycles = progress.cycles()
    past = [day for day in all_cycles["summit_date"] if day <= today]
    at_cycles = {
        day: progress_summary.status_of(store.run("progress_current", {"at": _end_of(day)}))
        for day in past
        if day >= progress.STRATEGY_SIGNED
    }
    return ProgressState(
        current=store.run("progress_current", {"at": None}),
        cycles=all_cycles,
        last_summit=max(past) if past else None,
        at_cycles=at_cycles,
    )


def progress_state() -> ProgressState:
    """The progress of every workstream as derived from the store now (shared, do not mutate)."""
    return _progress_state(database_key(), store.generation(), date.today())


def sample_rows() -> int:
    """How many generated sample rows the store holds (0: everything shown is entered by people)."""
    counts = store_query("sample_counts").iloc[0]
    return int(counts["sample_updates"] + counts["sample_decisions"])


def progress_groups(dimension: str, codes: list[str]) -> dict[str, list[str]]:
    """The passing workstreams grouped by objective, steering member, priority type or theme (ids as keys)."""
    index = facet_index()
    passing = set(codes)
    if dimension == "objective":
        groups: dict[str, list[str]] = {}
        for code in codes:
            groups.setdefault(index.objective_of[code], []).append(code)
        return groups
    if dimension == "member":
        options = option_labels("member")
        steering = {m: index.member_roles.get((m, "steering"), frozenset()) for m in options}
        return {m: [c for c in codes if c in found] for m, found in steering.items() if found & passing}
    facet_options = index.single["priority"] if dimension == "priority" else index.multi["theme"]
    order = option_labels("theme") if dimension == "theme" else dict.fromkeys(("shared", "consulted", "mixed"))
    return {
        o: [c for c in codes if c in facet_options[o]] for o in order if facet_options.get(o, frozenset()) & passing
    }


@st.cache_resource(show_spinner=False, max_entries=2)
def _changes(generation: int, since: datetime) -> pd.DataFrame:
    return store.run("changes_since", {"since": since})


@st.cache_resource(show_spinner=False, max_entries=128)
def _changes_of(generation: int, since: datetime, codes: tuple[str, ...], limit: int) -> tuple[int, pd.DataFrame]:
    changes = _changes(generation, since)
    passing = changes[changes["workstream_code"].isin(codes)]
    return len(passing), passing.head(limit)


def changes_since_last_summit(filters: Filters, limit: int = 500) -> tuple[int, pd.DataFrame]:
    """How many updates were proposed after the last Summit for the passing workstreams, and the newest `limit`.

    Read once per store generation for all workstreams; the filters select rows in memory (do not mutate).
    """
    state = progress_state()
    since = _end_of(state.last_summit) if state.last_summit else datetime(2020, 1, 1)
    return _changes_of(store.generation(), since, tuple(filtered_codes(filters)), limit)


def group_names(dimension: str) -> dict[str, str]:
    """Display names of the groups of progress_groups (priority types are translated by the page)."""
    if dimension == "objective":
        objectives = query("objectives_list")
        return {code: f"{code} {title}" for code, title in zip(objectives["code"], objectives["title"], strict=True)}
    if dimension in ("member", "theme"):
        return option_labels(dimension)
    return {}


@st.cache_data(show_spinner=False, max_entries=64)
def _store_query(generation: int, name: str, params: tuple[tuple[str, object], ...] = ()) -> pd.DataFrame:
    return store.run(name, dict(params))


def store_query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/store/<name>.sql, read once per store generation."""
    return _store_query(store.generation(), name, tuple(sorted(params.items())))


@st.cache_data(show_spinner=False, max_entries=64)
def _reportable(key: DatabaseKey, member_id: str | None, is_admin: bool) -> list[str]:
    from monitor.accounts import User

    return progress.editable_workstreams(User("-", "-", "admin" if is_admin else "editor", member_id))


def reportable_workstreams(user) -> list[str]:
    """The workstreams `user` may report on (empty for nobody)."""
    return _reportable(database_key(), user.member_id, user.is_admin) if user else []


def cycles() -> pd.DataFrame:
    return progress_state().cycles


# --- Languages: content translations (French and English titles entered by an admin, with their source) ---
ORIGINAL_MARK = "[NL]"  # before a title shown as published, in Dutch, when the interface is in French or English


@st.cache_resource(show_spinner=False, max_entries=2)
def _content_translations(generation: int) -> dict[tuple[str, str, str], str]:
    from monitor import translations

    return translations.current()


def content_translations() -> dict[tuple[str, str, str], str]:
    """{(kind, code, language): text} in force now, read once per store generation (do not mutate)."""
    return _content_translations(store.generation())


def content_title(kind: str, code: object, dutch_text: object, language: str) -> tuple[str, bool]:
    """The title to show and whether it is the Dutch original.

    The entered translation in `language` when there is one; else the Dutch text as published, marked
    "[NL] …" when the interface is not Dutch. Never a machine translation.
    """
    text = content_translations().get((kind, str(code), language)) if language != "nl" else None
    if text:
        return text, False
    dutch = "" if dutch_text is None or dutch_text != dutch_text else str(dutch_text)
    return (dutch if language == "nl" or not dutch else f"{ORIGINAL_MARK} {dutch}"), True


def content_titles(kind: str, codes: pd.Series, dutch_texts: pd.Series, language: str) -> tuple[list[str], bool]:
    """content_title for a column: the titles, and whether any Dutch original was marked."""
    pairs = [content_title(kind, c, d, language) for c, d in zip(codes, dutch_texts, strict=True)]
    return [text for text, _original in pairs], language != "nl" and any(original for _text, original in pairs)
