"""Status wherever a workstream or objective appears (issue 22, part 2): the Objectives list and fiche, the
Workstreams list and a workstream (with its dated history), a portfolio, Partners and themes. Official (validated)
status only; a proposal shows only behind the switch, marked. Each view with no progress, with proposals only and
with validated progress."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.core.formats import format_date
from monitor.explore.filters import Filters
from monitor.progress import workflow
from tests.rendered import open_page, plotly_figures, rendered_text

OBJECTIVES, WORKSTREAMS = "pages/explore/objectives.py", "pages/explore/workstreams.py"
MEMBERS, PARTNERS = "pages/explore/members.py", "pages/explore/partners.py"
SUMMIT = date(2026, 6, 11)
TODAY = format_date(date.today(), "en")


@pytest.fixture()
def progress(people):
    """Two of the Minister-President's workstreams validated (stalled in red, delivered) and a third proposed only
    (awaiting validation), and a proposal on the delivered one awaiting validation too."""
    mine = workflow.editable_workstreams(people["editor"])
    stalled, delivered, proposed = mine[0], mine[1], mine[2]
    seen = {}
    for proposal in (
        workflow.Proposal(stalled, "stalled", date.today(), "Wacht op budget.", "red", "budget"),
        workflow.Proposal(delivered, "delivered", date.today(), "Klaar."),
    ):
        seen[proposal.workstream_code] = workflow.propose(people["editor"], proposal, 0)
        workflow.decide(people["admin"], seen[proposal.workstream_code], "validated", SUMMIT)
    workflow.propose(people["editor"], workflow.Proposal(proposed, "in_progress", date.today(), "Bezig.", "green"), 0)
    reopened = workflow.Proposal(delivered, "abandoned", date.today(), "Stop.")
    workflow.propose(people["editor"], reopened, seen[delivered])
    return {"stalled": stalled, "delivered": delivered, "proposed": proposed}


def facts(app) -> dict[str, str]:
    """The labelled values a detail view leads with (a caption, then the value in bold, per column)."""
    found = {}
    for column in app.columns:
        captions, markdowns = column.caption, column.markdown
        if len(captions) == 1 and len(markdowns) == 1 and markdowns[0].value.startswith("**"):
            found[captions[0].value] = markdowns[0].value.strip("*")
    return found


def row_of(frame, code: str, column: str = "Code"):
    return frame[frame[column] == code].iloc[0]


def test_the_workstreams_list_shows_official_status_confidence_and_validation_day(progress):
    app = open_page(WORKSTREAMS)
    rows = app.dataframe[0].value
    stalled = row_of(rows, progress["stalled"])
    assert stalled["Official status (validated)"].endswith("Stalled")
    assert stalled["Delivery confidence"].endswith(" Red")  # short in a grid; in full on the workstream
    assert stalled["Validated on"] == TODAY
    delivered = row_of(rows, progress["delivered"])
    assert delivered["Official status (validated)"].endswith("Delivered")  # its newer proposal is not official
    waiting = row_of(rows, progress["proposed"])
    assert waiting["Official status (validated)"].endswith("Not yet assessed") and waiting["Validated on"] == ""
    assert "Proposed — awaiting validation" not in rows.columns
    assert not any("In progress" in str(value) for value in rows.to_numpy().ravel())


def test_with_the_switch_the_workstreams_list_adds_the_proposals_marked(progress):
    rows = open_page(WORKSTREAMS, proposals="true").dataframe[0].value
    assert row_of(rows, progress["proposed"])["Proposed — awaiting validation"].endswith(
        "In progress (proposed — awaiting validation)"
    )
    assert row_of(rows, progress["proposed"])["Official status (validated)"].endswith("Not yet assessed")
    assert row_of(rows, progress["stalled"])["Proposed — awaiting validation"] == ""


def test_a_workstream_says_where_it_stands_and_its_dated_history(progress):
    app = open_page(WORKSTREAMS, workstream=progress["delivered"])
    shown = facts(app)
    assert shown["Official status (validated)"] == "● Delivered"
    assert shown["Validated on"] == TODAY
    history = app.dataframe[0].value
    assert list(history["Validation"]) == ["Validated"]  # the proposal awaiting validation is left out
    assert history["Status as of"].iloc[0] == TODAY
    assert not any(info.value.startswith("Awaiting validation") for info in app.info)

    switched = open_page(WORKSTREAMS, workstream=progress["delivered"], proposals="true")
    assert any("Abandoned / reoriented (proposed — awaiting validation)" in info.value for info in switched.info)
    history = switched.dataframe[0].value
    assert list(history["Validation"]) == ["Awaiting validation", "Validated"]  # newest first
    assert history["Status"].iloc[0].endswith("(proposed — awaiting validation)")


def test_a_workstream_without_validated_status_says_what_happens_next(progress):
    app = open_page(WORKSTREAMS, workstream=progress["proposed"])
    shown = facts(app)
    assert shown["Official status (validated)"] == "? Not yet assessed" and shown["Validated on"] == "—"
    assert any(c.value.startswith("No validated status yet") for c in app.caption)


def test_the_objectives_list_charts_and_lists_official_status(progress):
    app = open_page(OBJECTIVES)
    (figure,) = plotly_figures(app)
    objective = progress["stalled"].rsplit(".", 1)[0]
    stalled = next(trace for trace in figure["data"] if trace["name"].endswith("Stalled"))
    assert [code for code, n in zip(stalled["customdata"], stalled["x"], strict=True) if n] == [
        [c[0], progress["stalled"], objective] for c in stalled["customdata"] if c[2] == objective
    ]
    assert "In progress" not in " ".join(trace["name"] for trace in figure["data"])  # the proposal is not counted
    rows = app.dataframe[0].value
    assert "‖" in row_of(rows, objective)["Workstreams (status)"]
    assert row_of(rows, objective)["Delivery"].endswith(("On track", "Off track"))
    assert set(row_of(rows, "2.1")["Workstreams (status)"]) == {"?"}


def test_an_objective_fiche_leads_with_where_it_stands(progress):
    objective = progress["stalled"].rsplit(".", 1)[0]
    app = open_page(OBJECTIVES, objective=objective)
    shown, metrics = facts(app), {metric.label: metric.value for metric in app.metric}
    assert shown["Delivery"].endswith(("On track", "Off track"))
    assert "‖" in shown["Workstreams (status)"]
    assert metrics["In 2020, vs Strategy 2025"]  # the 2020 statement, labelled as what it is
    labels = [expander.label for expander in app.expander]
    assert any(label.startswith("‖ Stalled · " + progress["stalled"]) for label in labels)
    other = open_page(OBJECTIVES, objective=progress["proposed"].rsplit(".", 1)[0])
    labels = [expander.label for expander in other.expander]
    assert any(label.startswith("● Delivered · " + progress["delivered"]) for label in labels)  # not its proposal
    assert any(label.startswith("? Not yet assessed · " + progress["proposed"]) for label in labels)


def test_the_portfolio_opens_on_where_the_cabinets_workstreams_stand(progress):
    app = open_page(MEMBERS, member="brussels_minister_president", role="initiating,steering")
    text = rendered_text(app)
    from monitor import cache

    cabinet = Filters(member=("brussels_minister_president",), role=("initiating", "steering"))
    answers_for = cache.filtered_codes(cabinet)
    assert f"Where its {len(answers_for)} workstreams stand (official status)" in text
    assert "Stalled (1 workstream)" in [expander.label for expander in app.expander]
    portfolio = app.dataframe[0].value
    steered = portfolio[(portfolio["Code"] == progress["stalled"]) & (portfolio["Role"] == "Steering")].iloc[0]
    assert steered["Where it stands"].endswith("Stalled") and steered["Validated on"] == TODAY
    initiated = portfolio[portfolio["Role"] == "Initiating"].iloc[0]
    assert initiated["Where it stands"].split(" · ")[0].endswith(("On track", "Off track", "Not yet assessed"))


def test_partners_and_themes_show_status_per_domain_and_only_the_chosen_domain(progress):
    from monitor import cache

    app = open_page(PARTNERS)
    (figure,) = plotly_figures(app)
    domains = cache.progress_groups("theme", cache.filtered_codes(Filters()))
    assert len(figure["data"][0]["y"]) == len(domains) > 1  # every policy domain with an objective
    employment = open_page(PARTNERS, theme="employment")
    (figure,) = plotly_figures(employment)
    assert all(len(trace["y"]) == 1 for trace in figure["data"])  # the chosen domain only, not its neighbours
    themes = employment.table[0].value
    assert set(themes["Policy domain"]) == {themes["Policy domain"].iloc[0]}
    assert "Delivery" in themes.columns


def test_with_no_progress_every_view_says_not_yet_assessed(people):
    rows = open_page(WORKSTREAMS).dataframe[0].value
    assert set(rows["Official status (validated)"]) == {"? Not yet assessed"}
    objectives = open_page(OBJECTIVES).dataframe[0].value
    assert set(objectives["Delivery"]) == {"? Not yet assessed"}
    assert "The 7 objectives shared with the social partners: ✓ On track **0** · ✗ Off track **0**" in rendered_text(
        open_page(PARTNERS)
    )


def test_the_filters_and_status_agree_with_the_landing_definition(progress):
    """The Objectives list's delivery is the landing page's: the same objectives on and off track."""
    from monitor import cache

    codes = cache.filtered_codes(Filters())
    context = cache.delivery_context(codes)
    rows = open_page(OBJECTIVES).dataframe[0].value
    shown = dict(zip(rows["Code"], rows["Delivery"], strict=True))
    for code, state in zip(context["objective_code"], context["delivery"], strict=True):
        assert shown[code].endswith({"on_track": "On track", "off_track": "Off track"}.get(state, "Not yet assessed"))
