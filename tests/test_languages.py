"""Every page of dashboard.py's PAGES in Dutch, French and English: no missing catalogue key anywhere.

Pages are read from PAGES, so a page added to the router is covered without editing this file. The
secretariat's run has sample progress in the store, so the progress tables and charts have rows to label.
"""

from __future__ import annotations

import json

import pytest

from monitor import cache
from monitor.core import contrast
from monitor.core.formats import LANGUAGES, format_number, separators
from monitor.explore.looks import STATUS_LOOK
from monitor.i18n import translate, translations
from monitor.progress import sample
from tests.rendered import (
    caption_before_title,
    changed_by_plotly,
    charts_without_summary,
    default_placeholders,
    missing_keys,
    open_page,
    page_paths,
    plotly_figures,
    rendered_texts,
)


@pytest.fixture()
def secretariat(admin) -> str:
    sample.generate(updates=150, seed=7)
    return admin.username


def _walk(language: str, user: str | None) -> dict[str, list[str]]:
    """Open every page (and an objective's and a workstream's detail) in `language`; missing keys per page.

    Each view gets a fresh AppTest: AppTest re-reads the previous page's widgets outside the script, where
    their format functions cannot know the session's language.
    """
    objective = cache.query("objectives_list")["code"].iloc[0]
    workstream = cache.query("workstreams_list")["code"].iloc[0]
    views = [(path, {}) for path in page_paths().values()]
    views += [
        ("pages/explore/objectives.py", {"objective": objective}),
        ("pages/explore/workstreams.py", {"workstream": workstream}),
    ]
    found: dict[str, list[str]] = {}
    for path, query in views:
        app = open_page(path, user, lang=language, **query)
        assert not app.exception, (path, app.exception)
        assert app.sidebar.selectbox(key="lang").value == language
        assert len(rendered_texts(app)) > 10, path  # the page rendered something to check
        for figure in plotly_figures(app):  # numbers as the language writes them; marks and text readable
            assert figure["layout"]["separators"] == separators(language), path
            assert contrast.figure_problems(figure) == [], path
            assert changed_by_plotly(figure) == [], path  # so sending it unvalidated loses nothing
        assert charts_without_summary(app) == [], path
        assert default_placeholders(app) == [], path
        note = translate("languages.original_note", language, mark=translations.ORIGINAL_MARK)
        notes = [c.value for c in app.caption if c.value == note]
        texts = rendered_texts(app)
        marked = any(f"{translations.ORIGINAL_MARK} " in text and note not in text for text in texts)
        explained = any(note in text for text in texts)  # a caption, or inside a slide's HTML
        assert len(notes) <= 1 and (explained if marked and language != "nl" else not notes), (path, query)
        assert not caption_before_title(app, note), (path, query)  # the note explains what follows the title
        if missing := missing_keys(app):
            found[f"{path} {query}"] = missing
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_for_a_viewer_has_every_string(app_db, language):
    assert _walk(language, None) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_for_the_secretariat_has_every_string(secretariat, language):
    assert _walk(language, secretariat) == {}


