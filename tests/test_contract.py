"""The public data contract of the built file: names, keys, references and accepted values."""

from __future__ import annotations

import pytest

CONTRACT = {
    "objectives": ["code", "pillar", "title", "priority_type"],
    "workstreams": ["code", "objective_code", "title", "priority_type"],
    "government_members": ["member_id", "name", "government"],
    "responsibilities": ["member_id", "role", "objective_code", "workstream_code"],
    "indicators": ["indicator_id", "name", "unit", "source"],
    "indicator_values": ["indicator_id", "year", "value"],
    "shared_priorities": ["number", "title", "domain"],
}

ACCEPTED = {
    ("objectives", "priority_type"): {"shared", "consulted", "mixed"},
    ("workstreams", "priority_type"): {"shared", "consulted", None},
    ("responsibilities", "role"): {"initiating", "associated", "steering"},
    ("government_members", "government"): {
        "brussels_region",
        "cocof",
        "vgc",
        "ggc",
        "french_community",
        "flemish_community",
        "collective",
    },
}

PRIMARY_KEYS = {
    "objectives": ["code"],
    "workstreams": ["code"],
    "government_members": ["member_id"],
    "indicators": ["indicator_id"],
    "indicator_values": ["indicator_id", "year"],
    "shared_priorities": ["number"],
    "member_aliases": ["alias", "member_id"],
    "organisations": ["org_id"],
}


@pytest.mark.parametrize("table", CONTRACT)
def test_contract_columns_exist(con, table):
    columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
    assert set(CONTRACT[table]) <= set(columns)


@pytest.mark.parametrize(("table", "column"), ACCEPTED)
def test_accepted_values(con, table, column):
    values = {value for (value,) in con.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall()}
    assert values <= ACCEPTED[(table, column)]


@pytest.mark.parametrize("table", PRIMARY_KEYS)
def test_primary_keys_are_declared(con, table):
    declared = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints()"
        " WHERE table_name = $table AND constraint_type = 'PRIMARY KEY'",
        {"table": table},
    ).fetchall()
    assert [list(row[0]) for row in declared] == [PRIMARY_KEYS[table]]


def test_foreign_keys_are_declared(con):
    declared = {
        (t, tuple(c))
        for t, c in con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
        ).fetchall()
    }
    for expected in [
        ("workstreams", ("objective_code",)),
        ("responsibilities", ("member_id",)),
        ("responsibilities", ("workstream_code",)),
        ("indicator_values", ("indicator_id",)),
        ("member_aliases", ("member_id",)),
        ("shared_priorities", ("domain_id",)),
    ]:
        assert expected in declared


def test_role_level_rule(con):
    misplaced = con.execute("""
        SELECT count(*) FROM responsibilities
        WHERE (role IN ('initiating', 'associated') AND workstream_code IS NOT NULL)
           OR (role = 'steering' AND workstream_code IS NULL)""").fetchone()[0]
    assert misplaced == 0


def test_steering_belongs_to_the_workstreams_objective(con):
    mismatched = con.execute("""
        SELECT r.workstream_code FROM responsibilities AS r JOIN workstreams AS w ON w.code = r.workstream_code
        WHERE w.objective_code <> r.objective_code""").fetchall()
    assert mismatched == []


# Not facts of the documents: the build's record, the documents themselves, tables derived from other
# tables at build time, and the editorial mappings (themes; indicator directions and links): their rationale
# column is their provenance.
WITHOUT_LINES = {
    "build_info",
    "documents",
    "workstream_members",
    "workstream_organisations",
    "workstream_search",
    "objective_themes",
    "indicator_directions",
    "indicator_objectives",
}


def test_every_fact_carries_its_provenance(con):
    tables = [name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    tables = [name for name in tables if name not in WITHOUT_LINES]
    for table in tables:
        columns = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        assert "document" in columns, table
        assert {"line_start", "line_end"} <= columns or {"title_line_start", "title_line_end"} <= columns, table
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE document NOT IN (SELECT document FROM documents)"
        ).fetchone()[0]
        assert orphans == 0, table
