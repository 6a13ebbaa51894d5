"""The interface catalogue: every key in all three languages, and every key the code uses exists; the Monitor's own
texts curated with the data: every one in all three languages, the documents' quotes inside them as printed."""

from __future__ import annotations

import ast
import re
from functools import lru_cache

import pytest
import yaml

from monitor.build.own_texts import OWN_TEXTS, OWN_TEXTS_DIR
from monitor.build.validate import NEVER_SHOWN
from monitor.core.formats import LANGUAGES
from monitor.core.paths import DOCUMENTS_DIR, PROJECT_ROOT, SOURCES_DIR
from monitor.core.text import squeeze
from monitor.i18n import catalogue, translate

SOURCES = [
    *PROJECT_ROOT.glob("pages/**/*.py"),
    *PROJECT_ROOT.glob("monitor/**/*.py"),
    PROJECT_ROOT / "dashboard.py",
]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_0-9]+\.[a-z_0-9.]+)["']""")
CATALOGUE_VALUE = re.compile(r""""((?:column|help|filters|error)\.[a-z_0-9.]+)\"""")


def _forms(text) -> list[str]:
    """A language's string, or its plural forms."""
    return list(text.values()) if isinstance(text, dict) else [text]


def test_every_entry_has_every_language():
    for key, entry in catalogue().items():
        assert set(entry) == set(LANGUAGES), key
        for language in LANGUAGES:
            if isinstance(entry[language], dict):  # a count: a form for each plural category, in every language
                assert set(entry[language]) == {"one", "other"}, key
                assert all(isinstance(entry[other], dict) for other in LANGUAGES), key
            assert all(isinstance(form, str) and form.strip() for form in _forms(entry[language])), key


def test_placeholders_agree_across_languages():
    for key, entry in catalogue().items():
        placeholders = {
            language: {name for form in _forms(entry[language]) for name in re.findall(r"{(\w+)}", form)}
            for language in LANGUAGES
        }
        assert placeholders["nl"] == placeholders["fr"] == placeholders["en"], key
        if isinstance(entry["en"], dict):  # the count picks the form; "other" writes it out
            assert all("{count}" in entry[language]["other"] for language in LANGUAGES), key


@pytest.mark.parametrize(
    "language, forms",
    [
        ("en", ["0 problems", "1 problem", "2 problems"]),
        ("nl", ["0 problemen", "1 probleem", "2 problemen"]),
        ("fr", ["0 problème", "1 problème", "2 problèmes"]),
    ],
)
def test_a_count_takes_its_plural_form(language, forms):
    written = [translate("transfer.problems", language, count=n, file="x.csv") for n in (0, 1, 2)]
    assert [text.split(" in ")[0].split(" dans ")[0] for text in written] == forms


def test_no_count_is_written_with_a_plural_noun_only():
    """A message that writes a count before a noun has a singular form: no '1 updates imported.'"""
    counted_noun = re.compile(
        r"{\w+} (?:[a-z]+ )?(?:updates|values|translations|problems|objectives|workstreams|links|members)\b"
    )
    single = {
        key for key, entry in catalogue().items() if isinstance(entry["en"], str) and counted_noun.search(entry["en"])
    }
    # the whole strategy's counts on the title slides (2 pillars, 8 and 9 objectives, 100 workstreams): never 1
    assert single == {"present.title_counts", "present.pillar_counts"}


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(LITERAL_KEY.findall(text)) | set(CATALOGUE_VALUE.findall(text))
    missing = sorted(key for key in used if key not in catalogue())
    assert used and missing == []


# Keys built at run time ("status." + code): each family is expanded from the code list the values come from,
# so a new status without its string fails, and a string for a value that no longer exists is unused.
# A new f-string key in the code must be declared here (test_every_built_key_is_declared).
def _schema_values(table: str, column: str) -> tuple[str, ...]:
    schema = (PROJECT_ROOT / "queries" / "build" / "schema.sql").read_text(encoding="utf-8")
    body = schema.split(f"CREATE TABLE {table} (", 1)[1].split(");", 1)[0]
    listed = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", body)
    return tuple(re.findall(r"'([^']+)'", listed.group(1)))


