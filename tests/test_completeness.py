"""Completeness, derived from the documents themselves: nothing printed is missing from the data."""

from __future__ import annotations

import re

from monitor.build.sources import STRATEGY_DOCUMENT
from monitor.core.paths import DOCUMENTS_DIR
from monitor.core.text import document_lines

STRATEGY = document_lines(DOCUMENTS_DIR / STRATEGY_DOCUMENT)
CODE_LINE = re.compile(r"^\s*(\d\.\d+\.\d+)(\s|$)")
FICHE_HEADING = re.compile(r"^\s+Doelstelling (\d\.\d+):")  # body headings are indented, the contents not
TOC_ENTRY = re.compile(r"^Doelstelling (\d\.\d+):")


def printed_workstream_codes() -> list[tuple[int, str]]:
    return [(number, m.group(1)) for number, line in enumerate(STRATEGY, start=1) if (m := CODE_LINE.match(line))]


def test_every_printed_workstream_code_line_is_exactly_one_workstream(con):
    printed = printed_workstream_codes()
    rows = con.execute(
        "SELECT code_printed, title_line_start FROM workstreams WHERE code_printed IS NOT NULL"
    ).fetchall()
    in_data = sorted((line, code) for code, line in rows)
    assert in_data == sorted(printed)


def test_workstreams_without_a_printed_code_are_explained(con):
    unexplained = con.execute(
        "SELECT code FROM workstreams WHERE code_printed IS NULL AND code_note IS NULL"
    ).fetchall()
    assert unexplained == []


def test_objectives_match_the_table_of_contents_and_the_fiche_headings(con):
    toc = [m.group(1) for line in STRATEGY[:100] if (m := TOC_ENTRY.match(line))]
    headings = [m.group(1) for line in STRATEGY if (m := FICHE_HEADING.match(line))]
    in_data = [code for (code,) in con.execute("SELECT code FROM objectives ORDER BY sort_order").fetchall()]
    assert toc == headings == in_data
    assert len(in_data) == 17


def test_every_objective_has_its_fiche(con):
    incomplete = con.execute("""
        SELECT o.code
        FROM objectives AS o
        WHERE length(o.general_objectives) < 100
           OR o.status_vs_2025 = ''
           OR NOT EXISTS (SELECT 1 FROM responsibilities AS r
                          WHERE r.objective_code = o.code AND r.role = 'initiating')
           OR NOT EXISTS (SELECT 1 FROM workstreams AS w WHERE w.objective_code = o.code)
           OR (o.partners_note IS NULL AND NOT EXISTS (
                  SELECT 1 FROM organisation_roles AS g WHERE g.objective_code = o.code AND g.role = 'partner'))
           OR (o.steering_committee_note IS NULL AND NOT EXISTS (
                  SELECT 1 FROM organisation_roles AS g
                  WHERE g.objective_code = o.code AND g.role = 'steering_committee'))
    """).fetchall()
    assert incomplete == []


def test_every_workstream_is_steered_by_someone(con):
    unsteered = con.execute("""
        SELECT w.code FROM workstreams AS w
        WHERE NOT EXISTS (SELECT 1 FROM responsibilities AS r WHERE r.workstream_code = w.code)
          AND NOT EXISTS (SELECT 1 FROM organisation_roles AS g WHERE g.workstream_code = w.code)
          AND w.steering_note IS NULL
    """).fetchall()
    assert unsteered == []


def test_priority_type_follows_the_printed_text(con):
    for code, text, kind, note in con.execute(
        "SELECT code, priority_text, priority_type, priority_note FROM objectives"
    ).fetchall():
        plain = text.strip().lower()
        if plain == "gedeelde prioriteit":
            assert kind == "shared", code
        elif plain == "overlegde prioriteit":
            assert kind == "consulted", code
        else:
            assert kind == "mixed" and note, f"{code}: a sentence as priority must be modelled and explained"


def test_every_member_and_organisation_is_named_somewhere(con):
    unused_members = con.execute("""
        SELECT member_id FROM government_members
        WHERE member_id NOT IN (SELECT member_id FROM responsibilities)
          AND member_id NOT IN (SELECT member_id FROM source_version_roles WHERE member_id IS NOT NULL)
          AND member_id NOT IN (SELECT member_id FROM committee_members)
          AND member_id NOT IN (SELECT member_id FROM workstream_consultations)
    """).fetchall()
    unused_organisations = con.execute("""
        SELECT org_id FROM organisations
        WHERE org_id NOT IN (SELECT org_id FROM organisation_roles)
          AND org_id NOT IN (SELECT org_id FROM source_version_roles WHERE org_id IS NOT NULL)
    """).fetchall()
    assert unused_members == [] and unused_organisations == []


def test_every_key_figure_cell_is_present(con):
    per_indicator = con.execute(
        "SELECT indicator_id, list(year ORDER BY year) FROM indicator_values GROUP BY ALL"
    ).fetchall()
    assert per_indicator and all(years == [2014, 2015, 2016, 2017, 2018] for _, years in per_indicator)


def test_seventeen_shared_priorities_in_seven_domains(con):
    numbers = [n for (n,) in con.execute("SELECT number FROM shared_priorities ORDER BY number").fetchall()]
    assert numbers == list(range(1, 18))
    assert con.execute("SELECT count(*) FROM policy_domains").fetchone() == (7,)
