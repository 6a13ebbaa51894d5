"""The build: malformed sources fail with file, row and column, and never leave a partial database."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from monitor.build.database import build_database, main
from monitor.core.errors import SourceError
from monitor.core.paths import DOCUMENTS_DIR, SOURCES_DIR


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "data" / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    return copy


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def break_year(s: Path) -> None:
    replace_in(s / "indicator_values.csv", "unemployment_rate_15_64,2014,", "unemployment_rate_15_64,twenty14,")


def break_alias(s: Path) -> None:
    replace_in(s / "objectives" / "1.1.yaml", "- text: Minister-President\n", "- text: Minister van Niets\n")


def duplicate_member(s: Path) -> None:
    path = s / "government_members.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")


def dangling_reference(s: Path) -> None:
    replace_in(s / "objectives" / "1.4.yaml", "target_workstream: 1.8.2", "target_workstream: 1.8.99")


def bad_yaml(s: Path) -> None:
    (s / "objectives" / "1.2.yaml").write_text("code: '1.2'\nworkstreams: [unclosed\n", encoding="utf-8")


def out_of_range(s: Path) -> None:
    replace_in(s / "pillars.csv", ",34,34,", ",34,99999,")


def wrong_value(s: Path) -> None:
    replace_in(s / "indicator_values.csv", "unemployment_rate_15_64,2014,18.5,", "unemployment_rate_15_64,2014,0,")


def bad_priority(s: Path) -> None:
    replace_in(s / "objectives" / "1.1.yaml", "priority_type: shared", "priority_type: urgent")


def not_utf8(s: Path) -> None:
    (s / "policy_domains.csv").write_bytes("domain_id,name\nx,caf\xe9\n".encode("latin-1"))


def invented_title(s: Path) -> None:
    replace_in(s / "documents.csv", ",Strategie Go4Brussels 2030,", ",Brussels strategy 2030,")


def english_changed(s: Path) -> None:
    """An editor rewords a rationale without writing its Dutch and French again."""
    replace_in(s / "objective_themes.csv", "circular economy, economic support instruments.", "circular economy.")


def french_left_out(s: Path) -> None:
    path = s / "own_texts" / "indicator_directions.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first_french = next(number for number, line in enumerate(lines) if line.startswith("  fr:"))
    path.write_text("".join(lines[:first_french] + lines[first_french + 1 :]), encoding="utf-8")


def note_without_translation(s: Path) -> None:
    replace_in(s / "objectives" / "2.6.yaml", "the only free number in that position.", "the only free number there.")


def reason_reworded(s: Path) -> None:
    """The reason of an inferred match, shown on screen, is reworded without its Dutch and French."""
    replace_in(s / "member_aliases.csv", "joined per the hyphen rule", "joined at the hyphen")


CASES: list[tuple[Callable[[Path], None], str, str, str]] = [
    (break_year, "indicator_values.csv", "2", "year"),
    (break_alias, "objectives/1.1.yaml", "associated[0]", "text"),
    (duplicate_member, "government_members.csv", "", "member_id"),
    (dangling_reference, "objectives/1.4.yaml", "", "target_workstream"),
    (bad_yaml, "objectives/1.2.yaml", "-", "-"),
    (out_of_range, "pillars.csv", "2", "line_start"),
    (wrong_value, "indicator_values.csv", "2", "value"),
    (bad_priority, "objectives/1.1.yaml", "-", "priority_type"),
    (not_utf8, "policy_domains.csv", "-", "-"),
    (invented_title, "documents.csv", "3", "title"),
    (english_changed, "objective_themes.csv", "2", "rationale"),
    (french_left_out, "indicator_directions.csv", "2", "rationale"),
    (note_without_translation, "objectives/2.6.yaml", "workstreams[3]", "code_note"),
    (reason_reworded, "member_aliases.csv", "4", "note"),
]


@pytest.mark.parametrize(("damage", "file", "row", "column"), CASES, ids=[c[0].__name__ for c in CASES])
def test_malformed_source_names_file_row_column_and_writes_nothing(sources, tmp_path, damage, file, row, column):
    target = tmp_path / "strategy.duckdb"
    target.write_bytes(b"previous database")
    damage(sources)
    with pytest.raises(SourceError) as failure:
        build_database(target, sources, DOCUMENTS_DIR)
    problems = [p for p in failure.value.problems if p.file.endswith(file)]
    assert problems, str(failure.value)
    assert any((not row or p.row == row) and p.column == column for p in problems), str(failure.value)
    assert target.read_bytes() == b"previous database"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".building")] == []


def test_a_text_of_the_monitor_without_its_dutch_or_french_names_its_row_and_where_to_write_it(sources, tmp_path):
    english_changed(sources)
    french_left_out(sources)
    with pytest.raises(SourceError) as failure:
        build_database(tmp_path / "strategy.duckdb", sources, DOCUMENTS_DIR)
    said = [str(problem) for problem in failure.value.problems]
    assert sorted(said) == [
        "data/sources/indicator_directions.csv, row 2, column 'rationale': has no French (fr) text: write it under its"
        " English in data/sources/own_texts/indicator_directions.yaml",
        "data/sources/objective_themes.csv, row 2, column 'rationale': has no Dutch (nl) and no French (fr) text:"
        " write it under its English in data/sources/own_texts/objective_themes.yaml",
        "data/sources/own_texts/objective_themes.yaml, row [0], column 'en': matches no text of its sources (was the"
        " English changed?): \"Title: 'De voorwaarden creëren voor de economische transitie'; workstreams: circ\"",
    ]


def test_the_note_of_an_exact_match_is_never_shown_and_needs_no_dutch_or_french(sources, tmp_path):
    target = tmp_path / "strategy.duckdb"
    replace_in(
        sources / "member_aliases.csv", "Fiche 1.1 initiating; many fiches", "Fiche 1.1 initiating; several fiches"
    )
    build_database(target, sources, DOCUMENTS_DIR)
    with duckdb.connect(str(target), read_only=True) as con:
        (row,) = con.execute(
            "SELECT confidence, note_nl, note_fr FROM member_aliases WHERE note LIKE 'Fiche 1.1 initiating; several%'"
        ).fetchall()
    assert row == ("exact", None, None)


def test_cli_reports_the_problem_and_exits_non_zero(sources, tmp_path, capsys, monkeypatch):
    from monitor.build import database as build

    break_year(sources)
    monkeypatch.setattr(build, "SOURCES_DIR", sources)
    monkeypatch.setattr(build, "build_database", lambda target: build_database(target, sources, DOCUMENTS_DIR))
    assert main(["--db", str(tmp_path / "x.duckdb")]) == 1
    assert "indicator_values.csv, row 2, column 'year'" in capsys.readouterr().err
    assert not (tmp_path / "x.duckdb").exists()


def test_rebuild_replaces_the_file_atomically_and_readers_keep_the_old_one(tmp_path):
    target = tmp_path / "strategy.duckdb"
    build_database(target, SOURCES_DIR, DOCUMENTS_DIR)
    reader = duckdb.connect(str(target), read_only=True)
    first = reader.execute("SELECT built_at FROM build_info").fetchone()
    build_database(target, SOURCES_DIR, DOCUMENTS_DIR)
    assert reader.execute("SELECT built_at FROM build_info").fetchone() == first  # old file still open
    reader.close()
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute("SELECT built_at FROM build_info").fetchone() > first
        assert fresh.execute("SELECT count(*) FROM workstreams").fetchone() == (100,)


def test_build_is_reproducible(tmp_path):
    tables = ["objectives", "workstreams", "responsibilities", "member_aliases", "indicator_values"]
    contents = []
    for name in ("a.duckdb", "b.duckdb"):
        build_database(tmp_path / name, SOURCES_DIR, DOCUMENTS_DIR)
        with duckdb.connect(str(tmp_path / name), read_only=True) as connection:
            contents.append([connection.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables])
    assert contents[0] == contents[1]
