"""The explore pages under AppTest: filters, deep links, bad URL values, presets and drill-through."""

from __future__ import annotations

import re

import pytest

from monitor.core.paths import PROJECT_ROOT
from monitor.i18n import translate
from tests.rendered import open_page, plotly_figures, rendered_text, rendered_texts

DASHBOARD = str(PROJECT_ROOT / "dashboard.py")
PAGES = [
    "pages/explore/overview.py",
    "pages/explore/objectives.py",
    "pages/explore/workstreams.py",
    "pages/explore/members.py",
    "pages/explore/partners.py",
    "pages/more/about_data.py",
]
COMBINATIONS = [
    {},
    {"pillar": "2", "priority": "shared"},
    {"member": "brussels_minister_employment", "role": "steering"},
    {"theme": "employment", "priority": "shared", "org": "brupartners"},
    {"ws_priority": "shared", "q": "mobiliteit"},
    {"q": "geen-enkele-beleidswerf"},  # the empty result
    {"pillar": "1", "theme": "welfare_health", "priority": "consulted"},  # also empty
]


@pytest.mark.parametrize("query", COMBINATIONS, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "none")
@pytest.mark.parametrize("page", PAGES)
def test_every_page_under_every_filter_combination(app_db, page, query):
    app = open_page(page, **query)
    assert not app.exception, app.exception
    assert not app.error
    texts = [e.value for e in app.title] + [e.value for e in app.subheader]
    assert not any("⟦" in text for text in texts)


def test_empty_result_says_so_and_offers_a_reset(app_db):
    app = open_page("pages/explore/objectives.py", q="geen-enkele-beleidswerf")
    assert "Nothing matches" in app.info[0].value
    app.button(key="empty_reset").click().run()
    # AppTest drops the entry script's sidebar from the tree after a page switch: read the widget state.
    assert not app.info and app.session_state["filter_q"] == ""
    assert app.title[0].value == "Objectives" and len(app.dataframe) == 1


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("pages/explore/objectives.py", {}),
        ("pages/explore/workstreams.py", {}),
        ("pages/explore/members.py", {"member": "brussels_minister_mobility"}),
    ],
)
def test_lists_keep_their_grid_with_rows_tall_enough_to_wrap_long_titles(app_db, page, query):
    """Sortable, clickable lists stay grids; Streamlit's grid wraps text only in rows taller than 4rem (64 px).
    That nothing scrolls sideways at 1366 px is checked in the browser (tests/test_browser.py)."""
    app = open_page(page, **query)
    assert app.dataframe[0].proto.row_height > 64


def objectives_metric(app) -> str:
    """The Overview's count of objectives in view (the strategy at a glance)."""
    return next(metric.value for metric in app.metric if metric.label == "Objectives")


def test_filters_from_the_url_fill_the_widgets_and_the_widgets_write_the_url(app_db):
    app = open_page(priority="shared", pillar="2")
    assert app.sidebar.multiselect(key="filter_priority").value == ["shared"]
    assert app.sidebar.multiselect(key="filter_pillar").value == [2]
    assert objectives_metric(app) == "4"  # shared objectives of pillar 2: 2.1, 2.2, 2.3, 2.7
    app.sidebar.multiselect(key="filter_pillar").set_value([]).run()  # (the URL side is checked in the browser)
    assert objectives_metric(app) == "7"


def test_live_counts_in_the_option_labels(app_db):
    app = open_page(pillar="1")
    labels = app.sidebar.multiselect(key="filter_priority").options
    assert "Shared (3)" in labels and "Consulted (5)" in labels and "Mixed (shared and consulted) (1)" in labels


def test_bad_url_values_are_ignored_with_a_notice(app_db):
    app = open_page(pillar="9", member="nobody", theme="<script>", role="boss")
    assert not app.exception
    notice = app.warning[0].value
    assert all(part in notice for part in ("pillar=9", "member=nobody", "theme=<script>", "role=boss"))
    assert objectives_metric(app) == "17"


def test_objective_deep_link_shows_the_full_fiche(app_db, con):
    app = open_page("pages/explore/objectives.py", objective="1.4")
    assert app.title[0].value.startswith("1.4 · [NL] De economie ondersteunen")  # English UI: Dutch original, marked
    subheaders = [s.value for s in app.subheader]
    assert "Workstreams (8)" in subheaders and "Cross-references" in subheaders
    assert any(s.startswith("Later wording") for s in subheaders)
    markdown = " ".join(m.value for m in app.markdown)
    assert "- Title — Source: “Strategie Go4Brussels 2030”, lines 1567–1568" in markdown  # in the Source control
    assert ".txt" not in rendered_text(app)  # the document by its title, never its file
    assert "differs from 2020" in markdown
    assert "Partners (web page):** Brupartners (sectorale facilitatoren)" in markdown  # as printed, no escapes needed


