"""Cached data access: the only place where Streamlit caching meets the database.

Whole-strategy datasets are read once per database file (the key includes the file's identity, so a
rebuild is a new entry) and the global filters select rows from them in memory: the strategy is small
(100 workstreams) and a filter change then costs no database round trip.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from monitor.core.errors import DatabaseUnavailable, StoreUnavailable
from monitor.core.frames import rows_in, values
from monitor.core.paths import database_path, users_path
from monitor.explore import summaries
from monitor.explore.filters import FacetIndex, Filters, KnownValues
from monitor.i18n import translations
from monitor.indicators import analysis
from monitor.progress import aggregates, workflow
from monitor.storage import accounts, db, store

DatabaseKey = tuple[str, int, int]


# The database key of the session run on this thread, while one runs (see one_run()).
_this_run = threading.local()


@contextmanager
def one_run() -> Iterator[None]:
    """Around a session's run (dashboard.route): the database file is looked at once in the run, not at each of
    the ~40 cache calls a run makes. Each look is a file stat, which lets go of Python's lock: with many sessions
    running at once, every one cost a wait for the others' turns (a third of the samples under 25 sessions).
    """
    _this_run.key = None
    try:
        yield
    finally:
        del _this_run.key  # outside a run (widget callbacks, start-up, tests), the file is looked at every time


def database_key() -> DatabaseKey:
    """Identifies the database file as it is now (path, inode, mtime); opening it builds it if missing."""
    if not hasattr(_this_run, "key"):
        return _database_key_now()
    if _this_run.key is None:
        _this_run.key = _database_key_now()
    return _this_run.key


def _database_key_now() -> DatabaseKey:
    db.connection()
    path = database_path()
    return (str(path), *db.file_identity(path))


class _Remembered:
    """What is remembered of one database file: query results, the facet index, the passing codes and live
    counts of each set of filters, and the page products (_PRODUCTS) of each set of codes.

    Remembered with Python's own hashing of names, frozen filters and code tuples (functools): Streamlit's
    cache hashing of such keys took ~1 ms a call, more than the work it saved, and a run asks dozens of times.
    Like Streamlit's caches, it lives as long as the process; a rebuilt file is a new key.
    """

    def __init__(self, index: FacetIndex) -> None:
        self.index = index
        self.query = functools.lru_cache(maxsize=512)(lambda name, params: db.run(name, dict(params)))
        self.codes = functools.lru_cache(maxsize=1024)(lambda filters: tuple(index.codes(filters)))
        self.counts = functools.lru_cache(maxsize=1024)(index.all_counts)
        self.product = functools.lru_cache(maxsize=1024)(lambda name, codes: _PRODUCTS[name](list(codes)))

    @functools.cached_property
    def options(self) -> dict[str, dict[str, str]]:
        """facet -> {option: display name as published}, in display order."""
        options = db.run("filter_options")
        return {f: dict(zip(rows["option"], rows["label"], strict=True)) for f, rows in options.groupby("facet")}


@functools.lru_cache(maxsize=4)  # asked a dozen times a run: Streamlit's cache call cost ~0.3 ms each time
def _remembered(key: DatabaseKey) -> _Remembered:
    workstreams = db.run("workstream_index").to_dict("records")
    links = db.run("workstream_links").to_dict("records")
    return _Remembered(FacetIndex.from_rows(workstreams, links))


def query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/<name>.sql with named parameters, read once per database file.

    Kept as a shared resource (the data is read-only and small); callers get their own copy.
    """
    return _remembered(database_key()).query(name, tuple(sorted(params.items()))).copy()


def facet_index() -> FacetIndex:
    return _remembered(database_key()).index


def known_values() -> KnownValues:
    options = _remembered(database_key()).options
    return KnownValues(
        pillars=frozenset(int(p) for p in options["pillar"]),
        members=frozenset(options["member"]),
        orgs=frozenset(options["org"]),
        themes=frozenset(options["theme"]),
    )


def option_labels(facet: str) -> dict[str, str]:
    """Display names of a facet's options (as published), in display order. Do not mutate."""
    return _remembered(database_key()).options[facet]


def filtered_codes(filters: Filters) -> list[str]:
    """The workstreams that pass the filters, in strategy order."""
    return list(_remembered(database_key()).codes(filters))


def facet_counts(filters: Filters) -> dict[str, dict[str, tuple[int, int]]]:
    """Live counts of every facet's options under the other filters (see FacetIndex.all_counts); do not mutate."""
    return _remembered(database_key()).counts(filters)


