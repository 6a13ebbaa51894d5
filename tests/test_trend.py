"""The trend on Progress: the status at each Summit cycle placed by date, and each objective's delivery across the
cycles (the Overview's one definition, applied to what was validated then). Pure functions, charts, and the page."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from monitor import cache
from monitor.core.formats import format_date
from monitor.explore import charts
from monitor.explore.looks import DELIVERY_LOOK
from monitor.indicators import analysis
from monitor.progress import aggregates, workflow
from monitor.storage import store
from tests.rendered import changed_by_plotly, open_page, plotly_figures

SIGNED, SUMMIT = workflow.STRATEGY_SIGNED, date(2026, 6, 11)


def test_moments_are_the_past_cycles_by_date_then_now():
    at_cycles = {date(2026, 6, 11): "june", date(2020, 1, 16): "signed"}
    assert aggregates.moments(at_cycles, "now", date(2026, 12, 3)) == {
        date(2020, 1, 16): "signed",
        date(2026, 6, 11): "june",
        date(2026, 12, 3): "now",
    }
    assert list(aggregates.moments(at_cycles, "now", date(2026, 12, 3))) == sorted(
        [date(2020, 1, 16), date(2026, 6, 11), date(2026, 12, 3)]
    )
    # On a Summit day, the end-of-day status is what is known now: one point, now's.
    assert aggregates.moments(at_cycles, "now", date(2026, 6, 11)) == {date(2020, 1, 16): "signed", SUMMIT: "now"}


def test_delivery_over_time_is_delivery_of_at_each_moment():
    by_objective = {"1.1": ["1.1.1", "1.1.2"], "1.2": ["1.2.1"]}
    at_moments = {
        SIGNED: {},
        SUMMIT: {"1.1.1": ("in_progress", "green"), "1.2.1": ("stalled", None)},
        date(2026, 12, 3): {
            "1.1.1": ("in_progress", "red"),
            "1.1.2": ("delivered", None),
            "1.2.1": ("delivered", None),
        },
    }
    frame = analysis.delivery_over_time(by_objective, at_moments)
    assert len(frame) == 6 and frame["objective_code"].tolist() == ["1.1"] * 3 + ["1.2"] * 3
    got = {
        (r.objective_code, r.moment): (r.delivery, r.on_track, r.off_track, r.not_assessed) for r in frame.itertuples()
    }
    assert got[("1.1", SIGNED)] == ("not_assessed", 0, 0, 2)
    assert got[("1.1", SUMMIT)] == ("on_track", 1, 0, 1)
    assert got[("1.1", date(2026, 12, 3))] == ("off_track", 1, 1, 0)  # red counts off track; half is not more
    assert got[("1.2", SUMMIT)] == ("off_track", 0, 1, 0)
    for (objective, moment), value in got.items():  # one definition: delivery_of on what was known then
        assert value == analysis.delivery_of(by_objective[objective], at_moments[moment])


def _timeline(today: date) -> dict:
    statuses = {SIGNED: {}, SUMMIT: {"a": "in_progress"}, today: {"a": "delivered", "b": "stalled"}}
    frame = aggregates.timeline(["a", "b", "c"], statuses)
    return charts.status_timeline(frame, str, lambda d: (d.isoformat(), "Sociale Top: a long label " * 3), "n")


def test_status_timeline_places_each_moment_at_its_date():
    figure = _timeline(date(2026, 12, 3))
    assert figure["layout"]["yaxis"]["type"] == "date"
    assert {tuple(trace["y"]) for trace in figure["data"]} == {("2020-01-16", "2026-06-11", "2026-12-03")}
    assert figure["layout"]["yaxis"]["tickvals"] == ["2020-01-16", "2026-06-11", "2026-12-03"]
    assert figure["layout"]["yaxis"]["ticktext"][0].startswith("2020-01-16 · Sociale Top")
    widths = figure["data"][0]["width"]
    assert widths[0] <= 0.6 * (date(2026, 12, 3) - SUMMIT).days * charts.DAY_MS  # close bars never overlap
    by_name = {trace["name"]: trace["x"] for trace in figure["data"]}
    assert by_name["● delivered"] == [0, 0, 1] and by_name["? not_assessed"] == [3, 2, 1]
    assert changed_by_plotly(figure) == []


def test_delivery_chart_cells_say_the_state_and_the_count():
    frame = analysis.delivery_over_time(
        {"1.1": ["1.1.1", "1.1.2"]}, {SIGNED: {}, SUMMIT: {"1.1.1": ("delivered", None), "1.1.2": ("stalled", None)}}
    )
    figure = charts.delivery_over_time(frame, str, date.isoformat, str)
    (trace,) = figure["data"]
    assert trace["x"] == ["2020-01-16", "2026-06-11"] and trace["y"] == ["1.1"]
    assert trace["text"] == [["? 0/0", "✗ 1/2"]]  # one of two assessed on track is not more than half
    colours = dict((round(stop * 3), colour) for stop, colour in trace["colorscale"][::2])
    assert [colours[z] for z in trace["z"][0]] == [
        DELIVERY_LOOK["not_assessed"].colour,
        DELIVERY_LOOK["off_track"].colour,
    ]
    assert changed_by_plotly(figure) == []


def _validated_at(update_id: int, day: date) -> None:
    """The secretariat's validation of `update_id` as decided at the end of Summit `day` (what the store holds after
    that Summit; the app decides 'now', so a test of past cycles writes the decision with its moment, through the
    statement the sample generator uses, which also marks it as sample: the page then shows its sample banner)."""
    decision = {
        "update_id": update_id,
        "decision": "validated",
        "comment": None,
        "cycle_date": day,
        "decided_at": datetime.combine(day, time(12)),
        "actor": "secretariat",
    }
    with store.transaction("secretariat", "decide_update", {"update_id": update_id, "cycle": day}) as cursor:
        store.execute(cursor, "insert_sample_decision", decision)


def _propose(admin, code: str, status: str, confidence: str | None = None) -> int:
    stall_reason = workflow.STALL_REASONS[0] if status == "stalled" else None
    proposal = workflow.Proposal(code, status, SIGNED, f"Test: {status}.", confidence, stall_reason)
    return workflow.propose(admin, proposal, workflow.version_of(code))


def _figures(app) -> tuple[dict, dict]:
    figures = {figure["layout"].get("yaxis", {}).get("type"): figure for figure in plotly_figures(app)}
    return figures["date"], next(f for f in plotly_figures(app) if f["data"][0]["type"] == "heatmap")


def _delivery_cells(heatmap: dict) -> dict[str, list[str]]:
    trace = heatmap["data"][0]
    return {label.split(" ")[0]: row for label, row in zip(trace["y"], trace["text"], strict=True)}


def _counts(timeline: dict, status_icon: str) -> list[int]:
    return next(trace["x"] for trace in timeline["data"] if trace["name"].startswith(status_icon))


@pytest.mark.parametrize("proposals", [False, True], ids=["no progress", "proposals only"])
def test_trend_without_validated_progress(people, proposals):
    if proposals:  # proposals never count: the trend is the same as with no progress at all
        for code in workflow.editable_workstreams(people["editor"])[:3]:
            _propose(people["editor"], code, "delivered")
    today = date.today()
    app = open_page("pages/progress/progress.py")
    assert not app.exception
    timeline, heatmap = _figures(app)
    cycles = [day for day in cache.cycles()["summit_date"] if SIGNED <= day <= today]
    expected = [day.isoformat() for day in sorted({*cycles, today})]
    assert timeline["data"][0]["y"] == expected  # dates, in order, the last one today
    assert len(timeline["data"]) == 1 and timeline["data"][0]["x"] == [100] * len(expected)  # all not assessed
    ticks = timeline["layout"]["yaxis"]["ticktext"]
    assert ticks[-1] == f"Now ({format_date(today, 'en')})"
    labels = dict(zip(cache.cycles()["summit_date"], cache.cycles()["label"], strict=True))
    assert (
        ticks[0] == f"{format_date(SIGNED, 'en')} · {charts.short_label(labels[SIGNED], 40)}"
    )  # as the table holds it
    cells = _delivery_cells(heatmap)
    assert len(cells) == 17 and all(row == ["? 0/0"] * len(expected) for row in cells.values())


def test_trend_with_validated_progress_at_two_cycles(people):
    admin, today = people["admin"], date.today()
    assert today > SUMMIT, "this test places validations at the Summit of 11 June 2026, which must be past"
    first, second = cache.query("workstreams_list").query("objective_code == '1.1'")["code"].tolist()[:2]
    other = cache.query("workstreams_list").query("objective_code == '2.1'")["code"].iloc[0]
    _validated_at(_propose(admin, first, "in_progress", "green"), SIGNED)  # 1.1 on track at the signature
    _validated_at(_propose(admin, first, "stalled", "red"), SUMMIT)  # 1.1 off track at the Summit
    _validated_at(_propose(admin, other, "delivered"), SUMMIT)  # 2.1 on track at the Summit
    workflow.decide(admin, _propose(admin, second, "delivered"), "validated", SUMMIT)  # validated today: now only
    _propose(admin, other, "abandoned")  # awaiting validation: counts nowhere

    app = open_page("pages/progress/progress.py")
    assert not app.exception
    timeline, heatmap = _figures(app)
    days = timeline["data"][0]["y"]  # the dates (time runs down the side)
    assert days == sorted(days) and days[0] == SIGNED.isoformat() and days[-1] == today.isoformat()
    at = {day: position for position, day in enumerate(days)}
    assert _counts(timeline, "◐")[at[SIGNED.isoformat()]] == 1
    assert _counts(timeline, "‖")[at[SUMMIT.isoformat()]] == 1 and _counts(timeline, "‖")[-1] == 1
    assert _counts(timeline, "●")[at[SUMMIT.isoformat()]] == 1 and _counts(timeline, "●")[-1] == 2
    assert not any(trace["name"].startswith("✕") for trace in timeline["data"])  # the proposal is not a status

    cells = _delivery_cells(heatmap)
    total = {row: len(cache.query("workstreams_list").query(f"objective_code == '{row}'")) for row in ("1.1", "2.1")}
    assert total["1.1"] >= 2
    assert cells["1.1"][at[SIGNED.isoformat()]] == "✓ 1/1"
    assert cells["1.1"][at[SUMMIT.isoformat()]] == "✗ 0/1"
    assert cells["1.1"][-1] == "✗ 1/2"  # stalled and red, and delivered: one of two is not more than half
    assert cells["2.1"][at[SIGNED.isoformat()]] == "? 0/0" and cells["2.1"][-1] == "✓ 1/1"
    summary = next(c.value for c in app.caption if c.value.startswith("Delivery of the"))
    assert f"Now ({format_date(today, 'en')}): 1 on track, 1 off track, 15 not yet assessed" in summary