# The marks that said the Monitor's notes were in English, when they were ("(in het Engels)", "Waarom (Engels)").
IN_ENGLISH = re.compile(r"\((in het )?Engels\)|in het Engels|en anglais")


@pytest.mark.parametrize(
    "lang, resolved, linked, corrected",
    [
        (
            "fr",
            "Résolu par le moniteur : L’objectif 1.10 n’existe pas dans cette stratégie",
            "Lien avec 2020 : Les cinq sous-points numérotés",
            "Code imprimé « 3.2.4 » corrigé : Le code imprimé “3.2.4” ne peut pas être juste",
        ),
        (
            "nl",
            "Opgelost door de monitor: Doelstelling 1.10 bestaat niet in deze strategie",
            "Koppeling met 2020: De vijf genummerde subpunten",
            "Gedrukte code “3.2.4” verbeterd: De gedrukte code “3.2.4” kan niet juist zijn",
        ),
    ],
)
def test_the_monitors_own_notes_are_in_the_interface_language(app_db, lang, resolved, linked, corrected):
    """The Monitor's notes (a reference resolved, a later wording linked, a code corrected) are written in each
    language; the quotes of the documents inside them stay in Dutch, and no note is marked as being in English."""
    fiche = open_page("pages/explore/objectives.py", objective="1.8", lang=lang)
    captions = [c.value for c in fiche.caption]
    assert any(c.startswith(resolved) and "“De e-gezondheidssector stimuleren”" in c for c in captions), captions
    assert any(c.startswith(linked) for c in captions), captions
    assert not any("does not exist" in c for c in captions)  # the English is not shown beside it
    workstream = open_page("pages/explore/workstreams.py", workstream="2.6.4", lang=lang)
    assert any(corrected in note.value for note in workstream.markdown)  # folded in the Source control
    for app in (fiche, workstream):
        assert not [text for text in rendered_texts(app) if IN_ENGLISH.search(text)]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_editorial_reasons_are_in_the_interface_language(app_db, con, lang):
    """Partners and themes, Targets and an indicator show the Monitor's reasons in French or Dutch, unmarked."""
    partners = open_page("pages/explore/partners.py", lang=lang)
    why = translate("column.rationale", lang)
    (themes,) = [frame.value for frame in partners.table if why in frame.value.columns]  # a static table
    written = dict(con.execute(f"SELECT rationale, rationale_{lang} FROM objective_themes").fetchall())
    assert set(themes[why]) == set(written.values()) and not set(themes[why]) & set(written)  # none in English
    targets = open_page("pages/explore/targets.py", lang=lang)
    (reason,) = con.execute(
        f"SELECT m.rationale_{lang} FROM target_indicators AS m JOIN targets USING (target_id)"
        " WHERE targets.objective_code = '1.1'"
    ).fetchone()
    assert translate("targets.link_rationale", lang, rationale=reason) in [c.value for c in targets.caption]
    indicator = open_page("pages/explore/indicators.py", indicator="ghg_emissions_total", lang=lang)
    (why_down,) = con.execute(
        f"SELECT rationale_{lang} FROM indicator_directions WHERE indicator_id = 'ghg_emissions_total'"
    ).fetchone()
    (why_linked,) = con.execute(
        f"SELECT rationale_{lang} FROM indicator_objectives"
        " WHERE indicator_id = 'ghg_emissions_total' AND objective_code = '1.1'"
    ).fetchone()
    direction = translate(
        "indicators.editorial_direction", lang, desired=translate("desired.down", lang), rationale=why_down
    )
    link = f"{translate('punctuation.colon', lang, label=translate('indicators.editorial_link', lang))} {why_linked}"
    captions = [c.value for c in indicator.caption]
    assert direction in captions and link in captions
    for app in (partners, targets, indicator):
        assert not [text for text in rendered_texts(app) if IN_ENGLISH.search(text)]


def test_unknown_objective_falls_back_to_the_list_with_a_notice(app_db):
    app = open_page("pages/explore/objectives.py", objective="9.9")
    assert "9.9" in app.warning[0].value and app.title[0].value == "Objectives"