def test_the_walk_would_see_a_missing_key(app_db, monkeypatch):
    """The check itself: a key removed from the catalogue shows up as missing on the page that uses it."""
    from monitor import i18n

    entries = dict(i18n.catalogue())
    del entries["overview.priority_chart"]
    monkeypatch.setattr(i18n, "catalogue", lambda: entries)
    assert any("overview.priority_chart" in text for texts in _walk("fr", None).values() for text in texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_titles_legends_and_hovers_are_in_the_language(app_db, language):
    app = open_page("pages/explore/overview.py", lang=language)
    status, figure = plotly_figures(app)[:2]  # the official status per pillar, then the priority types
    statuses = {f"{look.icon} {translate(f'status.{s}', language)}" for s, look in STATUS_LOOK.items()}
    assert {trace["name"] for trace in status["data"]} <= statuses
    assert status["layout"]["xaxis"]["title"]["text"] == translate("column.workstreams", language)
    names = {trace["name"] for trace in figure["data"]}
    assert names <= {translate(f"priority.{p}", language) for p in ("shared", "consulted", "mixed")}
    assert figure["layout"]["xaxis"]["title"]["text"] == translate("column.objectives", language)
    assert all(trace["name"] in trace["hovertemplate"] for trace in figure["data"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_large_numbers_in_tables_are_written_in_the_language(app_db, con, language):
    app = open_page("pages/more/about_data.py", lang=language)
    files = app.table[1].value  # title, file, lines: the technical part, folded
    (lines,) = con.execute("SELECT line_count FROM documents WHERE document LIKE '001_%'").fetchone()
    assert lines >= 1000  # so that the thousands separator shows
    shown = dict(zip(files.iloc[:, 1], files.iloc[:, 2], strict=True))  # file name -> line count
    assert shown[next(d for d in shown if d.startswith("001_"))] == format_number(lines, language)
    assert format_number(lines, language) == {"nl": "4\u202f975", "fr": "4\u202f975", "en": "4,975"}[language]
    small = shown[next(d for d in shown if d.startswith("000_"))]
    assert str(small) == str(con.execute("SELECT line_count FROM documents WHERE document LIKE '000_%'").fetchone()[0])
    documents = app.table[0].value  # what a reader sees first: titles, descriptions and lines, no file names
    assert format_number(lines, language) in documents.iloc[:, 2].tolist()


def test_flow_chart_marks_dutch_member_names_outside_dutch(app_db):
    """The sankey of Who does what names members as the tables do: [NL] before a Dutch original."""
    for language, marked in (("en", True), ("nl", False)):
        app = open_page("pages/explore/members.py", lang=language)
        sankey = next(f for f in plotly_figures(app) if f["data"] and f["data"][0]["type"] == "sankey")
        member_nodes = [label for label in sankey["data"][0]["node"]["label"] if not label[:1].isdigit()]
        assert member_nodes and all(label.startswith("[NL] ") == marked for label in member_nodes), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_toolbar_has_one_tool_whose_tooltip_is_in_the_language(app_db, language):
    app = open_page("pages/explore/overview.py", lang=language)
    config = json.loads(app.get("plotly_chart")[0].proto.config)
    assert config["modeBarButtons"] == [["toImage"]]  # zoom and pan tooltips would stay English
    assert config["locale"] == language
    assert config["locales"][language]["dictionary"]["Download plot as a PNG"] == translate(
        "chart.download_png", language
    )


def test_titles_on_targets_indicators_and_workstream_fiches_are_marked_in_french(app_db, con):
    """Places that show content titles outside tables: each Dutch title carries [NL] in a French interface."""
    targets = open_page("pages/explore/targets.py", lang="fr")
    groups = [expander.label for expander in targets.expander if " · " in expander.label]
    assert groups and all(label.split(" · ", 1)[1].startswith("[NL] ") for label in groups)
    (indicator,) = con.execute("SELECT name FROM indicators WHERE indicator_id = 'ghg_emissions_total'").fetchone()
    assert any(f"[NL] {indicator}" in text for text in rendered_texts(targets))  # "measured by" link
    indicators = open_page("pages/explore/indicators.py", lang="fr")
    delivery = indicators.dataframe[-1].value  # the delivery × context table
    titles = delivery[translate("column.objective_title", "fr")].tolist()
    assert titles and all(title.startswith("[NL] ") for title in titles)
    (steering,) = con.execute(
        "SELECT m.name FROM responsibilities r JOIN government_members m USING (member_id)"
        " WHERE r.workstream_code = '2.6.4' LIMIT 1"
    ).fetchone()
    fiche = open_page("pages/explore/workstreams.py", workstream="2.6.4", lang="fr")
    assert any(f"**[NL] {steering}" in markdown.value for markdown in fiche.markdown)


def test_the_dutch_original_note_on_targets_is_a_page_line_not_inside_a_target_card(app_db):
    app = open_page("pages/explore/targets.py", lang="fr")
    note = translate("languages.original_note", "fr", mark=translations.ORIGINAL_MARK)
    page_lines = [node.value for node in app.main.children.values() if getattr(node, "type", None) == "caption"]
    assert note in page_lines  # a direct line of the page, before the first bordered target card
    assert [c.value for c in app.caption].count(note) == 1


def test_the_language_box_defaults_to_the_chosen_language_so_a_browser_that_lost_it_keeps_the_language(app_db):
    """A browser that draws the language box anew after a page switch and has lost its value sends the box's
    default with its next action. That default must be the session's language: it was Dutch, the first option,
    and signing in after a page switch in English answered in Dutch (seen in the browser journeys)."""
    app = open_page("pages/more/account.py", lang="fr")
    box = app.selectbox(key="lang")
    assert box.value == "fr" and LANGUAGES[box.proto.default] == "fr"
    box.set_value("en").run()
    app.switch_page("pages/explore/overview.py").run()
    box = app.selectbox(key="lang")
    assert box.value == "en" and LANGUAGES[box.proto.default] == "en"
    assert app.title[0].value == translate("standing.title", "en")