def workstreams(filters: Filters) -> pd.DataFrame:
    """One row per workstream passing the filters (see queries/strategy/workstreams_list.sql)."""
    return product("workstreams", filters)


def objectives(filters: Filters) -> pd.DataFrame:
    """One row per objective with at least one passing workstream, with matching and total counts."""
    return product("objectives", filters)


def member_roles(filters: Filters) -> pd.DataFrame:
    """One row per member × workstream × role, for the passing workstreams."""
    return product("member_roles", filters)


def portfolio(filters: Filters, member: str) -> tuple[dict[str, tuple[int, int]], pd.DataFrame]:
    """One member's responsibilities for the passing workstreams, one row each (summaries.portfolio), and how
    many of each role, stated and inferred apart: objectives it initiates or joins, workstreams it steers or is
    consulted on (as the members table counts)."""
    remembered = _remembered(database_key())  # the member roles are only read here: no copy
    roles = remembered.product("member_roles", remembered.codes(filters))
    rows = summaries.portfolio(rows_in(roles, "member_id", {member}, summaries.PORTFOLIO_COLUMNS))
    found = Counter(zip(rows["role"].tolist(), map(summaries.is_sure, rows["confidence"].tolist()), strict=True))
    return {role: (found[(role, True)], found[(role, False)]) for role in summaries.ROLE_ORDER}, rows


def member_alias_reasons(member: str) -> pd.DataFrame:
    """Why each printed title of `member` that is not matched exactly is read as it (member_aliases_of):
    the reasons behind the portfolio's inferred rows."""
    return query("member_aliases_of", member_id=member)


def partner_table(filters: Filters) -> pd.DataFrame:
    """One row per objective with a passing workstream: where the social partners (or the chosen
    organisations, with the organisation filter) are partner, in the steering committee or steer."""
    if filters.org:
        return summaries.partner_table(product("organisation_roles", filters), filters.org)
    return product("social_partners", filters)


def themes(filters: Filters) -> pd.DataFrame:
    """One row per objective × policy domain (editorial mapping), for objectives with a passing workstream."""
    return product("themes", filters)


# Page products that depend only on which workstreams pass the filters: computed once per set of codes.
# They read shared query results and each other's results (_shared, _made), which they never change.
def _shared(name: str) -> pd.DataFrame:
    return _remembered(database_key()).query(name, ())


def _made(name: str, codes: list[str]) -> pd.DataFrame:
    return _remembered(database_key()).product(name, tuple(codes))


def _objectives(codes: list[str]) -> pd.DataFrame:
    objective_of = facet_index().objective_of
    matching = Counter(objective_of[code] for code in codes)  # plain Python: ~5x a pandas join
    frame = _shared("objectives_list")
    kept = frame.take([row for row, code in enumerate(frame["code"].tolist()) if code in matching])
    kept = kept.reset_index(drop=True)
    kept["matching_workstreams"] = np.array([matching[code] for code in kept["code"].tolist()], dtype="int64")
    return kept