def test_workstream_deep_link_shows_the_code_correction(app_db):
    app = open_page("pages/explore/workstreams.py", workstream="2.6.4")
    assert app.title[0].value == "2.6.4 · [NL] Mobiliteit"  # English UI: the Dutch original, marked
    (control,) = [popover for popover in app.get("popover")]
    reading = [m.value for m in control.markdown]
    assert reading[1] == "**How the Monitor read this**" and "3.2.4" in reading[2]  # a reading note, folded


def test_clicking_a_bar_opens_the_objective(app_db):
    app = open_page("pages/explore/objectives.py")
    bar = {"customdata": ["2.3 Title", "2.3.1, 2.3.2", "2.3"]}  # label, codes, objective (charts.status_bars)
    app.session_state["objectives_chart"] = {"selection": {"points": [bar]}}
    app.run()
    assert app.title[0].value.startswith("2.3 · ")


def test_portfolio_preset_opens_the_members_page_with_the_portfolio(app_db, con):
    app = open_page()
    app.sidebar.selectbox(key="preset_member").set_value("brussels_minister_mobility").run()
    assert app.session_state["filter_member"] == ["brussels_minister_mobility"]
    assert app.session_state["filter_role"] == ["initiating", "steering"]  # what the cabinet answers for
    assert any(
        c.value.startswith("Shown: the workstreams where this member’s role is initiating, steering")
        for c in app.caption
    )
    assert any(s.value.startswith("Portfolio: [NL] Minister van Mobiliteit") for s in app.subheader)
    stated, inferred = con.execute(  # a workstream steered under a title matched exactly is stated, else inferred
        "SELECT count(*) FILTER (WHERE confidence = 'exact'), count(*) FILTER (WHERE confidence <> 'exact')"
        " FROM workstream_members WHERE member_id = 'brussels_minister_mobility' AND role = 'steering'"
    ).fetchone()
    assert stated and inferred  # the documents print its full title and shorter ones ('Minister van Mobiliteit')
    assert {m.label: m.value for m in app.metric}["Steering"] == str(stated)
    assert f"+ {inferred} inferred" in [c.value for c in app.caption]


@pytest.mark.parametrize("pillar", [(), (2,)])
def test_a_portfolio_lists_each_responsibility_the_documents_give_once(app_db, con, pillar):
    """One row per objective the member initiates or joins and per workstream it steers (as the objective fiches
    and workstream tables state them), in role order, then the strategy's order; the counts are those rows."""
    from monitor import cache
    from monitor.explore.filters import Filters

    member = "brussels_minister_employment"
    counts, rows = cache.portfolio(Filters(member=(member,), pillar=pillar), member)
    in_view = "o.pillar = 2" if pillar else "true"
    expected = con.execute(  # a responsibility is stated when one of its printed titles is matched exactly
        f"""SELECT r.role, r.objective_code, coalesce(r.workstream_code, '') AS workstream,
                   bool_or(r.confidence = 'exact') AS stated,
                   list_position(['initiating', 'associated', 'steering'], r.role) AS role_order,
                   o.sort_order AS objective_order, w.sort_order AS workstream_order
            FROM responsibilities AS r JOIN objectives AS o ON o.code = r.objective_code
            LEFT JOIN workstreams AS w ON w.code = r.workstream_code
            WHERE r.member_id = $member AND {in_view}
            GROUP BY ALL ORDER BY role_order, objective_order, workstream_order NULLS FIRST""",
        {"member": member},
    ).fetchall()
    shown = list(zip(rows["role"], rows["objective_code"], rows["workstream_code"], strict=True))
    assert shown == [row[:3] for row in expected]
    assert list(rows["confidence"] == "exact") == [row[3] for row in expected]
    assert list(rows.columns) == [
        *("role", "objective_code", "objective_title", "workstream_code", "workstream_title", "confidence")
    ]
    assert counts == {
        role: (
            sum(row[0] == role and row[3] for row in expected),
            sum(row[0] == role and not row[3] for row in expected),
        )
        for role in ("initiating", "associated", "steering", "consulted")
    }
    assert min(sum(counts[role]) for role in ("initiating", "associated", "steering")) > 0
    if pillar:
        assert all(code.startswith("2.") for code in rows["objective_code"])
    # the counts are the members table's (the Overview), also within the filters
    summary = cache.product("member_summary", Filters(member=(member,), pillar=pillar))
    listed = summary[summary["member_id"] == member]
    assert {role: (int(listed[role].iloc[0]), int(listed[f"{role}_inferred"].iloc[0])) for role in counts} == counts


