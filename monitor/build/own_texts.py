"""The Monitor's own words in Dutch, French and English.

Beside the documents' facts, the curated sources hold texts the Monitor writes itself: the editorial
rationales, each irregularity and how it was resolved, the notes on a corrected code, a resolved
cross-reference or a later wording, the names of the Summit events, the description of each document, and
why a printed name is read as a member or an organisation (only where the match is not exact: validate.py).
Each is written in English in its source file; its Dutch and French stand in
`data/sources/own_texts/<name>.yaml`, one entry per text:

    - en: "the text exactly as in the source (the entry's key)"
      nl: "…"
      fr: "…"

Keyed by the English itself, so an entry survives rows being added, moved or renumbered around it, and a
changed English text no longer finds its old translation: the build fails until both are written again.
The build puts the translations beside the English as `<column>_nl` and `<column>_fr`; validate.py fails it
for a text without one of its languages, and this module for an entry that is malformed or matches no text.
Quotes of the documents inside a text stay in Dutch, as printed, in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.core.errors import SourceProblem
from monitor.core.text import normalize_space

Row = dict[str, Any]

# libyaml's safe loader where installed: a tenth of the pure-Python one's 0.6 s for these files
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OWN_TEXTS_DIR = "own_texts"  # under data/sources
TRANSLATED = ("nl", "fr")  # the English is the source's own column; these stand beside it

# table -> (file under own_texts/ without .yaml, the columns that hold the Monitor's own words)
OWN_TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "documents": ("documents", ("description",)),
    "objective_themes": ("objective_themes", ("rationale",)),
    "indicator_directions": ("indicator_directions", ("rationale",)),
    "indicator_objectives": ("indicator_objectives", ("rationale",)),
    "target_indicators": ("target_indicators", ("rationale",)),
    "summit_events": ("summit_events", ("name",)),
    "objectives": ("objectives", ("priority_note",)),
    "workstreams": ("objectives", ("code_note",)),
    "cross_references": ("objectives", ("note",)),
    "source_version_items": ("web_versions", ("link_note",)),
    "irregularities": ("irregularities", ("what", "resolution")),
    "member_aliases": ("member_aliases", ("note",)),
    "organisation_aliases": ("organisation_aliases", ("note",)),
}


def translated_column(column: str, language: str) -> str:
    """Where a text stands in `language`: the column itself in English, `<column>_<language>` otherwise."""
    return column if language == "en" else f"{column}_{language}"


@dataclass
class _Entry:
    nl: str | None
    fr: str | None
    where: str  # the entry's index in its file, for messages
    used: bool = False


@dataclass
class _Catalogue:
    """One file of own_texts/: the entries by their English, and the problems of the file itself."""

    path: Path
    shown_as: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)

    def problem(self, row: str, column: str, message: str) -> None:
        self.problems.append(SourceProblem(self.shown_as, row, column, message))


def _read(path: Path, shown_as: str) -> _Catalogue:
    catalogue = _Catalogue(path, shown_as)
    if not path.exists():
        catalogue.problem("-", "-", "file is missing: the Dutch and French of the texts listed below go here")
        return catalogue
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        catalogue.problem("-", "-", f"is not valid UTF-8 YAML: {error}")
        return catalogue
    if not isinstance(data, list):
        catalogue.problem("-", "-", "must be a list of {en, nl, fr} entries")
        return catalogue
    for index, entry in enumerate(data):
        where = f"[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str) or not entry["en"].strip():
            catalogue.problem(where, "en", "each entry needs the English text, exactly as in its source")
            continue
        unknown = set(entry) - {"en", *TRANSLATED}
        if unknown:
            catalogue.problem(where, ", ".join(sorted(unknown)), "unknown key: an entry has en, nl and fr only")
        english = normalize_space(entry["en"])
        if english in catalogue.entries:
            catalogue.problem(where, "en", f"repeats the entry {catalogue.entries[english].where}")
            continue
        texts = {language: entry.get(language) for language in TRANSLATED}
        for language, text in texts.items():
            if text is not None and not isinstance(text, str):
                catalogue.problem(where, language, f"must be text, got {type(text).__name__}")
                texts[language] = None
        written = {language: normalize_space(text) if text else None for language, text in texts.items()}
        catalogue.entries[english] = _Entry(**written, where=where)
    return catalogue


def attach_translations(tables: dict[str, list[Row]], sources_dir: Path, project_dir: Path) -> list[SourceProblem]:
    """Put each own text's Dutch and French beside it (`<column>_nl`, `<column>_fr`; None when not written).

    Returns the problems of the own_texts files themselves: malformed entries, and entries that match no
    text of their sources (the English was changed or the row removed). A text without its translation is
    left for validate.py to report at the row that holds it.
    """
    catalogues: dict[str, _Catalogue] = {}
    for table, (name, columns) in OWN_TEXTS.items():
        if name not in catalogues:
            path = sources_dir / OWN_TEXTS_DIR / f"{name}.yaml"
            catalogues[name] = _read(path, _relative(path, project_dir))
        catalogue = catalogues[name]
        for row in tables.get(table, []):
            for column in columns:
                entry = catalogue.entries.get(normalize_space(row[column])) if row.get(column) else None
                if entry:
                    entry.used = True
                for language in TRANSLATED:
                    row[translated_column(column, language)] = getattr(entry, language) if entry else None
    problems = [problem for catalogue in catalogues.values() for problem in catalogue.problems]
    for catalogue in catalogues.values():
        problems.extend(
            SourceProblem(
                catalogue.shown_as,
                entry.where,
                "en",
                f"matches no text of its sources (was the English changed?): {english[:80]!r}",
            )
            for english, entry in catalogue.entries.items()
            if not entry.used
        )
    return problems


def _relative(path: Path, project_dir: Path) -> str:
    try:
        return str(path.relative_to(project_dir))
    except ValueError:
        return str(path)