def _of_passing_objectives(frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    objective_of = facet_index().objective_of
    return rows_in(frame, "objective_code", {objective_of[code] for code in codes})


_PRODUCTS = {
    "objectives": _objectives,
    "pillar_counts": lambda codes: summaries.pillar_counts(_made("objectives", codes), _shared("counts_by_pillar")),
    "priority_by_pillar": lambda codes: summaries.priority_by_pillar(_made("objectives", codes)),
    "workstreams": lambda codes: rows_in(_shared("workstreams_list"), "code", set(codes)),
    "member_roles": lambda codes: rows_in(_shared("member_workstream_roles"), "workstream_code", set(codes)),
    "member_summary": lambda codes: summaries.member_summary(_made("member_roles", codes), _shared("members_overview")),
    "matrix": lambda codes: summaries.responsibility_matrix(_made("member_roles", codes)),
    "flow": lambda codes: summaries.sankey_links(_made("member_roles", codes)),
    "organisation_roles": lambda codes: _of_passing_objectives(_shared("organisation_objective_roles"), codes),
    "social_partners": lambda codes: summaries.partner_table(_made("organisation_roles", codes)),
    "themes": lambda codes: _of_passing_objectives(_shared("objective_themes_list"), codes),
}


def product(name: str, filters: Filters) -> pd.DataFrame:
    """A page product (see _PRODUCTS) for the workstreams that pass the filters, cached per set of codes.

    Kept as a shared resource, as query() results are: a copy is cheaper than cache_data's unpickling.
    """
    remembered = _remembered(database_key())
    return remembered.product(name, remembered.codes(filters)).copy()


# What the landing page (the Overview, unfiltered) derives on its first run: made once when the server starts.
_LANDING_PRODUCTS = ("objectives", "pillar_counts", "priority_by_pillar", "workstreams", "member_summary")


def warm() -> None:
    """Read and derive, before the first visitor, what every session's first run asks for: the facet index, the
    filter options and their counts (the sidebar of every page), the progress state, the entered translations,
    and the unfiltered Overview's products and delivery (~0.4 s here that the first visitor waited for).

    Called outside any session (monitor.serve.lifespan); Streamlit's caches are the process's own and work there
    too (tests/test_serve.py holds the first run to reading nothing). A database or store that cannot be opened
    is left to the first visitor's page, which says so.
    """
    everything = Filters()
    try:
        facet_counts(everything)
        known_values()
        codes = filtered_codes(everything)
        for name in _LANDING_PRODUCTS:
            product(name, everything)
        progress_state()
        sample_rows()
        content_translations()
        delivery_context(codes)
        delivery_over_time(codes)
        changes_since_last_summit(everything, limit=1)
        store_query("last_update_per_workstream")
    except (DatabaseUnavailable, StoreUnavailable):
        return


# Progress: read from the user store once per store generation (every committed write is a new
# generation), then the filters select workstreams in memory, as for the strategy.
@dataclass(frozen=True)
class ProgressState:
    current: pd.DataFrame  # the official status now: validated updates only (progress_current)
    proposed: pd.DataFrame  # proposals awaiting validation, newer than the official status (progress_proposed)
    cycles: pd.DataFrame  # every Social Summit cycle (documents and admins)
    last_summit: date | None  # the latest cycle on or before today
    at_cycles: dict[date, dict[str, str]]  # official status at the end of each past cycle
    assessed_at_cycles: dict[date, dict[str, tuple[str, str | None]]]  # (status, confidence) then: what delivery reads


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max)


def _assessed(current: pd.DataFrame) -> dict[str, tuple[str, str | None]]:
    """Workstream code -> (status, confidence) from a progress_current result, as delivery_of reads it."""
    return {
        code: (status, confidence if isinstance(confidence, str) else None)
        for code, status, confidence in values(current, "workstream_code", "status", "confidence")
    }


@st.cache_resource(show_spinner=False, max_entries=2)
def _progress_state(key: DatabaseKey, generation: int, today: date) -> ProgressState:
    all_cycles = workflow.cycles()
    past = [day for day in all_cycles["summit_date"] if day <= today]
    official_at = {
        day: store.run("progress_current", {"at": _end_of(day)}) for day in past if day >= workflow.STRATEGY_SIGNED
    }
    return ProgressState(
        current=store.run("progress_current", {"at": None}),
        proposed=store.run("progress_proposed"),
        cycles=all_cycles,
        last_summit=max(past) if past else None,
        at_cycles={day: aggregates.status_of(frame) for day, frame in official_at.items()},
        assessed_at_cycles={day: _assessed(frame) for day, frame in official_at.items()},
    )


def progress_state() -> ProgressState:
    """The progress of every workstream as derived from the store now (shared, do not mutate)."""
    return _progress_state(database_key(), store.generation(), date.today())


@st.cache_resource(show_spinner=False, max_entries=2)
def _sample_rows(generation: int) -> int:
    counts = store.run("sample_counts").iloc[0]
    return int(counts["sample_updates"] + counts["sample_decisions"])


def sample_rows() -> int:
    """How many generated sample rows the store holds (0: everything shown is entered by people)."""
    return _sample_rows(store.generation())  # asked on every page run: a number, not a frame to unpickle


def progress_groups(dimension: str, codes: list[str]) -> dict[str, list[str]]:
    """The passing workstreams grouped by objective, steering member, priority type or theme (ids as keys)."""
    return facet_index().groups(dimension, codes, option_labels("member"), option_labels("theme"))


@st.cache_resource(show_spinner=False, max_entries=2)
def _changes(generation: int, since: datetime) -> pd.DataFrame:
    return store.run("changes_since", {"since": since})


@st.cache_resource(show_spinner=False, max_entries=128)
def _changes_of(
    generation: int, since: datetime, codes: tuple[str, ...], limit: int, proposals: bool
) -> tuple[int, pd.DataFrame]:
    changes = _changes(generation, since)
    validated = (changes["decision"] == "validated") & (changes["decided_at"] > since)
    counted = validated | changes["decision"].isna() if proposals else validated
    passing = changes[counted & changes["workstream_code"].isin(codes)]
    return len(passing), passing.head(limit)


