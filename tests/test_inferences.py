"""Data contracts of the mended facts (issue 19, part 7): how sure each match is travels with every role, a title
tied to no member stands apart, consultations and footnotes are kept as printed, targets hold only printed figures,
and every printed reference to another objective is a cross-reference. Expected text is read from the documents."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from monitor.build.sources import STRATEGY_DOCUMENT
from monitor.core.paths import DOCUMENTS_DIR
from monitor.core.text import document_lines, found_in_lines

STRATEGY = document_lines(Path(DOCUMENTS_DIR / STRATEGY_DOCUMENT))

ROLE_TABLES = {  # table -> (id column, alias table)
    "responsibilities": ("member_id", "member_aliases"),
    "committee_members": ("member_id", "member_aliases"),
    "workstream_consultations": ("member_id", "member_aliases"),
    "organisation_roles": ("org_id", "organisation_aliases"),
}


def _line_of(text: str, first: int, last: int) -> int:
    """The 1-based number of the first line in first..last holding `text`."""
    return next(n for n in range(first, last + 1) if text in STRATEGY[n - 1])


@pytest.mark.parametrize("table", ROLE_TABLES)
def test_every_role_is_as_sure_as_the_match_of_its_printed_name(con, table):
    key, aliases = ROLE_TABLES[table]
    rows = con.execute(  # the table and column names come from ROLE_TABLES
        f"SELECT r.{key}, r.as_written, r.confidence, a.confidence FROM {table} AS r "
        f"LEFT JOIN {aliases} AS a ON a.alias = r.as_written AND a.{key} = r.{key}"
    ).fetchall()
    assert rows
    assert [row for row in rows if row[2] != row[3]] == []


def test_the_observatory_of_the_1_1_partner_line_is_undecided_never_a_stated_partner(con):
    rows = con.execute(
        "SELECT role, confidence FROM organisation_roles WHERE objective_code = '1.1'"
        " AND as_written LIKE '%Observatorium%' AND org_id = 'observatorium_referentieprijzen'"
    ).fetchall()
    assert sorted(rows) == [("partner", "undecided"), ("steering_committee", "undecided")]
    derived = con.execute(
        "SELECT DISTINCT confidence FROM workstream_organisations AS g"
        " JOIN workstreams AS w ON w.code = g.workstream_code"
        " WHERE w.objective_code = '1.1' AND g.org_id = 'observatorium_referentieprijzen'"
    ).fetchall()
    assert derived == [("undecided",)]


def test_a_derived_role_is_exact_only_when_a_printed_title_states_it(con):
    mismatched = con.execute("""
        SELECT x.workstream_code, x.member_id, x.role FROM workstream_members AS x
        JOIN workstreams AS w ON w.code = x.workstream_code
        WHERE x.confidence = 'exact' AND NOT EXISTS (
            SELECT 1 FROM responsibilities AS r
            WHERE r.member_id = x.member_id AND r.role = x.role AND r.confidence = 'exact'
              AND r.objective_code = w.objective_code AND (r.workstream_code IS NULL OR r.workstream_code = w.code))
          AND NOT EXISTS (
            SELECT 1 FROM workstream_consultations AS c
            WHERE x.role = 'consulted' AND c.member_id = x.member_id AND c.workstream_code = x.workstream_code
              AND c.confidence = 'exact')""").fetchall()
    assert mismatched == []


def test_the_2_1_steering_committee_is_the_list_not_the_sentence_after_it(con):
    sentence = _line_of("Moeten aangesproken worden", 3254, 3270)
    committee = con.execute(
        "SELECT as_written, line_end FROM organisation_roles"
        " WHERE objective_code = '2.1' AND role = 'steering_committee'"
    ).fetchall()
    assert committee and all(end < sentence for _name, end in committee)
    assert not any("Vlaamse Gemeenschap" in name for name, _end in committee)
    consulted = con.execute(
        "SELECT org_id, qualifier, line_start, line_end FROM organisation_roles WHERE role = 'consulted'"
    ).fetchall()
    after_the_list = [(org, start >= sentence) for org, _q, start, _e in consulted]
    assert after_the_list == [("administratie_vlaamse_gemeenschap", True)]
    assert found_in_lines(consulted[0][1], STRATEGY, sentence, consulted[0][3])


def test_a_title_tied_to_no_member_is_unresolved_and_listed_after_every_member(con):
    members = con.execute("""
        SELECT m.member_id, m.kind, m.sort_order, bool_and(a.confidence = 'undecided') AS never_decided
        FROM government_members AS m JOIN member_aliases AS a USING (member_id)
        GROUP BY ALL""").fetchall()
    unresolved = {member for member, kind, _order, _never in members if kind == "unresolved"}
    assert unresolved == {member for member, kind, _o, never in members if never and kind != "group"}
    assert unresolved == {"brussels_minister_patrimony"}
    last = max(order for _m, kind, order, _n in members if kind != "unresolved")
    assert all(order > last for _m, kind, order, _n in members if kind == "unresolved")
    name, start, end = con.execute(
        "SELECT name, line_start, line_end FROM government_members WHERE member_id = 'brussels_minister_patrimony'"
    ).fetchone()
    assert found_in_lines(name, STRATEGY, start, end)


def test_every_name_printed_with_a_footnote_marker_carries_its_footnote(con):
    marked = con.execute("""
        SELECT workstream_code, as_written FROM responsibilities WHERE as_written LIKE '%*'
        UNION SELECT workstream_code, as_written FROM organisation_roles WHERE as_written LIKE '%*'""").fetchall()
    notes = con.execute("SELECT workstream_code, as_written, marker, text, line_start FROM name_footnotes").fetchall()
    assert sorted(marked) == sorted((code, written) for code, written, *_ in notes)
    assert ("2.1.1", "Infor Jeunes Bruxelles*") in marked
    for _code, written, marker, text, line in notes:
        printed = STRATEGY[line - 1].strip()
        assert written.endswith(marker) and printed.startswith(f"{marker}:") and text in printed


def test_the_consultations_of_2_3_1_are_a_role_of_their_own(con):
    rows = con.execute(
        "SELECT member_id, confidence FROM workstream_members WHERE workstream_code = '2.3.1' AND role = 'consulted'"
    ).fetchall()
    consulted = con.execute(  # the qualifier stands in the workstream's row of the table
        "SELECT member_id, confidence, qualifier, w.line_start, w.line_end FROM workstream_consultations AS c"
        " JOIN workstreams AS w ON w.code = c.workstream_code"
    ).fetchall()
    assert sorted(rows) == sorted((member, sure) for member, sure, *_ in consulted) and len(rows) == 2
    for _member, _sure, qualifier, start, end in consulted:
        assert qualifier.startswith("in overleg met") and found_in_lines(qualifier, STRATEGY, start, end)
    steering = con.execute("SELECT member_id FROM responsibilities WHERE workstream_code = '2.3.1'").fetchall()
    assert {member for (member,) in steering}.isdisjoint(member for member, *_ in consulted)


def _printed_figures(quote: str) -> set[float]:
    return {float(n.replace(".", "").replace(",", ".")) for n in re.findall(r"\d[\d.,]*\d|\d", quote)}


def test_a_numeric_target_holds_a_figure_its_quote_prints_and_a_commitment_holds_none(con):
    rows = con.execute("SELECT target_id, kind, quote, target_value, target_unit, note FROM targets").fetchall()
    for target_id, kind, quote, value, unit, note in rows:
        if kind == "numeric_target":
            assert value is not None, target_id
            assert abs(value) in _printed_figures(quote) or "printed in words" in (note or ""), target_id
        if kind == "commitment":
            assert value is None and unit is None and note, target_id
    commitments = con.execute("SELECT workstream_code FROM targets WHERE kind = 'commitment'").fetchall()
    assert sorted(commitments) == [("1.3.3",), ("2.1.5",), ("2.5.5",)]


def test_the_2_5_5_parity_commitment_quotes_its_workstream(con):
    quote, start, end, title_start = con.execute("""
        SELECT t.quote, t.line_start, t.line_end, w.title_line_start FROM targets AS t
        JOIN workstreams AS w ON w.code = t.workstream_code WHERE t.workstream_code = '2.5.5'""").fetchone()
    assert "gelijke vertegenwoordiging van vrouwen en mannen" in quote
    assert found_in_lines(quote, STRATEGY, start, end) and start > title_start


HEADINGS = re.compile(r"^\s*(Doelstelling \d\.\d+:|Nieuwe doelstelling)")


def test_every_printed_reference_to_another_objective_is_a_cross_reference(con):
    spans = con.execute("SELECT line_start, line_end, target_objective FROM cross_references").fetchall()
    fiches = con.execute("SELECT min(line_start) FROM objectives").fetchone()[0]
    for number in range(fiches, len(STRATEGY) + 1):
        line = STRATEGY[number - 1]
        if HEADINGS.match(line) or not re.search(r"[Dd]oelstelling( \d|\s*$|\))", line):
            continue
        if "Strategie 2025" in line or "koolstofneutraliteitsdoelstelling" in line:
            continue
        assert any(start <= number <= end for start, end, _t in spans), (number, line)
    pillar = [t for start, end, t in spans if start <= _line_of("Pijler 1", 1236, 1250) <= end]
    assert pillar == ["1.1"]


def test_2_4_7_has_no_steering_body_only_its_printed_placeholder(con):
    (note,) = con.execute("SELECT steering_note FROM workstreams WHERE code = '2.4.7'").fetchone()
    assert note == "Aan te vullen" and STRATEGY[_line_of("Aan te vullen", 4166, 4175) - 1].startswith(note)
    roles = con.execute("""
        SELECT count(*) FROM (SELECT workstream_code FROM responsibilities UNION ALL
                              SELECT workstream_code FROM organisation_roles) WHERE workstream_code = '2.4.7'""")
    assert roles.fetchone()[0] == 0


# --- on the page: an inferred match is marked with its reason, a consultation is a role of its own ---------------

OBJECTIVES, WORKSTREAMS, MEMBERS = (
    "pages/explore/objectives.py",
    "pages/explore/workstreams.py",
    "pages/explore/members.py",
)


def _lines_with(app, text: str) -> list:
    """The page's lines naming `text` (not the Source control's list of where each name is printed)."""
    return [m for m in app.markdown if text in m.value and " — Source: " not in m.value]


def test_the_fiche_marks_an_inferred_partner_with_its_reason_and_lists_stated_ones_plainly(app_db, con):
    from tests.rendered import open_page

    app = open_page(OBJECTIVES, objective="1.1")
    lines = _lines_with(app, "Observatorium van de referentieprijzen")  # partner and committee: read, not printed
    basis = con.execute(
        "SELECT note FROM organisation_aliases"
        " WHERE org_id = 'observatorium_referentieprijzen' AND alias LIKE 'ESRBHG%'"
    ).fetchone()[0]
    assert len(lines) == 2
    for line in lines:
        assert "*Inferred, undecided*" in line.value
        assert basis[:40] in line.proto.help and "“ESRBHG (met onder meer" in line.proto.help
    stated = [m.value for m in app.markdown if "Innoviris, Leefmilieu Brussel" in m.value]
    assert stated and not any("Inferred" in line for line in stated)  # exact matches stay plain facts


def test_a_member_read_from_a_short_title_is_marked_inferred_on_the_fiche(app_db):
    from tests.rendered import open_page

    app = open_page(OBJECTIVES, objective="2.1")  # initiating: 'Minister van Werk', the employment minister
    (werk,) = [m for m in app.markdown if "“Minister van Werk”" in m.value]
    assert "*Inferred*" in werk.value and "Minister van Werk" in werk.proto.help
    assert any(s.value == "Consulted" for s in app.subheader)  # the body named after the committee list
    consulted = _lines_with(app, "Administratie van de Vlaamse Gemeenschap")
    assert consulted and any("Moeten aangesproken worden" in c.value for c in app.caption)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_why_a_member_is_inferred_is_given_in_the_interface_language(app_db, con, lang):
    """The reason behind an inferred match (the fiche's tooltip, the portfolio's "Why inferred" popover) is the
    Monitor's own text in the interface language, the printed title quoted as printed, never the English note."""
    from monitor.i18n import translate
    from tests.rendered import open_page

    english, written = con.execute(
        f"SELECT note, note_{lang} FROM member_aliases WHERE alias = 'Minister van Werk' AND confidence = 'inferred'"
    ).fetchone()
    app = open_page(OBJECTIVES, objective="2.1", lang=lang)
    (werk,) = [m for m in app.markdown if "“Minister van Werk”" in m.value]
    assert f"*{translate('match.inferred', lang)}*" in werk.value
    assert written[:60] in werk.proto.help and "Minister van Werk" in werk.proto.help
    assert english[:40] not in werk.proto.help
    english, written = con.execute(
        f"SELECT note, note_{lang} FROM member_aliases"
        " WHERE alias = 'Minister-President' AND member_id = 'brussels_minister_president'"
    ).fetchone()
    portfolio = open_page(MEMBERS, member="brussels_minister_president", role="consulted", lang=lang)
    reasons = [m.value for m in portfolio.markdown if f"({translate('match.inferred', lang)}):" in m.value]
    assert any(written[:60] in why for why in reasons), reasons
    assert not any(english[:40] in why for why in reasons)
    stated = open_page(OBJECTIVES, objective="1.1", lang=lang)  # initiating under its full printed title
    (climate,) = [m for m in stated.markdown if m.value.startswith("- **") and "Klimaattransitie" in m.value]
    assert climate.proto.help == ""  # a stated role has no reason (its note, in English only, is not shown)