def _first_arguments(function: str) -> set[str]:
    """The string constants passed as first argument to `function(...)` anywhere in the sources."""
    found = set()
    for tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == function:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def dynamic_families() -> dict[str, tuple[str, ...]]:
    from monitor.core import vocabulary
    from monitor.core.errors import DatabaseUnavailable, StoreUnavailable
    from monitor.deck import parts, slide_html, slides
    from monitor.explore import filters
    from monitor.i18n import translations
    from monitor.indicators import analysis
    from monitor.progress import aggregates, queue, workflow
    from monitor.storage import accounts
    from monitor.ui import provenance

    return {
        "language.{}": LANGUAGES,
        "status.{}": workflow.ALL_STATUSES,
        "confidence.{}": workflow.CONFIDENCE_LEVELS,
        "confidence.short.{}": workflow.CONFIDENCE_LEVELS,
        "stall.{}": workflow.STALL_REASONS,
        "decision.{}": workflow.DECISIONS,
        "validate.done.{}": workflow.DECISIONS,
        "validate.origin.{}": workflow.CYCLE_ORIGINS,
        "validate.evidence.{}": queue.EVIDENCE,
        "progress.by.{}": aggregates.DIMENSIONS,
        "standing.attention.{}": aggregates.ATTENTION,
        "priority.{}": filters.PRIORITIES,
        "ws_priority.{}": filters.WS_PRIORITIES,
        "role.{}": (*filters.ROLES, *accounts.ROLES),
        # every filter but the free-text search, which has its own label and placeholder
        "filters.{}": tuple(name for name in filters.FILTER_NAMES if name != "q"),
        "filters.{}_help": tuple(name for name in filters.FILTER_NAMES if name != "q"),
        "government.{}": _schema_values("government_members", "government"),
        "match.{}": _schema_values("member_aliases", "confidence"),
        "status2025.{}": _schema_values("objectives", "status_vs_2025_kind"),
        "fiche.later_role.{}": _schema_values("source_version_roles", "role"),
        "error.database.{}": DatabaseUnavailable.REASONS,
        "error.store.{}": StoreUnavailable.REASONS,
        "translations.kind.{}": translations.KINDS,
        "direction.{}": analysis.DIRECTION_STATES,
        "target_state.{}": analysis.TARGET_STATES,
        "desired.{}": vocabulary.DESIRED_DIRECTIONS,
        "indicators.why_{}": vocabulary.THRESHOLD_KINDS,
        "target_kind.{}": vocabulary.TARGET_KINDS,
        "delivery.{}": analysis.DELIVERY_STATES,
        "context_state.{}": analysis.CONTEXT_STATES,
        # the four boxes of the delivery × context view
        "context.cell.{}.{}": tuple(
            (delivery, context) for delivery in ("on_track", "off_track") for context in ("improving", "worsening")
        ),
        "present.short.{}": filters.PRIORITIES,
        "presentations.item.{}": slides.FIXED_KINDS,
        "presentations.part.{}": parts.PARTS,
        "presentations.page.{}": tuple(slide_html.PAGE_FORMATS),
        "column.{}": tuple(sorted(_first_arguments("Problem"))),  # the field a rule violation names
        "about.scope.{}": tuple(
            scope.replace(" ", "_") for scope in (*provenance.SCOPES_WITH_CODE, *provenance.SCOPES)
        ),
    }


def _trees() -> list[ast.Module]:
    return [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES]


def _built_key_templates() -> set[str]:
    """f-strings of the code that look like catalogue keys, with each {…} replaced by {}: 'status.{}'."""
    templates = set()
    for tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                if "{}" in text and re.fullmatch(r"[a-z_0-9]+\.[a-z_0-9.{}]*", text):
                    templates.add(text)
    return templates