def changes_since_last_summit(filters: Filters, limit: int = 500, proposals: bool = False) -> tuple[int, pd.DataFrame]:
    """The updates validated since the last Summit for the passing workstreams: how many, and the newest `limit`;
    with `proposals`, also the proposals made since and awaiting validation (decision missing).

    Read once per store generation for all workstreams; the filters select rows in memory (do not mutate).
    """
    since = _end_of(progress_state().last_summit or workflow.STRATEGY_SIGNED)
    return _changes_of(store.generation(), since, tuple(filtered_codes(filters)), limit, proposals)


def validated_since(day: date | None) -> int:
    """How many updates (of any workstream) the secretariat validated after `day` (None: since the strategy)."""
    since = _end_of(day or workflow.STRATEGY_SIGNED)
    changes = _changes(store.generation(), since)
    return int(((changes["decision"] == "validated") & (changes["decided_at"] > since)).sum())


def group_names(dimension: str) -> dict[str, str]:
    """Display names of the groups of progress_groups (priority types are translated by the page)."""
    if dimension == "objective":
        objectives = query("objectives_list")
        return {code: f"{code} {title}" for code, title in zip(objectives["code"], objectives["title"], strict=True)}
    if dimension in ("member", "theme"):
        return option_labels(dimension)
    return {}


@functools.lru_cache(maxsize=2)  # asked on every run of a page with a history: a stat, not a YAML read
def _full_names(path: str, identity: tuple[int, int]) -> dict[str, str]:
    return accounts.full_names(Path(path))


def full_names() -> dict[str, str]:
    """{account name: full name} of the accounts that exist now, read once per version of the accounts file
    (accounts live in their own file, not in the store; do not mutate)."""
    path = users_path()
    return _full_names(str(path), db.file_identity(path))


@st.cache_data(show_spinner=False, max_entries=64)
def _store_query(generation: int, name: str, params: tuple[tuple[str, object], ...] = ()) -> pd.DataFrame:
    return store.run(name, dict(params))


def store_query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/store/<name>.sql, read once per store generation."""
    return _store_query(store.generation(), name, tuple(sorted(params.items())))


@st.cache_data(show_spinner=False, max_entries=64)
def _reportable(key: DatabaseKey, member_id: str | None, is_admin: bool) -> list[str]:
    from monitor.storage.accounts import User

    return workflow.editable_workstreams(User("-", "-", "admin" if is_admin else "editor", member_id))


def reportable_workstreams(user) -> list[str]:
    """The workstreams `user` may report on (empty for nobody)."""
    return _reportable(database_key(), user.member_id, user.is_admin) if user else []


def cycles() -> pd.DataFrame:
    return progress_state().cycles


# --- Indicators and targets (indicators issue) ---------------------------------------------------------------
# The document's key figures (strategy database) with the values entered since (user store), read once per
# database file and store generation; directions, target checks and objective links are derived from them.
@st.cache_resource(show_spinner=False, max_entries=4)
def _indicator_values(key: DatabaseKey, generation: int) -> pd.DataFrame:
    return analysis.values_in_force(query("indicator_values_all"), store.run("indicator_revisions"))


def indicator_values() -> pd.DataFrame:
    """One row per indicator × year in force (see monitor.indicators.analysis.values_in_force); do not mutate."""
    return _indicator_values(database_key(), store.generation())


def indicator_series(indicator_id: str) -> dict[int, float | None]:
    return analysis.series_of(indicator_values(), indicator_id)


@st.cache_resource(show_spinner=False, max_entries=4)
def _indicator_readings(key: DatabaseKey, generation: int) -> pd.DataFrame:
    return analysis.indicator_readings(query("indicators_list"), indicator_values())


def indicator_readings() -> pd.DataFrame:
    """One row per indicator (indicators_list) with its direction between the last two values; do not mutate."""
    return _indicator_readings(database_key(), store.generation())


def objective_indicator_directions() -> dict[str, list[tuple[str, str]]]:
    """Objective code -> [(indicator_id, direction state)] of its editorially linked indicators."""
    return analysis.objective_directions(query("indicator_objective_links"), indicator_readings())


def objective_key_indicator(objective_code: str) -> dict | None:
    """The objective's key indicator (see monitor.indicators.analysis.key_indicator); None if it has none."""
    linked = query("indicators_of_objective", code=objective_code)["indicator_id"].tolist()
    return analysis.key_indicator(linked, indicator_readings())


