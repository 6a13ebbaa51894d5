"""Every page rendered with AppTest against the session database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from monitor.core.paths import DB_PATH_ENV, PROJECT_ROOT
from monitor.i18n import translate
from monitor.ui import provenance
from tests.rendered import open_page

DASHBOARD = str(PROJECT_ROOT / "dashboard.py")
PAGES = ["pages/explore/overview.py", "pages/more/about_data.py"]


def open_app(**query: str) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(app_db, page):
    app = open_app()
    if page != PAGES[0]:
        app.switch_page(page).run()
    assert not app.exception
    assert not app.error
    assert app.title and "⟦" not in app.title[0].value


def test_overview_counts_come_from_the_database(app_db, con):
    app = open_app()
    objectives, workstreams, members = con.execute(
        "SELECT (SELECT count(*) FROM objectives), (SELECT count(*) FROM workstreams),"
        " (SELECT count(*) FROM government_members WHERE kind NOT IN ('group', 'unresolved'))"
    ).fetchone()
    assert {label: metrics(app)[label] for label in ("Pillars", "Objectives", "Workstreams", "Government members")} == {
        "Pillars": "2",
        "Objectives": str(objectives),
        "Workstreams": str(workstreams),
        "Government members": str(members),
    }
    assert objectives == 17


def test_overview_chart_holds_every_objective_once(app_db):
    import json

    app = open_app()
    chart = app.get("plotly_chart")[1]  # the first is the official status per pillar
    figure = json.loads(chart.proto.spec)
    total = 0
    for trace in figure["data"]:
        values = trace["x"]
        if isinstance(values, dict):  # plotly >= 6 ships typed arrays as base64
            import base64

            import numpy as np

            values = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
        total += sum(values)
    assert total == 17
    assert {trace["name"] for trace in figure["data"]} <= {"Shared", "Consulted", "Mixed (shared and consulted)"}


def test_member_table_lists_every_member_regional_government_first(app_db, con):
    app = open_page("pages/explore/members.py")  # on Who does what; the landing page says where things stand
    table = app.table[0].value  # a table to read: every name in full, on wrapped lines
    names = con.execute("SELECT name FROM government_members ORDER BY sort_order").fetchall()
    expected = [f"[NL] {name}" for (name,) in names]  # English UI: portfolios as published, marked Dutch
    assert table["Member (portfolio)"].tolist() == expected
    governments = table["Government"].tolist()
    assert governments[0] == "Brussels-Capital Region"
    first_other = next(i for i, g in enumerate(governments) if g != "Brussels-Capital Region")
    assert all(g != "Brussels-Capital Region" for g in governments[first_other:])
    legend = [caption.value for caption in app.caption if caption.value.startswith("Government: ")]
    assert legend and "Initiates: Number of objectives this member initiates." in legend[0]  # no header tooltips
    french = open_page("pages/explore/members.py", lang="fr")
    assert any("Initie\u00a0: Nombre d’objectifs que ce membre initie." in caption.value for caption in french.caption)


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("nl", "Waar Go4Brussels 2030 staat"),
        ("fr", "Où en est Go4Brussels 2030"),
        ("en", "Where Go4Brussels 2030 stands"),
    ],
)
def test_language_deep_link(app_db, lang, title):
    app = open_app(lang=lang)
    assert app.title[0].value == title
    assert not app.warning


def test_unknown_language_in_url_is_ignored_with_a_notice(app_db):
    app = open_app(lang="<script>")
    assert not app.exception
    assert app.title[0].value == "Where Go4Brussels 2030 stands"
    assert "<script>" in app.warning[0].value


def test_corrupt_database_gives_a_clear_message(tmp_path: Path, monkeypatch):
    import streamlit as st

    from monitor.storage import db

    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv(DB_PATH_ENV, str(broken))
    db.close_all()
    st.cache_data.clear()
    app = open_app(lang="fr")
    assert not app.exception
    assert "ne peuvent pas être lues" in app.error[0].value
    assert broken.read_bytes().startswith(b"this is not a database")  # nothing overwritten


def test_about_names_where_each_irregularity_occurs_in_the_language(app_db, con):
    scopes = {scope for (scope,) in con.execute("SELECT DISTINCT scope FROM irregularities").fetchall()}
    kinds = {scope if scope in provenance.SCOPES else scope.rpartition(" ")[0] for scope in scopes}
    assert kinds <= {*provenance.SCOPES_WITH_CODE, *provenance.SCOPES}  # each curated scope has its strings
    app = open_app(lang="nl")
    app.switch_page("pages/more/about_data.py").run()
    technical = translate("about.technical", "nl")  # the folded technical part, last
    labels = {expander.label.rsplit(" (", 1)[0] for expander in app.expander if expander.label != technical}
    assert len(labels) == len(scopes) and not labels & scopes  # every one in Dutch, none as curated in English
    assert "doelstelling 1.4" in labels and "kerncijfers" in labels
    assert app.expander[-1].label == technical
    # the notes are the Monitor's own, written in Dutch too: no mark says otherwise
    caption = next(c.value for c in app.caption if "onregelmatigheden" in c.value)
    assert caption.startswith(f"{len(con.execute('SELECT * FROM irregularities').fetchall())} onregelmatigheden")
    assert "Engels" not in caption
    (what, resolution) = con.execute(
        "SELECT what_nl, resolution_nl FROM irregularities WHERE what LIKE 'Workstream code 1.4.4 is missing%'"
    ).fetchone()
    assert what.startswith("Code 1.4.4 van een beleidswerf ontbreekt")
    notes = " ".join(m.value for m in app.markdown)
    assert f"**{what}**" in notes and resolution in notes
    (description,) = con.execute("SELECT description_nl FROM documents WHERE document LIKE '001_%'").fetchone()
    assert description in app.table[0].value["Beschrijving"].tolist()  # the documents, a static table


def test_about_lists_every_irregularity_with_its_lines(app_db, con):
    app = open_app()
    app.switch_page("pages/more/about_data.py").run()
    (total,) = con.execute("SELECT count(*) FROM irregularities").fetchone()
    scopes = app.expander[:-1]  # the last one folds the technical details
    shown = sum(int(expander.label.rsplit("(", 1)[1].rstrip(")")) for expander in scopes)
    assert shown == total
    entries = [m.value for expander in scopes for m in expander.markdown]
    assert len(entries) == total
    cited = re.compile(r"\nSource: “[^”]+”, (lines \d+–\d+|line \d+)$")  # the document's title and lines, as on fiches
    assert [e for e in entries if not cited.search(e.replace("\\", ""))] == []
