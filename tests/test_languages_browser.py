"""End to end in French in headless Chromium: the Brupartners journey with its export, the page's declared
language, text contrast as rendered, and the sidebar reachable by keyboard."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from monitor.i18n import translate
from tests.browser import choose, streamlit_server
from tests.browser import wait_until_ready as _wait_until_ready
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
CONTRAST_AUDIT = (Path(__file__).with_name("contrast_audit.js")).read_text(encoding="utf-8")
STYLED = "[...document.querySelectorAll('style')].some(s => s.textContent.includes('stCaptionContainer'))"
PARTNER_COLUMNS = [
    "column.code",
    "column.objective_title",
    "column.objective_title",  # its language column: the titles are written as published, no screen mark
    "column.standing",
    "column.priority_type",
    "column.as_partner",
    "column.in_committee",
    "column.steers",
    "column.inferred_partners",
]


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    with streamlit_server(built_db, tmp_path_factory.mktemp("languages-e2e")) as url:
        yield url


def wait_until_ready(page) -> None:
    _wait_until_ready(page, timeout_ms=120_000)  # the machine is shared: a first run can take tens of seconds


def pick(page, label: str, option: str) -> None:
    choose(page, label, option, where=page.get_by_test_id("stSidebar"), timeout_ms=120_000)


def fr(key: str) -> str:
    return translate(key, "fr")


def expected_partner_rows(con, theme: str) -> list[str]:
    """Shared-priority objectives in `theme` with a workstream, where a social partner takes part."""
    rows = con.execute(
        """
        SELECT o.code FROM objectives AS o
        WHERE o.priority_type = 'shared'
          AND o.code IN (SELECT objective_code FROM objective_themes WHERE domain_id = $theme)
          AND o.code IN (SELECT objective_code FROM workstreams)
          AND o.code IN (SELECT g.objective_code FROM organisation_roles AS g
                         JOIN organisations AS org USING (org_id) WHERE org.kind = 'social_partners')
        ORDER BY o.sort_order
        """,
        {"theme": theme},
    ).fetchall()
    return [code for (code,) in rows]


def test_brupartners_journey_in_french_exports_french_headers_and_the_filtered_rows(chromium, server, con):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 2400}, locale="fr-BE")
    page.goto(f"{server}/partners?lang=fr")
    wait_until_ready(page)
    page.get_by_role("heading", name=fr("partners.title")).wait_for()
    page.wait_for_function("document.documentElement.lang === 'fr'", timeout=10_000)
    (domain,) = con.execute("SELECT name FROM policy_domains WHERE domain_id = 'employment'").fetchone()
    pick(page, fr("filters.theme"), domain)
    pick(page, fr("filters.priority"), fr("priority.shared"))
    assert "theme=employment" in page.url and "priority=shared" in page.url and "lang=fr" in page.url
    page.get_by_text(fr("filters.status").split("{")[0].strip(), exact=False).first.wait_for()
    assert "⟦" not in page.locator('[data-testid="stApp"]').inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name=fr("export.csv")).first.click()
    assert download.value.suggested_filename == "social-partners.csv"
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    headers = [fr(key) for key in PARTNER_COLUMNS]
    headers[2] = translate("export.language_column", "fr", column=headers[2])
    assert rows[0] == headers
    expected = expected_partner_rows(con, "employment")
    assert expected and [row[0] for row in rows[1:]] == expected
    assert all(row[4] == fr("priority.shared") for row in rows[1:])
    titles = dict(con.execute("SELECT code, title FROM objectives").fetchall())
    assert all(row[1:3] == [titles[row[0]], "nl"] for row in rows[1:])  # no translation entered: Dutch, said so
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "languages-brupartners-fr-1366.png"), full_page=True)
    page.close()


def test_switching_language_changes_the_declared_language_and_the_url(chromium, server):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    page.goto(f"{server}/?lang=fr")  # the default page lives at the root
    wait_until_ready(page)
    page.wait_for_function("document.documentElement.lang === 'fr'", timeout=60_000)  # set once the page is drawn
    pick(page, translate("language.label", "fr"), "Nederlands")
    page.get_by_role("heading", name=translate("overview.title", "nl")).wait_for()
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=60_000)
    assert "lang=nl" in page.url
    page.close()


@pytest.mark.parametrize("path", ["partners?lang=fr", "?lang=nl", "progress?lang=fr", "translations?lang=en"])
def test_rendered_text_meets_wcag_aa(chromium, server, path):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{server}/{path}")
    wait_until_ready(page)
    page.locator('[data-testid="stHeading"]').first.wait_for()
    page.wait_for_function(STYLED, timeout=60_000)
    page.wait_for_timeout(1000)
    wait_until_ready(page)  # settled: no element is faded as stale by a rerun
    failures = page.evaluate(CONTRAST_AUDIT)
    assert failures == []
    page.close()


def test_the_sidebar_is_reachable_by_keyboard_with_a_visible_focus(chromium, server):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 1600})
    page.goto(f"{server}/partners?lang=fr")
    wait_until_ready(page)
    # the sidebar's widgets are drawn after the script state settles on a busy machine: wait for the last one
    page.get_by_role("button", name=fr("filters.reset")).wait_for(timeout=60_000)
    page.wait_for_function(STYLED, timeout=60_000)  # the focus style arrives with st.html, drawn on its own time
    reached, outlines = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        page.wait_for_timeout(
            50
        )  # a person's pace: twice, Tabs sent back to back skipped the widget after a select box
        focused = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.getAttribute('aria-label') || e.innerText || e.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        reached.append(focused[0].strip())
        outlines.append(focused[1:])
    wanted = [translate("language.label", "fr"), fr("filters.theme"), fr("filters.priority"), fr("presets.shared")]
    found = [name for name in wanted if any(name in label for label in reached)]
    assert found == wanted, " | ".join(reached)  # the whole Tab order, to see where it went
    language_at = next(i for i, label in enumerate(reached) if translate("language.label", "fr") in label)
    assert outlines[language_at][0] != "none" and outlines[language_at][1] != "0px"
    page.close()


def _accessibility_tree(page) -> list[tuple[str, str]]:
    """(role, name) of every node Chromium exposes to assistive technology (what a screen reader reads)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [
        (node.get("role", {}).get("value", ""), str(node.get("name", {}).get("value", "")))
        for node in nodes
        if not node.get("ignored")
    ]


