"""Cached data access: the only place where Streamlit caching meets the database.

Whole-strategy datasets are read once per database file (the key includes the file's identity, so a
rebuild is a new entry) and the global filters select rows from them in memory: the strategy is small
(100 workstreams) and a filter change then costs no database round trip.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import db
from monitor.filters import FacetIndex, Filters, KnownValues
from monitor.paths import database_path

DatabaseKey = tuple[str, int, int]


def database_key() -> DatabaseKey:
    """Identifies the database file as it is now (path, inode, mtime); opening it builds it if missing."""
    db.connection()
    path = database_path()
    return (str(path), *db.file_identity(path))


@st.cache_data(show_spinner=False, max_entries=512)
def _query(key: DatabaseKey, name: str, params: tuple[tuple[str, object], ...] = ()) -> pd.DataFrame:
    return db.run(name, dict(params))


def query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/<name>.sql with named parameters, cached per database file. Do not mutate."""
    return _query(database_key(), name, tuple(sorted(params.items())))


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(key: DatabaseKey) -> FacetIndex:
    workstreams = db.run("workstream_index").to_dict("records")
    links = db.run("workstream_links").to_dict("records")
    return FacetIndex.from_rows(workstreams, links)


def facet_index() -> FacetIndex:
    return _index(database_key())


def known_values() -> KnownValues:
    options = query("filter_options")
    by_facet = {facet: frozenset(rows["option"]) for facet, rows in options.groupby("facet")}
    return KnownValues(
        pillars=frozenset(int(p) for p in by_facet["pillar"]),
        members=by_facet["member"],
        orgs=by_facet["org"],
        themes=by_facet["theme"],
    )


def option_labels(facet: str) -> dict[str, str]:
    """Display names of a facet's options (as published), in display order."""
    options = query("filter_options")
    rows = options[options["facet"] == facet]
    return dict(zip(rows["option"], rows["label"], strict=True))


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
    matching = workstreams(filters).groupby("objective_code").size().rename("matching_workstreams")
    frame = query("objectives_list").join(matching, on="code", how="inner")
    return frame.reset_index(drop=True)


def member_roles(filters: Filters) -> pd.DataFrame:
    """One row per member × workstream × role, for the passing workstreams."""
    frame = query("member_workstream_roles")
    return frame[frame["workstream_code"].isin(filtered_codes(filters))].reset_index(drop=True)


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