@pytest.mark.parametrize("org", [(), ("brupartners",), ("brupartners", "actiris")])
def test_the_partner_table_names_each_objectives_bodies_by_role(app_db, con, org):
    """Without an organisation filter: the social partners; with one: the chosen organisations."""
    from monitor import cache
    from monitor.explore.filters import Filters

    shown = cache.partner_table(Filters(org=org, pillar=(1,)))
    which = "g.org_id IN (SELECT unnest($org))" if org else "org.kind = 'social_partners'"
    found = con.execute(  # stated where a printed name is matched exactly; else the Monitor's reading, kept apart
        f"""SELECT g.objective_code, g.role, org.name, bool_or(g.confidence = 'exact') AS stated
            FROM organisation_roles AS g JOIN organisations AS org USING (org_id)
            JOIN objectives AS o ON o.code = g.objective_code
            WHERE {which} AND o.pillar = 1 GROUP BY ALL""",
        {"org": list(org)} if org else {},
    ).fetchall()
    stated = {
        (code, role): sorted(n for c, r, n, s in found if (c, r) == (code, role) and s) for code, role, *_ in found
    }
    inferred = {code: sorted((n, r) for c, r, n, s in found if c == code and not s) for code, *_ in found}
    assert found  # the documents name these bodies in pillar 1
    assert sorted(shown["objective_code"]) == sorted({code for code, *_ in found})
    for row in shown.itertuples():
        for role in ("partner", "steering_committee", "steering"):
            names = "; ".join(stated.get((row.objective_code, role), []))
            assert getattr(row, role) == names, (row.objective_code, role)
        assert list(row.inferred) == inferred[row.objective_code]
    if not org:  # the observatory read into 1.1's ESRBHG entry (001:691, 702) is no stated social partner there
        first = shown[shown["objective_code"] == "1.1"].iloc[0]
        assert "Observatorium" not in first["partner"] + first["steering_committee"]
        assert ("Observatorium van de referentieprijzen voor de overheidsopdrachten", "partner") in first["inferred"]


def test_shared_preset_opens_partners_filtered_on_shared(app_db):
    app = open_page(pillar="1")
    app.sidebar.button(key="preset_shared").click().run()
    assert app.session_state["filter_priority"] == ["shared"]
    assert app.session_state["filter_pillar"] == []
    assert app.title[0].value == "Partners and themes"
    assert any(m.value.startswith("The 7 objectives shared with the social partners:") for m in app.markdown)
    assert any("Editorial mapping" in c.value for c in app.caption)


def test_matrix_click_chooses_the_member(app_db):
    app = open_page("pages/explore/members.py")
    app.session_state["matrix_chart"] = {
        "selection": {"points": [{"customdata": ["brussels_minister_finance", "1.7"]}]}
    }
    app.run()
    assert app.session_state["filter_member"] == ["brussels_minister_finance"]
    assert any(s.value.startswith("Portfolio: [NL] Minister van Financiën") for s in app.subheader)


def test_who_does_what_charts_name_every_member_distinctly(app_db):
    """As the page labels them ("[NL] Staatssecretaris voor …" four times, cut alike): the matrix's rows are a
    category axis, which would draw two members shortened alike as one row; the flow's nodes would read alike."""
    matrix, flow = plotly_figures(open_page("pages/explore/members.py"))
    rows = matrix["data"][0]["y"]
    assert len(set(rows)) == len(rows) and any(row.startswith("[NL] Staatssecretaris") for row in rows)
    nodes = flow["data"][0]["node"]
    assert len(set(nodes["label"])) == len(set(nodes["customdata"])) == len(nodes["label"])
    assert all(
        label.removesuffix(" …") in name for label, name in zip(nodes["label"], nodes["customdata"], strict=True)
    )


def test_a_cabinet_can_count_what_it_steers(app_db, con):
    """With the Minister-President and the role "steering", the workstreams in view are the ones it steers
    (the member filter alone means any role: 77 workstreams, not the 21 it steers)."""
    (steered,) = con.execute(
        "SELECT count(DISTINCT workstream_code) FROM workstream_members"
        " WHERE member_id = 'brussels_minister_president' AND role = 'steering'"
    ).fetchone()
    app = open_page("pages/progress/progress.py", member="brussels_minister_president", role="steering")
    assert any(f"{steered} workstreams pass the filters" in c.value for c in app.caption)
    anyhow = open_page("pages/progress/progress.py", member="brussels_minister_president")
    assert not any(f"{steered} workstreams pass the filters" in c.value for c in anyhow.caption)
