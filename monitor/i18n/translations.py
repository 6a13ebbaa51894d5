"""Content translations: French and English titles of objectives, workstreams, members, indicators and shared
priorities, entered by an admin with their source. The documents are Dutch and contain none, so none ship.

Nothing here is machine-made: a title is shown in French or English only when a person entered it with a
source; otherwise the Dutch original is shown, marked as such. Writes are admin-only and append-only
(`content_translations`, migration 030): the latest revision per kind × code × language wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from monitor.core.errors import PermissionDenied
from monitor.core.problems import Problem, ProposalInvalid, RowProblem
from monitor.core.tabular import Table, header_problems, in_file_order, records
from monitor.storage import db, store
from monitor.storage.accounts import User

ORIGINAL_MARK = "[NL]"  # before a title shown as published, in Dutch, when the interface is in French or English
KINDS = ("objective", "workstream", "member", "indicator", "priority", "domain")
TARGET_LANGUAGES = ("fr", "en")  # Dutch is the original: it is never "translated" into
MAX_TEXT = 500
MAX_SOURCE = 500
CSV_COLUMNS = ("kind", "code", "language", "text", "source")


@dataclass(frozen=True)
class Entry:
    kind: str
    code: str
    language: str
    text: str
    source: str


def known_codes() -> dict[str, dict[str, str]]:
    """{kind: {code: Dutch text as published}} for everything that may get a translation."""
    content = db.run("translatable_content")
    return {kind: dict(zip(rows["code"], rows["dutch"], strict=True)) for kind, rows in content.groupby("kind")}


def check(entry: Entry, known: Mapping[str, Mapping[str, str]]) -> list[Problem]:
    """The rules a translation must meet: a known kind and code, French or English, a text and its source."""
    problems = []
    if entry.kind not in KINDS:
        problems.append(Problem("kind", "translations.error.unknown_kind", {"value": entry.kind[:40]}))
    elif entry.code not in known.get(entry.kind, {}):
        problems.append(Problem("code", "translations.error.unknown_code", {"value": entry.code[:40]}))
    if entry.language == "nl":
        problems.append(Problem("language", "translations.error.dutch"))
    elif entry.language not in TARGET_LANGUAGES:
        problems.append(Problem("language", "translations.error.unknown_language", {"value": entry.language[:40]}))
    if not entry.text.strip():
        problems.append(Problem("text", "translations.error.text_required"))
    elif len(entry.text) > MAX_TEXT:
        problems.append(Problem("text", "translations.error.too_long", {"limit": MAX_TEXT}))
    if not entry.source.strip():
        problems.append(Problem("source", "translations.error.source_required"))
    elif len(entry.source) > MAX_SOURCE:
        problems.append(Problem("source", "translations.error.too_long", {"limit": MAX_SOURCE}))
    return problems


def _require_admin(user: User | None) -> User:
    if user is None or not user.is_admin:
        raise PermissionDenied("content translations are entered by the secretariat")
    return user


def save(user: User | None, entries: Sequence[Entry]) -> int:
    """Append one revision per entry (all or nothing); returns how many were written."""
    admin = _require_admin(user)
    known = known_codes()
    problems = [problem for entry in entries for problem in check(entry, known)]
    if problems:
        raise ProposalInvalid(problems)
    cleaned = [Entry(e.kind, e.code, e.language, e.text.strip(), e.source.strip()) for e in entries]
    with store.transaction(admin.username, "save_translations", {"count": len(cleaned)}) as cursor:
        for entry in cleaned:
            store.execute(cursor, "insert_translation", {**entry.__dict__, "by": admin.username})
    return len(cleaned)


def remove(user: User | None, kind: str, code: str, language: str, reason: str) -> None:
    """A revision without text: the Dutch original is shown again (the history keeps what was there)."""
    admin = _require_admin(user)
    if not reason.strip():
        raise ProposalInvalid([Problem("source", "translations.error.reason_required")])
    detail = {"kind": kind, "code": code, "language": language}
    with store.transaction(admin.username, "remove_translation", detail) as cursor:
        removal = {**detail, "text": None, "source": reason.strip(), "by": admin.username}
        store.execute(cursor, "insert_translation", removal)


def current() -> dict[tuple[str, str, str], str]:
    """{(kind, code, language): text} of the translations in force now."""
    rows = store.run("content_translations_current")
    return {
        (kind, code, language): text
        for kind, code, language, text in zip(rows["kind"], rows["code"], rows["language"], rows["text"], strict=True)
    }


@dataclass
class TranslationPreview:
    """What an uploaded file of translations would write, with every problem by spreadsheet row."""

    entries: list[tuple[int, Entry]]
    problems: list[RowProblem]


def preview(table: Table, known: Mapping[str, Mapping[str, str]]) -> TranslationPreview:
    """Check an uploaded CSV/XLSX with columns kind, code, language, text, source; nothing is written."""
    problems = header_problems(table, (*CSV_COLUMNS, "dutch"), CSV_COLUMNS)  # "dutch": the template's reference
    if problems:
        return TranslationPreview([], problems)
    entries, seen = [], {}
    for number, cells in records(table):
        if not any(cells.values()):
            continue
        entry = Entry(*(cells.get(column, "") for column in CSV_COLUMNS))
        for problem in check(entry, known):
            problems.append(RowProblem(number, problem.column, problem.key, problem.values))
        key = (entry.kind, entry.code, entry.language)
        if key in seen:
            problems.append(RowProblem(number, "code", "translations.error.repeated", {"row": seen[key]}))
        seen.setdefault(key, number)
        entries.append((number, entry))
    if not entries and not problems:
        problems.append(RowProblem(2, "-", "import.error.empty"))
    return TranslationPreview(entries, in_file_order(problems, table))


def template(known: Mapping[str, Mapping[str, str]], kinds: Iterable[str] = KINDS) -> pd.DataFrame:
    """An upload template: every code with its Dutch text (for reference, not imported), text and source empty."""
    rows = [
        {"kind": kind, "code": code, "language": "fr", "dutch": dutch, "text": "", "source": ""}
        for kind in kinds
        for code, dutch in known.get(kind, {}).items()
    ]
    return pd.DataFrame(rows, columns=["kind", "code", "language", "dutch", "text", "source"])


def choose_title(
    entered: Mapping[tuple[str, str, str], str], kind: str, code: object, dutch_text: object, language: str
) -> tuple[str, bool]:
    """The title to show and whether it is the Dutch original, from the given entered titles (those in force,
    or a frozen deck's): the entered translation in `language` when there is one; else the Dutch text as
    published, marked "[NL] …" when the interface is not Dutch. Never a machine translation."""
    text = entered.get((kind, str(code), language)) if language != "nl" else None
    if text:
        return text, False
    dutch = "" if dutch_text is None or dutch_text != dutch_text else str(dutch_text)
    return (dutch if language == "nl" or not dutch else f"{ORIGINAL_MARK} {dutch}"), True
