"""The READMEs stay true: every table and column is documented, stated counts match, commands exist."""

from __future__ import annotations

import re

from monitor.paths import DATA_DIR, PROJECT_ROOT

DATA_README = (DATA_DIR / "README.md").read_text(encoding="utf-8")
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")


def test_every_table_and_column_is_in_the_data_dictionary(con):
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns()"
        " WHERE table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall():
        assert f"`{table}`" in DATA_README, table
        documented = column in DATA_README or (
            column in {"document", "line_start", "line_end"} and "provenance" in DATA_README
        )
        assert documented, f"{table}.{column}"


def test_counts_stated_in_the_data_dictionary_are_true(con):
    stated = int(re.search(r"All (\d+) are in the `irregularities` table", DATA_README).group(1))
    assert stated == con.execute("SELECT count(*) FROM irregularities").fetchone()[0]
    match = re.search(
        r"(\d+) distinct title strings map to (\d+) members and groups \((\d+) exact, (\d+) inferred,"
        r"\s+(\d+) undecided\)",
        DATA_README,
    )
    aliases, members, exact, inferred, undecided = map(int, match.groups())
    assert aliases == con.execute("SELECT count(DISTINCT alias) FROM member_aliases").fetchone()[0]
    assert members == con.execute("SELECT count(*) FROM government_members").fetchone()[0]
    by_confidence = dict(con.execute("SELECT confidence, count(*) FROM member_aliases GROUP BY ALL").fetchall())
    assert (exact, inferred, undecided) == (
        by_confidence["exact"],
        by_confidence["inferred"],
        by_confidence["undecided"],
    )


def test_readme_commands_are_make_targets():
    for target in re.findall(r"make (\w+)", README):
        assert re.search(rf"^{target}:", MAKEFILE, flags=re.M), target


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in README


def test_readme_lists_every_page():
    dashboard = (PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8")
    for url_path in re.findall(r'url_path="([\w-]+)"', dashboard):
        assert f"`/{url_path}`" in README, url_path
    assert "default=True" in dashboard and "`/` (the default page)" in README


def test_every_user_store_table_and_column_is_documented(isolated_store):
    from monitor import store

    for table, column in (
        store.connection()
        .execute(
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE table_name IN (SELECT table_name FROM duckdb_tables())"
        )
        .fetchall()
    ):
        assert f"`{table}`" in DATA_README, table
        assert column in DATA_README, f"{table}.{column}"


def test_readme_code_layout_names_every_module():
    for module in sorted((PROJECT_ROOT / "monitor").glob("*.py")):
        if module.name != "__init__.py":
            assert module.name in README, module.name
