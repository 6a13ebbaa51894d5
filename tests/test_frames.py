"""monitor.frames reads rows as pandas does, only faster: same values, same order, same names."""

from __future__ import annotations

import math

import pandas as pd

from monitor import cache
from monitor.core.frames import dicts, records, rows_in, values


def _same(left: tuple, right: tuple) -> bool:
    return all(a == b or (a != a and b != b) for a, b in zip(left, right, strict=True))  # NaN equals NaN here


def test_records_are_itertuples_on_real_query_results(app_db):
    for name in ("member_workstream_roles", "objectives_list", "organisation_objective_roles"):
        frame = cache.query(name)
        expected = list(frame.itertuples(index=False))
        found = list(records(frame))
        assert len(found) == len(expected) > 0, name
        assert all(_same(a, b) for a, b in zip(found, expected, strict=True)), name
        assert found[0]._fields == expected[0]._fields, name


def test_records_of_some_columns_are_itertuples_of_those_columns(app_db):
    frame = cache.query("member_workstream_roles")
    expected = list(frame[["role", "member_id"]].itertuples(index=False))
    found = list(records(frame, "role", "member_id"))
    assert found == expected and found[0]._fields == ("role", "member_id")


def test_values_keep_missing_values_and_the_column_order():
    frame = pd.DataFrame({"code": ["1.1", "1.2", None], "n": [3, 1, 2], "share": [0.5, math.nan, 1.0]})
    found = list(values(frame, "n", "code"))
    assert found[:2] == [(3, "1.1"), (1, "1.2")]
    assert found[2][0] == 2 and found[2][1] != found[2][1]  # a missing text stays missing (NaN), not "None"
    assert list(values(frame.iloc[:0], "code")) == []


def test_dicts_are_to_dict_records(app_db):
    frame = cache.query("objective_themes_list")
    assert dicts(frame) == frame.to_dict("records") and len(frame) > 0


def test_rows_in_are_a_boolean_mask_s_rows_in_order(app_db):
    frame = cache.query("member_workstream_roles")
    kept = {"2.1.1", "1.4.3", "9.9.9"}
    expected = frame[frame["workstream_code"].isin(kept)].reset_index(drop=True)
    pd.testing.assert_frame_equal(rows_in(frame, "workstream_code", kept), expected)
    some = rows_in(frame, "workstream_code", kept, ["role", "member_id"])
    pd.testing.assert_frame_equal(some, expected[["role", "member_id"]])
    assert len(expected) > 0 and rows_in(frame, "workstream_code", set()).empty
