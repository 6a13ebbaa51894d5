"""A third party's accessibility check: axe-core (Deque's engine, pinned through axe-playwright-python) audits
every routed page in Chromium against WCAG 2.1 A and AA, signed out, as the secretariat and as a cabinet, with
an objective's and a workstream's detail view and the French interface.

Every violation fails the test except Streamlit's own markup that the Monitor cannot change, listed in
STREAMLIT_OWN by rule and by a selector that matches only Streamlit's element (docs/languages-accessibility.md
lists them too). axe leaves the text of plotly charts undecided (SVG has no computed background), so the text
drawn on a chart's paper is checked here against the paper's colour.

One server, one browser page reused across the addresses; sample progress fills the progress pages and the
validation queue, so that they are audited with rows, charts and the sample banner rather than empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from monitor.core import contrast
from monitor.core.paths import DB_PATH_ENV, STORE_PATH_ENV
from monitor.i18n import translate
from monitor.progress import sample
from monitor.storage import db, store
from tests.browser import go, sign_in, streamlit_server, wait_until_ready
from tests.people import add_people
from tests.rendered import page_urls
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@dataclass(frozen=True)
class Known:
    rule: str
    selector: str  # matches Streamlit's own element only
    reason: str


STREAMLIT_OWN = (
    Known(
        "list",
        'ul[data-testid="stSidebarNavItems"]',
        "Streamlit's sectioned navigation wraps each section's heading and links in a <div> inside the <ul>",
    ),
    Known(
        "listitem",
        'ul[data-testid="stSidebarNavItems"] > div > li',
        "the same navigation seen from its links: each <li>'s parent is that <div>, not the list",
    ),
)

# The element each axe finding points at, and which known exception (index in STREAMLIT_OWN) it matches, if any.
MATCH_KNOWN = """([findings, known]) => findings.map(([rule, target]) => {
    const element = target.length === 1 ? document.querySelector(target[0]) : null;
    return known.findIndex(([knownRule, selector]) => knownRule === rule && element?.matches(selector));
})"""
# Text a plotly chart draws on its paper (ticks, axis titles, legends, notes, node labels), with its colour and the
# paper's; text drawn on bars or heatmap cells is checked against their colours by contrast.figure_problems.
CHART_TEXT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg.main-svg text')]
    .filter(text => text.textContent.trim() && !text.closest('.barlayer, .heatmaplayer'))
    .map(text => {
        const paper = getComputedStyle(text.closest('.svg-container').querySelector('svg.main-svg')).backgroundColor;
        const style = getComputedStyle(text);
        return [text.textContent.trim().slice(0, 40), style.fill, Number(style.fillOpacity), paper];
    })"""
DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .every(chart => chart.querySelector('svg.main-svg text'))"""
SHOWN = """() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1, [data-testid="stHtml"])')]
    .some(title => title.innerText.trim())"""  # the page's title, or a slide
# An expander opens in the browser, without a rerun: all at once (one click at a time took 20 s on About the data).
OPEN_EXPANDERS = """() => document.querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary')
    .forEach(summary => summary.click())"""


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    logs = tmp_path_factory.mktemp("axe-e2e")
    add_people(logs / "users.yaml")
    with pytest.MonkeyPatch.context() as patch:  # sample progress in the store the server will open
        patch.setenv(DB_PATH_ENV, str(built_db))
        patch.setenv(STORE_PATH_ENV, str(logs / "store.duckdb"))
        sample.generate()
        store.close_all()
        db.close_all()
    with streamlit_server(built_db, logs) as url:
        yield url


def settle(page) -> None:
    """The page's script has run, its title (or slide) is there, every chart is drawn and every expander open."""
    wait_until_ready(page, timeout_ms=120_000)
    page.wait_for_function(SHOWN, timeout=60_000)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.evaluate(OPEN_EXPANDERS)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stExpander\"] details:not([open])')")
    # A rerun (the first page after a cold start reruns once) dims the elements it has not redrawn yet: axe would
    # read their faded text as low contrast. Wait until nothing is stale and the fade-in has ended.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
    wait_until_ready(page, timeout_ms=120_000)
    page.wait_for_timeout(500)


def audit(page, axe: Axe, view: str, findings: dict[str, list], seen_known: Counter) -> int:
    """axe's WCAG 2.1 A/AA violations on the page as it is, and the chart text below 4.5:1, in `findings[view]`
    (each as 'rule: element'), leaving out the known Streamlit ones (counted in `seen_known`).
    Returns the number of controls the page shows (what signing in adds)."""
    settle(page)
    violations = axe.run(page, options={**WCAG_21_AA, "resultTypes": ["violations"]}).response["violations"]
    nodes = [(violation["id"], node) for violation in violations for node in violation["nodes"]]
    known = [[k.rule, k.selector] for k in STREAMLIT_OWN]
    matched = page.evaluate(MATCH_KNOWN, [[[rule, node["target"]] for rule, node in nodes], known])
    findings[view] = [
        f"{rule}: {node['html'][:160]}" for (rule, node), index in zip(nodes, matched, strict=True) if index < 0
    ]
    seen_known.update(STREAMLIT_OWN[index] for index in matched if index >= 0)
    for text, fill, opacity, paper in page.evaluate(CHART_TEXT):
        if opacity < 1 or contrast.ratio(fill, paper) < contrast.AA_TEXT:
            findings[view].append(f"chart text contrast: {text!r} in {fill} (opacity {opacity}) on {paper}")
    return page.locator('[data-testid="stMain"] :is(input, textarea, button)').count()


def nav(name: str) -> str:
    return translate(f"nav.{name}", "en")


def test_every_page_meets_wcag_21_aa_by_axe(chromium, server, con):  # noqa: F811 - pytest fixture
    axe, findings, seen_known, controls = Axe(), {}, Counter(), {}
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    (objective,), (workstream,) = (
        con.execute("SELECT min(code) FROM objectives").fetchone(),
        con.execute("SELECT min(code) FROM workstreams").fetchone(),
    )
    views = {name: f"/{address}" for name, address in page_urls().items()}
    views |= {
        "objective's fiche": f"/objectives?objective={objective}",
        "workstream's fiche": f"/workstreams?workstream={workstream}",
        "overview in French": "/?lang=fr",
    }
    for view, address in views.items():  # signed out
        page.goto(server + address)
        controls[view] = audit(page, axe, view, findings, seen_known)
    assert page.evaluate("document.documentElement.lang") == "fr"  # the last one was the French interface

    page.goto(f"{server}/account")
    wait_until_ready(page, timeout_ms=120_000)
    sign_in(page, "secretariat")
    for name in ("validate", "translations", "presentations", "transfer", "indicator_import"):
        go(page, nav(name))
        signed_in = audit(page, axe, f"{name}, as the secretariat", findings, seen_known)
        assert signed_in > controls[name], name  # the secretariat's page, not the one asking to sign in
    go(page, nav("account"))
    page.get_by_role("button", name="Sign out").click()
    wait_until_ready(page)
    sign_in(page, "cabinet")
    go(page, nav("report"))
    assert audit(page, axe, "report, as a cabinet", findings, seen_known) > controls["report"]
    page.close()

    assert {view: found for view, found in findings.items() if found} == {}
    assert set(seen_known) == set(STREAMLIT_OWN), "a known Streamlit exception is no longer seen: remove it"
    assert len(findings) == len(page_urls()) + 3 + 6  # every routed page, the detail views, the signed-in pages
