"""Journeys (a) and (b) of issue 22, in Chromium on a served app whose store holds validated progress:
(a) a cabinet opens the app and sees its own workstreams' statuses within two actions of the landing page;
(b) Brupartners, in French, choose the employment and training domain, see how its objectives stand, export them.
Each journey counts its actions (a click or a choice, as a user makes them) and says how many it took."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from monitor import cache
from monitor.core.paths import DB_PATH_ENV, STORE_PATH_ENV
from monitor.explore.filters import Filters
from monitor.explore.looks import DELIVERY_LOOK, STATUS_LOOK
from monitor.i18n import translate
from monitor.indicators import analysis
from monitor.progress import workflow
from monitor.storage import store
from tests.browser import choose, go, shows, streamlit_server, wait_until_ready
from tests.people import EDITOR_MEMBER, add_people
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture

SUMMIT = date(2026, 6, 11)
CABINET = Filters(member=(EDITOR_MEMBER,), role=("initiating", "steering"))
EMPLOYMENT = "employment"


def _validate(people, editor: str, code: str, status: str, confidence: str | None = None) -> None:
    reason = "budget" if status == "stalled" else None
    proposal = workflow.Proposal(code, status, date.today(), "Stand van zaken.", confidence, reason)
    workflow.decide(people["admin"], workflow.propose(people[editor], proposal, 0), "validated", SUMMIT)


@pytest.fixture(scope="module")
def validated(built_db, tmp_path_factory):
    """A store where the secretariat validated three of the Minister-President's workstreams and two of the
    employment minister's; the served app reads it. Yields (base URL, {code: (status, confidence)})."""
    served = tmp_path_factory.mktemp("journeys")
    people = add_people(served / "users.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(STORE_PATH_ENV, str(served / "store.duckdb"))
        patch.setenv(DB_PATH_ENV, str(built_db))
        statuses = {}
        mine = workflow.editable_workstreams(people["editor"])
        employment = set(cache.filtered_codes(Filters(theme=(EMPLOYMENT,))))  # Brupartners' domain in journey (b)
        theirs = [c for c in workflow.editable_workstreams(people["other"]) if c not in mine and c in employment]
        for editor, code, status, confidence in (
            ("editor", mine[0], "in_progress", "green"),
            ("editor", mine[1], "stalled", "red"),
            ("editor", mine[2], "delivered", None),
            ("other", theirs[0], "in_progress", "amber"),
            ("other", theirs[1], "delivered", None),
        ):
            _validate(people, editor, code, status, confidence)
            statuses[code] = (status, confidence)
        store.close_all()  # the server opens the store read-write: this process lets go of it
        with streamlit_server(built_db, served) as base:
            yield base, statuses


def _csv(download) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(download.value.path().read_text(encoding="utf-8-sig")), dtype=str).fillna("")


def test_a_cabinet_sees_its_own_workstreams_statuses_within_two_actions(chromium, app_db, validated):  # noqa: F811
    base, statuses = validated
    page = chromium.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(base)
    wait_until_ready(page)
    actions = 0
    choose(page, "My portfolio", "Minister-President, bevoegd voor")  # 1: the sidebar preset, on the landing page
    actions += 1
    shows(page, page.get_by_role("heading", name="Portfolio: [NL] Minister-President", exact=False))
    answers_for = cache.filtered_codes(CABINET)
    line = page.get_by_text(f"Where its {len(answers_for)} workstreams stand (official status)")
    shows(page, line)
    assert line.bounding_box()["y"] < 768  # on the first screen
    summary = page.get_by_test_id("stMain").inner_text()
    for status in ("in_progress", "stalled", "delivered"):
        label = translate(f"status.{status}", "en")
        assert f"{STATUS_LOOK[status].icon} {label}: 1" in summary, label
    assert "Stalled (1 workstream)" in summary  # what needs attention, a link away
    assert actions <= 2
    page.screenshot(path=str(ARTIFACTS / "journey-a-cabinet-1366.png"))
    with page.expect_download() as download:  # the statuses per row, as the grid shows them
        page.get_by_test_id("stMain").get_by_role("button", name="Download CSV").first.click()
    rows = _csv(download)
    steered = rows[rows["Role"] == "Steering"].set_index("Code")["Where it stands"]
    for code, (status, _confidence) in statuses.items():
        if code in steered.index:
            assert steered[code] == f"{STATUS_LOOK[status].icon} {translate(f'status.{status}', 'en')}"
    assert (steered.str.endswith("Not yet assessed")).sum() == len(steered) - len(set(steered.index) & set(statuses))
    page.close()
    print(f"journey (a): {actions} action(s) from the landing page to the cabinet's statuses")


def test_brupartners_in_french_see_the_employment_domain_and_export_it(chromium, app_db, validated):  # noqa: F811
    base, statuses = validated
    page = chromium.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(f"{base}/?lang=fr")
    wait_until_ready(page)
    actions = 0
    go(page, "Partenaires et thèmes")  # 1
    actions += 1
    choose(page, "Domaine politique (Sommet social 2026)", "TEWERKSTELLING")  # 2
    actions += 1
    heading = page.get_by_role("heading", name="Où en est-on, par domaine politique du Sommet social 2026")
    shows(page, heading)
    codes = cache.filtered_codes(Filters(theme=(EMPLOYMENT,)))
    summary = page.get_by_text(f"{len(codes)} chantiers correspondent aux filtres")
    shows(page, summary)
    assert summary.bounding_box()["y"] < 2 * 768  # the chart and its words within the second screen
    shared = page.get_by_text("objectifs partagés avec les partenaires sociaux", exact=False).first
    shows(page, shared)
    page.screenshot(path=str(ARTIFACTS / "journey-b-brupartners-fr-1366.png"))
    with page.expect_download() as download:  # 3: the domain's objectives with how they stand
        page.get_by_test_id("stMain").get_by_role("button", name="Télécharger CSV").nth(1).click()
    actions += 1
    themes = _csv(download)
    assert set(themes["Domaine politique"]) == {"TEWERKSTELLING"}  # as published: no screen mark in a cell
    assert set(themes["Domaine politique (langue)"]) == {"nl"}
    objectives = set(cache.themes(Filters(theme=(EMPLOYMENT,))).query("domain_id == @EMPLOYMENT")["objective_code"])
    assert set(themes["Code"]) == objectives
    by_objective = cache.progress_groups("objective", codes)  # the domain's workstreams, as the page groups them
    for code, shown in zip(themes["Code"], themes["Mise en œuvre"], strict=True):
        state = analysis.delivery_of(by_objective[code], statuses)[0]  # the landing page's one definition
        assert shown == f"{DELIVERY_LOOK[state].icon} {translate(f'delivery.{state}', 'fr')}", code
    assert any(shown.endswith("En bonne voie") for shown in themes["Mise en œuvre"])  # the validated ones count
    page.close()
    print(f"journey (b): {actions} actions, landing page to the domain's status and its export")
