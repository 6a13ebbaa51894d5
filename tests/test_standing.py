"""The landing page says where the strategy stands: with no progress, with proposals only, with validated progress."""

from __future__ import annotations

from datetime import date

from monitor.progress import workflow
from tests.rendered import open_page, rendered_text


def headline(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def strips(app) -> dict[str, str]:
    """Objective code -> its strip of workstream statuses, from the objectives' grid."""
    grid = app.dataframe[0].value
    return dict(zip(grid.iloc[:, 0], grid.iloc[:, 4], strict=True))


def test_with_no_progress_it_says_so_and_what_happens_next(people):
    app = open_page()
    assert not app.exception
    assert headline(app)["Workstreams with a validated status"] == "0 of 100"
    assert headline(app)["Objectives on track"] == headline(app)["Objectives off track"] == "0"
    assert "No progress has been reported yet" in rendered_text(app)
    assert "the secretariat validates it at the Social Summit" in rendered_text(app)
    assert set(strips(app)["1.1"]) == {"?"} and len(strips(app)) == 17


def test_with_proposals_only_nothing_is_official_and_the_proposals_are_counted(people):
    mine = workflow.editable_workstreams(people["editor"])
    for code in mine[:3]:
        workflow.propose(
            people["editor"], workflow.Proposal(code, "stalled", date.today(), "Wacht.", "red", "budget"), 0
        )
    app = open_page()
    assert headline(app)["Workstreams with a validated status"] == "0 of 100"
    assert "Nothing has been validated yet: 3 proposals from the cabinets await validation" in rendered_text(app)
    assert not [e for e in app.expander if e.label.startswith(("Stalled", "Red"))]  # proposals need no attention yet
    assert all(set(strip) == {"?"} for strip in strips(app).values())


def test_with_validated_progress_the_headline_attention_and_strips_follow_it(people):
    mine = workflow.editable_workstreams(people["editor"])
    stalled, delivered = mine[0], mine[1]
    for proposal in (
        workflow.Proposal(stalled, "stalled", date.today(), "Wacht.", "red", "budget"),
        workflow.Proposal(delivered, "delivered", date.today(), "Klaar."),
    ):
        update = workflow.propose(people["editor"], proposal, 0)
        workflow.decide(people["admin"], update, "validated", date(2026, 6, 11))
    app = open_page()
    assert headline(app)["Workstreams with a validated status"] == "2 of 100"
    assert headline(app)["Validated since the last Summit"] == "2"  # decided today, after 11 June 2026
    labels = [expander.label for expander in app.expander]
    assert "Stalled (1 workstream)" in labels and "Red: delivery in doubt (1 workstream)" in labels
    assert any(label.startswith("Not updated since the last Summit (98 workstreams)") for label in labels)
    signs = {stalled: "‖", delivered: "●"}  # one sign per workstream, in strategy order
    for objective in {stalled.rsplit(".", 1)[0], delivered.rsplit(".", 1)[0]}:
        codes = [c for c in workflow.workstream_codes() if c.rsplit(".", 1)[0] == objective]
        assert strips(app)[objective] == "".join(signs.get(code, "?") for code in codes)


def test_the_french_landing_page_speaks_french(people):
    app = open_page(lang="fr")
    assert app.title[0].value == "Où en est Go4Brussels 2030"
    assert "Chantiers avec un statut validé" in headline(app)