@st.cache_resource(show_spinner=False, max_entries=4)
def _target_checks(key: DatabaseKey, generation: int) -> pd.DataFrame:
    return analysis.target_checks(query("targets_all"), query("indicators_list"), indicator_values())


def target_checks() -> dict[int, analysis.TargetCheck]:
    """Target id -> its check against the indicator that measures it (measurable targets only)."""
    frame = _target_checks(database_key(), store.generation())
    return dict(zip(frame["target_id"], frame["check"], strict=True))


def indicator_decimals() -> dict[str, int]:
    """Indicator id -> the decimals the document prints, so the app shows 15,0 % as 15,0 and not 15."""
    values = query("indicator_values_all")
    return {i: analysis.printed_decimals(rows["value_printed"]) for i, rows in values.groupby("indicator_id")}


def indicator_history(indicator_id: str) -> pd.DataFrame:
    """Every value recorded in the store for one indicator (oldest first), with its import and author."""
    revisions = store_query("indicator_revisions")
    return revisions[revisions["indicator_id"] == indicator_id].reset_index(drop=True)


def _delivery_inputs() -> dict[str, tuple[str, str | None]]:
    return _assessed(progress_state().current)


def objective_delivery(code: str, codes: list[str]) -> tuple[str, int, int, int]:
    """Objective `code`'s delivery from workstreams `codes` (see monitor.indicators.analysis.delivery_of)."""
    return analysis.delivery_of(codes, _delivery_inputs())


@st.cache_resource(show_spinner=False, max_entries=128)
def _delivery_context(key: DatabaseKey, generation: int, codes: tuple[str, ...]) -> pd.DataFrame:
    objectives = query("objectives_list")
    titles = dict(zip(objectives["code"], objectives["title"], strict=True))
    by_objective = progress_groups("objective", list(codes))
    return analysis.delivery_context(titles, by_objective, _delivery_inputs(), objective_indicator_directions())


def delivery_context(codes: list[str]) -> pd.DataFrame:
    """One row per objective with a passing workstream: its delivery and the context of its linked indicators
    (see monitor.indicators.analysis.delivery_context); computed once per set of codes and store generation (the
    landing page and the Indicators page ask for it on every run)."""
    return _delivery_context(database_key(), store.generation(), tuple(codes)).copy()


@st.cache_resource(show_spinner=False, max_entries=64)
def _delivery_over_time(key: DatabaseKey, generation: int, today: date, codes: tuple[str, ...]) -> pd.DataFrame:
    state = progress_state()
    at_moments = aggregates.moments(state.assessed_at_cycles, _delivery_inputs(), today)
    return analysis.delivery_over_time(progress_groups("objective", list(codes)), at_moments)


def delivery_over_time(codes: list[str]) -> pd.DataFrame:
    """Each objective with a passing workstream, its delivery (the landing page's definition) at the end of each
    past Summit cycle and now (today's date): see monitor.indicators.analysis.delivery_over_time."""
    return _delivery_over_time(database_key(), store.generation(), date.today(), tuple(codes)).copy()


# --- Languages: content translations (French and English titles entered by an admin, with their source) ---


@functools.lru_cache(maxsize=2)  # asked for each title shown: a Streamlit cache call per ask cost ~0.5 ms
def _content_translations(generation: int) -> dict[tuple[str, str, str], str]:
    return translations.current()


def content_translations() -> dict[tuple[str, str, str], str]:
    """{(kind, code, language): text} in force now, read once per store generation (do not mutate)."""
    return _content_translations(store.generation())


def content_title(kind: str, code: object, dutch_text: object, language: str) -> tuple[str, bool]:
    """The title to show and whether it is the Dutch original.

    The entered translation in `language` when there is one; else the Dutch text as published, marked
    "[NL] …" when the interface is not Dutch. Never a machine translation.
    """
    return translations.choose_title(content_translations(), kind, code, dutch_text, language)


def content_titles(
    kind: str, codes: Sequence[object], dutch_texts: Sequence[object], language: str
) -> tuple[list[str], bool]:
    """content_title for a column: the titles, and whether any Dutch original was marked."""
    entered = content_translations()  # once for the column, not per row
    pairs = [translations.choose_title(entered, kind, c, d, language) for c, d in zip(codes, dutch_texts, strict=True)]
    return [text for text, _original in pairs], language != "nl" and any(original for _text, original in pairs)


def document_titles() -> dict[str, str]:
    """File name in data/documents -> the document's own title (checked against its text by the build)."""
    documents = query("documents")
    return dict(zip(documents["document"], documents["title"], strict=True))
