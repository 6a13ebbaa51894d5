"""The global filters: URL parsing, and the facet index checked against the database itself."""

from __future__ import annotations

import itertools

import pytest

from monitor.explore.filters import (
    MAX_SEARCH_LENGTH,
    FacetIndex,
    Filters,
    KnownValues,
    parse_query,
    search_words,
    to_query,
)
from monitor.storage import db

KNOWN = KnownValues(
    pillars=frozenset({1, 2}), members=frozenset({"m1", "m2"}), orgs=frozenset({"o1"}), themes=frozenset({"economy"})
)


def test_parse_keeps_known_codes_and_reports_the_rest():
    parsed = parse_query(
        {
            "pillar": ["1", "7", "x"],
            "priority": "shared,urgent",
            "member": "m2,zz",
            "role": "steering",
            "org": "o1",
            "theme": "economy,<b>",
            "q": "  klimaat  ",
        },
        KNOWN,
    )
    assert parsed.filters == Filters(
        pillar=(1,),
        priority=("shared",),
        member=("m2",),
        role=("steering",),
        org=("o1",),
        theme=("economy",),
        q="klimaat",
    )
    assert sorted(parsed.rejected) == sorted(
        [("pillar", "7"), ("pillar", "x"), ("priority", "urgent"), ("member", "zz"), ("theme", "<b>")]
    )


def test_parse_ignores_duplicates_and_empty_values():
    parsed = parse_query({"pillar": "1,1,,2", "priority": ""}, KNOWN)
    assert parsed.filters == Filters(pillar=(1, 2)) and parsed.rejected == []


def test_overlong_search_is_cut_and_reported():
    parsed = parse_query({"q": "a" * (MAX_SEARCH_LENGTH + 50)}, KNOWN)
    assert len(parsed.filters.q) == MAX_SEARCH_LENGTH and parsed.rejected[0][0] == "q"


def test_url_round_trip():
    filters = Filters(pillar=(2,), priority=("shared", "mixed"), member=("m1",), q="jongeren werk")
    assert parse_query(to_query(filters), KNOWN).filters == filters
    assert to_query(Filters()) == {}


def test_search_words_ignore_case_and_accents():
    assert search_words("Créer  ÉCONOMIE coöperatie") == ["creer", "economie", "cooperatie"]


@pytest.fixture(scope="module")
def index(built_db) -> FacetIndex:
    db.close_all()
    rows = db.run("workstream_index", path=built_db).to_dict("records")
    links = db.run("workstream_links", path=built_db).to_dict("records")
    return FacetIndex.from_rows(rows, links)


def sql_codes(con, where: str, params: dict | None = None) -> list[str]:
    query = f"""SELECT w.code FROM workstreams AS w JOIN objectives AS o ON o.code = w.objective_code
                WHERE {where} ORDER BY w.sort_order"""
    return [code for (code,) in con.execute(query, params or {}).fetchall()]


def test_no_filter_is_everything(index, con):
    assert index.codes(Filters()) == sql_codes(con, "true")


def test_pillar_and_priority(index, con):
    assert index.codes(Filters(pillar=(2,), priority=("shared",))) == sql_codes(
        con, "o.pillar = 2 AND o.priority_type = 'shared'"
    )


def test_member_roles_follow_the_document(index, con):
    member = "brussels_minister_employment"
    steering = sql_codes(
        con,
        "w.code IN (SELECT workstream_code FROM responsibilities WHERE member_id = $m AND role = 'steering')",
        {"m": member},
    )
    initiating = sql_codes(
        con,
        "o.code IN (SELECT objective_code FROM responsibilities WHERE member_id = $m AND role = 'initiating')",
        {"m": member},
    )
    assert index.codes(Filters(member=(member,), role=("steering",))) == steering
    assert index.codes(Filters(member=(member,), role=("initiating",))) == initiating
    both = index.codes(Filters(member=(member,), role=("steering", "initiating")))
    assert set(both) == set(steering) | set(initiating)


def test_organisation_and_theme(index, con):
    assert index.codes(Filters(org=("brupartners",))) == sql_codes(
        con,
        """w.code IN (
        SELECT w2.code FROM workstreams AS w2 JOIN organisation_roles AS g ON g.objective_code = w2.objective_code
        AND (g.workstream_code IS NULL OR g.workstream_code = w2.code) WHERE g.org_id = 'brupartners')""",
    )
    assert index.codes(Filters(theme=("mobility",))) == sql_codes(
        con, "o.code IN (SELECT objective_code FROM objective_themes WHERE domain_id = 'mobility')"
    )


def test_search_is_accent_and_case_insensitive(index, con):
    plain = index.codes(Filters(q="creeren"))
    assert plain and plain == index.codes(Filters(q="CRÉËREN"))
    assert index.codes(Filters(q="1.4.5")) == ["1.4.5"]
    assert index.codes(Filters(q="klimaat transitie")) == sql_codes(
        con,
        "strip_accents(lower(concat_ws(' ', w.code, w.title, w.description, o.code, o.title))) LIKE '%klimaat%'"
        " AND strip_accents(lower(concat_ws(' ', w.code, w.title, w.description, o.code, o.title)))"
        " LIKE '%transitie%'",
    )


def test_empty_result(index):
    assert index.codes(Filters(q="zzzqqq")) == []
    assert index.codes(Filters(pillar=(1,), theme=("welfare_health",), priority=("consulted",))) == []


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(pillar=(1,)),
        Filters(priority=("shared",), theme=("employment",)),
        Filters(member=("brussels_minister_president",), role=("initiating",)),
        Filters(q="jongeren"),
        Filters(org=("brupartners",), ws_priority=("none",)),
    ],
)
def test_live_counts_equal_what_choosing_the_option_gives(index, filters):
    counts = index.all_counts(filters)
    for facet in ("pillar", "priority", "ws_priority", "theme", "org"):
        for option, (objectives, workstreams) in counts[facet].items():
            value = int(option) if facet == "pillar" else option
            chosen = index.codes(Filters(**{**filters.__dict__, facet: (value,)}))
            assert (len({c.rsplit(".", 1)[0] for c in chosen}), len(chosen)) == (objectives, workstreams)
    for member, (_, workstreams) in itertools.islice(counts["member"].items(), 8):
        chosen = index.codes(Filters(**{**filters.__dict__, "member": (member,)}))
        assert len(chosen) == workstreams