def test_a_screen_reader_gets_named_french_controls_table_cells_and_chart_summaries(chromium, server, con):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1366, "height": 2400})
    page.goto(f"{server}/?lang=fr")
    wait_until_ready(page)
    page.locator('[data-testid="stPlotlyChart"] svg.main-svg').first.wait_for(timeout=60_000)
    page.locator('[data-testid="stDataFrame"] table').first.wait_for(state="attached", timeout=60_000)
    tree = _accessibility_tree(page)
    names = {role: [name for r, name in tree if r == role] for role in {r for r, _ in tree}}

    controls = [(role, name) for role, name in tree if role in ("button", "combobox", "textbox", "link")]
    assert controls and all(name.strip() for _role, name in controls), [c for c in controls if not c[1].strip()]
    for key in ("filters.pillar", "filters.priority", "filters.theme", "filters.member", "filters.org"):
        assert fr(key) in names["combobox"]  # announced by its French label
    assert fr("export.csv") in names["button"]
    assert "Main menu" not in names["button"]  # Streamlit's menu is English only: hidden (toolbarMode minimal)

    # column headers and cells are read out, of the grid (pillars) and the static table (members) alike:
    # French headers, marked Dutch titles
    assert {fr("column.pillar"), fr("column.objectives")} <= set(names["columnheader"])
    assert "ENGAGEMENTEN VAN HET GEWEST" in names["gridcell"]  # a pillar's title, as published
    # the chart's text summary is there for the screen reader, and so is what [NL] means
    texts = " ".join(names["StaticText"])
    codes, count = con.execute(
        "SELECT string_agg(code, ', ' ORDER BY sort_order), count(*) FROM objectives"
        " WHERE pillar = 1 AND priority_type = 'shared'"
    ).fetchone()
    assert f"{fr('priority.shared')} {count} ({codes})" in texts
    assert "[NL] = " in texts
    # the chart's one tool (save as PNG) is announced in French too: plotly reads it from the chart's config
    tools = page.locator('[data-testid="stPlotlyChart"] .modebar-btn')
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    assert charts >= 2 and tools.count() == charts  # one tool a chart
    assert {tool.get_attribute("data-title") for tool in tools.all()} == {fr("chart.download_png")}
    members = chromium.new_page(viewport={"width": 1366, "height": 2400})  # the members: a static table to read
    members.goto(f"{server}/members?lang=fr")
    wait_until_ready(members)
    members.locator('[data-testid="stTable"]').wait_for()
    read = _accessibility_tree(members)
    assert fr("column.member") in [name for role, name in read if role == "columnheader"]
    (first_member,) = con.execute("SELECT name FROM government_members ORDER BY sort_order LIMIT 1").fetchone()
    assert f"[NL] {first_member}" in [name for role, name in read if role == "cell"]
    members.close()
    page.close()
