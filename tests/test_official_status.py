"""Journey (c), issue 22: a proposal awaiting validation is official status nowhere — no page, no export, no
frozen deck. The secretariat validated "in progress" for workstream X; the cabinet then proposes "abandoned" for
X and "delivered" for Y (no validated status). The checks are in tests/official_status.py, the views in its
VIEWS list: every view is swept in AppTest (every element, table and chart), in Chromium the cabinet proposes
through Report progress, every CSV and XLSX export of the views is read, and a deck frozen after the proposals
is played and read slide by slide."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from monitor import cache
from monitor.core.paths import STORE_PATH_ENV
from monitor.deck import parts, slide_html, slides
from monitor.storage import db, store
from tests.browser import choose, go, shows, sign_in, streamlit_server, wait_until_ready
from tests.official_status import (
    EXPORT_LOG,
    NARRATIVE,
    NEVER_OFFICIAL,
    PROPOSED,
    PROPOSED_TEXTS,
    VALIDATED,
    VARIANTS,
    VIEWS,
    X_OBJECTIVE,
    Findings,
    View,
    X,
    check_figure,
    check_frame,
    check_texts,
    official,
    propose_for_x_and_y,
    status_label,
    t,
    validate_x,
)
from tests.people import add_people
from tests.rendered import open_page, plotly_figures, rendered_texts
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

FRAMES = ("dataframe", "table", "arrow_data_frame")


@pytest.fixture(scope="module")
def workstreams_of(built_db) -> dict[str, list[str]]:
    """Objective code -> its workstream codes in strategy order."""
    rows = db.run("workstreams_list", path=built_db)
    grouped: dict[str, list[str]] = {}
    for code, objective in zip(rows["code"], rows["objective_code"], strict=True):
        grouped.setdefault(objective, []).append(code)
    return grouped


def sweep_findings(view: View, proposals: bool) -> Findings:
    return Findings(f"{view.name}{' (switch on)' if proposals else ''}", proposals or view.own_proposals)


def assert_official_only(findings: Findings, view: View, proposals: bool) -> None:
    assert findings.problems == [], "\n".join(findings.problems)
    if view.shows_status:
        assert findings.confirmed, f"{findings.where}: no official status seen"
    if proposals and view.switch:  # the switch shows the proposals, marked
        shown = view.switch_shows or tuple(PROPOSED_TEXTS)
        assert {PROPOSED_TEXTS[code] for code in shown} <= set(findings.proposals_seen), findings.proposals_seen


# --- Every view, every element (AppTest) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("view", "proposals"),
    [pytest.param(view, on, id=f"{view.name}{' + proposals' if on else ''}") for view, on in VARIANTS],
)
def test_every_view_shows_the_official_status_only(people, workstreams_of, view, proposals):
    validate_x(people["editor"], people["admin"])
    propose_for_x_and_y(people["editor"])  # the write path of Report progress (the browser journey clicks it)
    query = dict(view.query) | ({"proposals": "true"} if proposals else {})
    app = open_page(view.page, view.user, **query)
    assert not app.exception, app.exception
    findings = sweep_findings(view, proposals)
    for node in app._tree:
        if getattr(node, "type", None) in FRAMES:
            check_frame(node.value, findings, workstreams_of)
    for figure in plotly_figures(app):
        check_figure(figure, findings)
    check_texts(rendered_texts(app), findings, view.expected)
    assert_official_only(findings, view, proposals)


# --- The journey in Chromium: propose through Report progress, read every export, freeze and play the deck --------


def read_export(path: Path, name: str) -> pd.DataFrame:
    """A downloaded CSV or XLSX as text cells (codes such as 1.2 stay codes, not numbers)."""
    if name.endswith(".csv"):
        return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return pd.read_excel(path, dtype=str, keep_default_na=False)


def check_downloads(page, findings: Findings, workstreams_of: dict[str, list[str]]) -> set[str]:
    """Press every CSV and XLSX button of the page, check each file's rows; the names of the files."""
    names = set()
    for label in (t("export.csv"), t("export.xlsx")):
        buttons = page.get_by_test_id("stMain").get_by_role("button", name=label, exact=True)
        for position in range(buttons.count()):
            with page.expect_download(timeout=60_000) as download:
                buttons.nth(position).click()
            name = download.value.suggested_filename
            names.add(name.rsplit(".", 1)[0])
            frame = read_export(Path(download.value.path()), name)
            if name.startswith(EXPORT_LOG):  # the log as stored: a proposal is a row without a decision
                waiting = frame[frame["decision"] == ""]
                assert dict(zip(waiting["workstream_code"], waiting["status"], strict=True)) == PROPOSED, name
                continue
            check_frame(frame, findings, workstreams_of)
    return names


def unbold(markdown: str) -> str:
    """A catalogue sentence as the browser shows it (its Markdown bold drawn, not written)."""
    return markdown.replace("**", "")


def page_lines(page) -> list[str]:
    return page.get_by_test_id("stMain").inner_text().splitlines()


