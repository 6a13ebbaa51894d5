"""Data contracts checked on the loaded rows before anything is written: unique keys, references
that resolve, accepted values. Each problem names the source file, row and column it came from."""

from __future__ import annotations

from collections import Counter
from typing import Any

from monitor.build.own_texts import OWN_TEXTS, OWN_TEXTS_DIR, TRANSLATED, translated_column
from monitor.core.errors import SourceProblem
from monitor.core.numbers import parse_printed_number

Row = dict[str, Any]

UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("document",),
    "pillars": ("pillar",),
    "objectives": ("code",),
    "workstreams": ("code",),
    "government_members": ("member_id",),
    "member_aliases": ("alias", "member_id"),
    "organisations": ("org_id",),
    "organisation_aliases": ("alias", "org_id"),
    "indicators": ("indicator_id",),
    "indicator_values": ("indicator_id", "year"),
    "policy_domains": ("domain_id",),
    "shared_priorities": ("number",),
    "source_version_items": ("version_id", "number"),
    "objective_themes": ("objective_code", "domain_id"),
    "indicator_directions": ("indicator_id",),
    "indicator_objectives": ("indicator_id", "objective_code"),
    "target_indicators": ("target_id",),
}

REFERENCES: list[tuple[str, str, str, str]] = [
    ("objectives", "pillar", "pillars", "pillar"),
    ("workstreams", "objective_code", "objectives", "code"),
    ("member_aliases", "member_id", "government_members", "member_id"),
    ("organisation_aliases", "org_id", "organisations", "org_id"),
    ("cross_references", "from_workstream", "workstreams", "code"),
    ("cross_references", "target_objective", "objectives", "code"),
    ("cross_references", "target_workstream", "workstreams", "code"),
    ("indicator_values", "indicator_id", "indicators", "indicator_id"),
    ("targets", "workstream_code", "workstreams", "code"),
    ("shared_priorities", "domain_id", "policy_domains", "domain_id"),
    ("source_versions", "objective_code", "objectives", "code"),
    ("source_version_items", "linked_workstream", "workstreams", "code"),
    ("objective_themes", "objective_code", "objectives", "code"),
    ("objective_themes", "domain_id", "policy_domains", "domain_id"),
    ("indicator_directions", "indicator_id", "indicators", "indicator_id"),
    ("indicator_objectives", "indicator_id", "indicators", "indicator_id"),
    ("indicator_objectives", "objective_code", "objectives", "code"),
    ("target_indicators", "indicator_id", "indicators", "indicator_id"),
]

ACCEPTED: dict[tuple[str, str], set[str]] = {
    ("government_members", "government"): {
        "brussels_region",
        "cocof",
        "vgc",
        "ggc",
        "french_community",
        "flemish_community",
        "collective",
    },
    ("government_members", "kind"): {
        "minister_president",
        "minister",
        "state_secretary",
        "college_member",
        "group",
        "unresolved",
    },
    ("member_aliases", "confidence"): {"exact", "inferred", "undecided"},
    ("organisation_aliases", "confidence"): {"exact", "inferred", "undecided"},
    ("organisations", "kind"): {
        "social_partners",
        "regional_public_body",
        "community_body",
        "local_authority",
        "non_profit",
        "other",
    },
}


def _where(table: str, row: Row) -> tuple[str, str]:
    return str(row.get("_file") or f"table {table}"), str(row.get("_row") or "-")


def check_contracts(tables: dict[str, list[Row]]) -> list[SourceProblem]:
    problems: list[SourceProblem] = []
    for table, key in UNIQUE_KEYS.items():
        counts = Counter(tuple(row.get(column) for column in key) for row in tables.get(table, []))
        for row in tables.get(table, []):
            value = tuple(row.get(column) for column in key)
            if counts[value] > 1 and None not in value:
                problems.append(
                    SourceProblem(
                        *_where(table, row), ", ".join(key), f"duplicate key {value if len(value) > 1 else value[0]!r}"
                    )
                )
    for table, column, target, target_column in REFERENCES:
        known = {row.get(target_column) for row in tables.get(target, [])}
        for row in tables.get(table, []):
            value = row.get(column)
            if value is not None and value not in known:
                problems.append(SourceProblem(*_where(table, row), column, f"{value!r} is not a known {target}"))
    for (table, column), allowed in ACCEPTED.items():
        for row in tables.get(table, []):
            value = row.get(column)
            if value is not None and value not in allowed:
                problems.append(
                    SourceProblem(*_where(table, row), column, f"{value!r} is not one of {', '.join(sorted(allowed))}")
                )
    for row in tables.get("workstreams", []):
        if row.get("code") != row.get("code_printed") and not row.get("code_note"):
            problems.append(
                SourceProblem(
                    *_where("workstreams", row), "code_note", "is required when code differs from code_printed"
                )
            )
    for row in tables.get("indicator_values", []):
        problems.extend(_check_printed_value(row))
    problems.extend(_check_own_texts(tables))
    primaries = Counter(row["objective_code"] for row in tables.get("objective_themes", []) if row.get("is_primary"))
    for row in tables.get("objectives", []):
        if primaries[row.get("code")] != 1:
            problems.append(
                SourceProblem(
                    "data/sources/objective_themes.csv",
                    "-",
                    "is_primary",
                    f"objective {row.get('code')} needs exactly one primary theme",
                )
            )
    return problems


LANGUAGE_NAMES = {"nl": "Dutch", "fr": "French"}

# Own texts that are never shown need no Dutch or French: table -> (column, value) of the rows they stand in.
# The note of an exact match is the curators' record of where the title is printed; only the reason of a match
# that is not exact (inferred, undecided) is shown, in a tooltip or the "Why inferred" popover (ui/matches.py).
NEVER_SHOWN: dict[str, tuple[str, str]] = {
    "member_aliases": ("confidence", "exact"),
    "organisation_aliases": ("confidence", "exact"),
}


def is_shown(table: str, row: Row) -> bool:
    """Whether the own texts of this row reach the screen, and so need their Dutch and French."""
    column, value = NEVER_SHOWN.get(table, (None, None))
    return column is None or row.get(column) != value


def _check_own_texts(tables: dict[str, list[Row]]) -> list[SourceProblem]:
    """Every text the Monitor writes itself is there in Dutch and French too (the English is the source's)."""
    problems = []
    for table, (name, columns) in OWN_TEXTS.items():
        for row in tables.get(table, []):
            if not is_shown(table, row):
                continue
            for column in columns:
                missing = [
                    f"{LANGUAGE_NAMES[language]} ({language})"
                    for language in TRANSLATED
                    if row.get(column) and not row.get(translated_column(column, language))
                ]
                if missing:
                    problems.append(
                        SourceProblem(
                            *_where(table, row),
                            column,
                            f"has no {' and no '.join(missing)} text: write it under its English in "
                            f"data/sources/{OWN_TEXTS_DIR}/{name}.yaml",
                        )
                    )
    return problems


def _check_printed_value(row: Row) -> list[SourceProblem]:
    """The number must be what the document prints (decimal comma, thousands dot; n.b. = missing)."""
    printed = row.get("value_printed") or ""
    try:
        expected = parse_printed_number(printed)
    except ValueError as error:
        return [SourceProblem(*_where("indicator_values", row), "value_printed", str(error))]
    value = row.get("value")
    if expected is None and value is None:
        return []
    if expected is None or value is None or abs(expected - value) > 1e-9:
        return [
            SourceProblem(
                *_where("indicator_values", row), "value", f"is {value!r} but the document prints {printed!r}"
            )
        ]
    return []