def test_an_unresolved_title_and_a_footnote_show_with_the_names_they_concern(app_db):
    from tests.rendered import open_page

    patrimony = open_page(WORKSTREAMS, workstream="2.5.3")
    (line,) = _lines_with(patrimony, "Minister van Patrimonium")
    assert "Title tied to no member" in line.value and "do not say who holds it" in line.proto.help
    informing = open_page(WORKSTREAMS, workstream="2.1.1")
    (line,) = _lines_with(informing, "Infor Jeunes Bruxelles")
    footnotes = [c.value for c in informing.caption]
    assert "Footnote printed with the name: “\\*: voorstel dat voorligt ter validering bij de partners”" in footnotes


def test_the_portfolio_and_the_matrix_give_consultations_a_role_of_their_own(app_db):
    from tests.rendered import open_page

    app = open_page(MEMBERS, member="brussels_minister_president", role="consulted")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Consulted (in overleg met)"] == "0"  # the Minister-President is consulted under a bare title
    assert "+ 1 inferred" in [c.value for c in app.caption]
    portfolio = app.dataframe[0].value
    rows = list(zip(portfolio["Role"], portfolio["Code"], portfolio["How sure"], strict=True))
    assert ("Consulted (in overleg met)", "2.3.1", "Inferred") in rows
    assert any("Minister-President" in m.value and "(Inferred)" in m.value for m in app.markdown)  # why, a click away
    climate = open_page(MEMBERS, member="brussels_minister_climate_environment", role="consulted")
    figure = json.loads(climate.get("plotly_chart")[0].proto.spec)
    cells = [cell for row in figure["data"][0]["text"] for cell in row]
    assert any("C1" in cell.split() for cell in cells)  # consulted on 2.3.1 under its full printed title: stated
    assert any("C1?" in cell.split() for cell in cells)  # the Minister-President, under its bare title: inferred
    members = climate.table[-1].value
    (row,) = members[members.iloc[:, 0].str.contains("Klimaattransitie")].to_dict("records")
    assert row["Consulted on"] == 1 and row["Government"] == "Brussels-Capital Region"
    (patrimony,) = members[members.iloc[:, 0].str.contains("Patrimonium")].to_dict("records")
    assert patrimony["Government"] == "Title tied to no member"
    assert members.iloc[-1, 0].endswith("Minister van Patrimonium")  # listed apart, after every member and group