def _string_constants() -> set[str]:
    return {
        node.value
        for tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_built_key_is_declared():
    templates = _built_key_templates()
    assert templates - set(dynamic_families()) == set(), "declare these key families in dynamic_families()"
    assert set(dynamic_families()) - templates == set(), "these families are no longer built by the code"


def _key(template: str, value: str | tuple[str, ...]) -> str:
    return template.format(*value) if isinstance(value, tuple) else template.format(value)


def test_every_built_key_exists():
    missing = [
        _key(template, value)
        for template, values in dynamic_families().items()
        for value in values
        if _key(template, value) not in catalogue()
    ]
    assert all(dynamic_families().values()) and missing == []


def test_no_key_is_unused():
    used = _string_constants() | {
        _key(template, value) for template, values in dynamic_families().items() for value in values
    }
    unused = sorted(set(catalogue()) - used)
    assert unused == []


# --- The Monitor's own texts curated with the data (data/sources/own_texts/, monitor/build/own_texts.py) ---------
# Quoted segments ('…', “…”, ‘…’; an apostrophe inside a word opens none) and digit runs of the English.
QUOTED = re.compile(r"“(.+?)”|(?<![\w’])'([^']+?)'(?!\w)|‘([^’]+?)’")
DIGITS = re.compile(r"\d+")


def _own_text_entries() -> list[tuple[str, int, dict]]:
    files = sorted((SOURCES_DIR / OWN_TEXTS_DIR).glob("*.yaml"))
    assert {path.stem for path in files} == {name for name, _columns in OWN_TEXTS.values()}
    return [(path.name, index, entry) for path in files for index, entry in enumerate(yaml.safe_load(path.read_text()))]


@lru_cache(maxsize=1)
def _documents_text() -> str:
    return squeeze("".join(path.read_text(encoding="utf-8") for path in DOCUMENTS_DIR.glob("*.txt")))


def test_every_own_text_is_written_in_every_language():
    """Like the catalogue: en, nl and fr, none empty, and the Dutch and French are not the English copied."""
    for name, index, entry in _own_text_entries():
        assert set(entry) == set(LANGUAGES), (name, index)
        assert all(isinstance(entry[language], str) and entry[language].strip() for language in LANGUAGES)
        assert entry["nl"] != entry["en"] and entry["fr"] != entry["en"], (name, index)


def test_own_texts_keep_the_documents_quotes_in_dutch_and_every_number():
    """A quote of the documents inside a note stays as printed in every language (only the Monitor's words are
    translated), and every number of the English (a line, a year, a code) is in the Dutch and the French."""
    quotes_checked = 0
    for name, index, entry in _own_text_entries():
        for match in QUOTED.finditer(entry["en"]):
            quoted = next(group for group in match.groups() if group)
            for piece in (p.strip(" .,;") for p in quoted.split("…")):  # an ellipsis stands for what is left out
                if len(squeeze(piece)) >= 4 and squeeze(piece) in _documents_text():
                    quotes_checked += 1
                    assert piece in entry["nl"] and piece in entry["fr"], (name, index, piece)
        for language in ("nl", "fr"):
            missing = set(DIGITS.findall(entry["en"])) - set(DIGITS.findall(entry[language]))
            assert not missing, (name, index, language, missing)
    assert quotes_checked > 200  # the check reaches the quotes (a pattern that matched nothing would pass)


def test_every_own_text_of_the_database_is_there_in_every_language(con):
    """The built database holds each of the Monitor's own texts that is shown in English, Dutch and French (the
    note of an exact match is never shown and is written in English only)."""
    for table, (_name, columns) in OWN_TEXTS.items():
        never_column, never_value = NEVER_SHOWN.get(table, (None, None))
        shown = f" AND {never_column} <> $never" if never_column else ""
        for column in columns:
            rows = con.execute(
                f"SELECT {column}, {column}_nl, {column}_fr FROM {table} WHERE {column} IS NOT NULL{shown}",
                {"never": never_value} if never_column else {},
            )
            texts = rows.fetchall()
            assert texts, (table, column)
            assert all(all(text and text.strip() for text in row) for row in texts), (table, column)