def propose(page, code: str, status: str) -> None:
    """The cabinet proposes `status` for `code` on Report progress (the form as a cabinet fills it)."""
    main = page.get_by_test_id("stMainBlockContainer")
    choose(page, t("report.workstream"), code, where=main)
    choose(page, t("column.status"), status_label(status), where=main)
    main.get_by_role("textbox", name=t("column.narrative"), exact=True).fill(NARRATIVE[code])
    main.get_by_role("button", name=t("report.submit")).click()
    shows(page, page.get_by_text(t("report.saved")))
    wait_until_ready(page)


def frozen_slide_counts(page, base: str, snapshot: int, objective: str) -> dict[str, str]:
    """Play the frozen deck at `objective`'s slide: its count of workstreams per status, as projected."""
    codes = cache.query("objectives_list")["code"].tolist()
    number = slides.default_items(codes, has_progress=True).index(f"objective/{objective}") + 1
    page.goto(f"{base}/present?snapshot={snapshot}&slide={number}&lang=en")
    slide = page.locator(f'section.g4b-slide[data-slide="objective/{objective}"]')
    shows(page, slide)
    rows = slide.locator("[data-status]")
    return {
        rows.nth(i).get_attribute("data-status"): rows.nth(i).locator(".count").inner_text()
        for i in range(rows.count())
    }


@pytest.mark.browser
def test_the_journey_proposals_are_official_nowhere(chromium, app_db, workstreams_of, tmp_path, monkeypatch):  # noqa: F811
    served = tmp_path / "served"  # the server's store and accounts live here
    served.mkdir()
    people = add_people(served / "users.yaml")
    monkeypatch.setenv(STORE_PATH_ENV, str(served / "store.duckdb"))
    validate_x(people["editor"], people["admin"])  # the secretariat's decision, before the cabinet proposes
    store.close_all()  # the server opens the store read-write: this process lets go of it

    with streamlit_server(app_db, served) as base:
        page = chromium.new_page(viewport={"width": 1366, "height": 2400}, accept_downloads=True)
        page.goto(f"{base}/account?lang=en")
        wait_until_ready(page)
        sign_in(page, "cabinet")
        go(page, t("nav.report"))
        for code in sorted(PROPOSED, reverse=True):  # Y, then X: the page then shows X
            propose(page, code, PROPOSED[code])
        lines = page_lines(page)  # X's official status (report.expected), and the cabinet's proposal, marked
        proposal = t("report.proposed", status=status_label(PROPOSED[X]), when="\x00", who="").split("\x00")[0]
        assert any(line.startswith(unbold(proposal)) for line in lines), lines
        report = next(view for view in VIEWS if view.user == "cabinet")
        findings = sweep_findings(report, proposals=False)
        check_texts(lines, findings, tuple(map(unbold, report.expected)))
        assert set(report.exports) <= check_downloads(page, findings, workstreams_of)
        assert_official_only(findings, report, proposals=False)

        for view, proposals in VARIANTS:
            if view.user or view.exports is None:
                continue
            page.goto(base + view.address(proposals))
            shows(page, page.get_by_test_id("stMain").get_by_role("button", name=t("export.csv")).first)
            wait_until_ready(page)
            findings = sweep_findings(view, proposals)
            exported = check_downloads(page, findings, workstreams_of)
            check_texts(page_lines(page), findings, tuple(map(unbold, view.expected)))
            assert set(view.exports) <= exported, f"{view.name}: {exported}"
            assert_official_only(findings, view, proposals)

        page.context.clear_cookies()  # the cabinet's lasting sign-in ends with its cookie
        page.goto(f"{base}/account?lang=en")  # a new session: signed out
        wait_until_ready(page)
        sign_in(page, "secretariat")
        go(page, t("nav.presentations"))
        page.get_by_role("button", name=t("presentations.freeze")).click()
        frozen = re.escape(t("presentations.frozen", id="\x00")).replace("\x00", r"(\d+)")
        shows(page, page.get_by_text(re.compile(frozen)))
        snapshot = int(re.search(frozen, page.get_by_test_id("stMain").inner_text()).group(1))
        counts = frozen_slide_counts(page, base, snapshot, X_OBJECTIVE)
        assert counts[official(X)] == "1" and all(counts[s] == "0" for s in NEVER_OFFICIAL), counts
        page.close()

    # After the server: the proposals the cabinet made are stored, and the frozen deck holds none of them
    stored = store.run("progress_proposed")
    assert dict(zip(stored["workstream_code"], stored["status"], strict=True)) == PROPOSED
    source = parts.frozen_source(snapshot)
    assert source.part("progress")["statuses"] == {code: status for code, (status, _c) in VALIDATED.items()}
    deck = {item: slide_html.render(item, source, "en")[0] for item in source.items()}
    for item, html in deck.items():
        for status, count in re.findall(r'data-status="(\w+)".*?class="count">([^<]*)<', html):
            assert status not in NEVER_OFFICIAL or count == "0", (item, status, count)
        for status in NEVER_OFFICIAL:
            assert f"→ {t(f'status.{status}')}" not in html, item  # no move to a proposed status
        assert t("status.proposed_mark") not in html, item
    assert f'data-status="{official(X)}"' in deck[f"objective/{X_OBJECTIVE}"]