def test_the_flow_marks_a_link_that_rests_only_on_an_inferred_title(app_db):
    """Who does what's flow: a member → objective link the documents state is grey; one the Monitor only reads
    (every title giving it is inferred or undecided) is orange, says so on hover, and is counted under the chart."""
    from monitor import cache
    from monitor.explore import charts
    from monitor.explore.filters import Filters
    from tests.rendered import open_page

    links = cache.product("flow", Filters())
    roles = cache.member_roles(Filters())
    for member, objective, stated in zip(links["source"], links["target"], links["stated"], strict=True):
        if "." in member:
            continue  # objective → workstream links: no member
        sure = roles[(roles["member_name"] == member) & (roles["objective_code"] == objective)]["confidence"]
        assert stated == (sure == "exact").any(), (member, objective)
    assert 0 < (~links["stated"]).sum() < len(links)
    figure = charts.responsibility_flow(links, "inferred")
    colours = figure["data"][0]["link"]["color"]
    assert colours.count(charts.INFERRED_LINK) == (~links["stated"]).sum()
    app = open_page("pages/explore/members.py")
    assert any(c.value.startswith(f"In orange, {(~links['stated']).sum()} links") for c in app.caption)


def test_initiating_members_read_from_a_title_say_inferred_on_the_lists_and_the_deck(app_db):
    """Objective 1.4's Minister-President is named "Minister-President" (a title the Monitor reads as the member):
    the landing page's rows, the Objectives list and the deck's objective slide mark it; 1.1's stated ones not."""
    from monitor import cache
    from monitor.deck import parts, slide_html
    from tests.rendered import open_page

    listed = cache.query("objectives_list").set_index("code")
    assert "Minister-President" in listed.loc["1.4", "initiating_inferred"]
    assert not isinstance(listed.loc["1.1", "initiating_inferred"], str)
    for page in ("pages/explore/overview.py", "pages/explore/objectives.py"):
        app = open_page(page) if page.endswith("objectives.py") else open_page()
        grid = next(frame.value for frame in app.dataframe if "Code" in frame.value.columns)
        initiating = next(column for column in grid.columns if column.startswith("Initiat"))
        shown = dict(zip(grid["Code"], grid[initiating], strict=True))
        assert shown["1.4"].endswith("Stadsvernieuwing (inferred)"), page
        assert "(inferred)" not in shown["1.1"], page
    source = parts.Source(date(2026, 6, 11), cache)
    html = slide_html.render("objective/1.4", source, "en")[0]
    assert "Stadsvernieuwing <em>(inferred)</em>" in html
    assert "<em>(inferred)</em>" not in slide_html.render("objective/1.1", source, "en")[0]
