"""Read the curated sources in data/sources/ into rows shaped like the database tables.

Every problem is collected with its file, row and column, so one run reports all of them; the
build writes nothing while any exists. Which fields exist is documented in data/README.md and
data/sources/EXTRACTION_SPEC.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.build.own_texts import attach_translations
from monitor.build.validate import check_contracts
from monitor.core.errors import SourceError, SourceProblem
from monitor.core.paths import DOCUMENTS_DIR, SOURCES_DIR
from monitor.core.text import normalize_space, squeeze
from monitor.core.vocabulary import DESIRED_DIRECTIONS, TARGET_KINDS, THRESHOLD_KINDS

STRATEGY_DOCUMENT = "001_bf1477ece2e32ef4.txt"
Row = dict[str, Any]


class _Invalid(ValueError):
    """A single cell that does not convert; the message says why."""


def _text(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _Invalid("is empty")
    if not isinstance(value, (str, int, float)):
        raise _Invalid(f"must be text, got {type(value).__name__}")
    return str(value).strip()


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise _Invalid("must be a whole number")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise _Invalid(f"must be a whole number, got {value!r}") from None


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise _Invalid("must be a number")
    try:
        return float(str(value).strip())
    except ValueError:
        raise _Invalid(f"must be a number with a decimal point, got {value!r}") from None


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    lowered = str(value).strip().lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    raise _Invalid(f"must be true or false, got {value!r}")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _Invalid(f"must be a date YYYY-MM-DD, got {value!r}") from None


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return convert(value)

    return optional


def _one_of(*allowed: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = _text(value)
        if text not in allowed:
            raise _Invalid(f"must be one of {', '.join(allowed)}, got {text!r}")
        return text

    return check


TEXT, INT, NUMBER, BOOL, DATE = _text, _integer, _number, _boolean, _date
OPT_TEXT, OPT_INT, OPT_NUMBER, OPT_DATE = (_optional(c) for c in (_text, _integer, _number, _date))


@dataclass
class _Reader:
    """Collects problems while converting cells; knows the documents to check line ranges against."""

    sources_dir: Path
    documents_dir: Path
    problems: list[SourceProblem] = field(default_factory=list)
    line_counts: dict[str, int] = field(default_factory=dict)

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.sources_dir.parent.parent))
        except ValueError:
            return str(path)

    def problem(self, path: Path, row: str, column: str, message: str) -> None:
        self.problems.append(SourceProblem(self.relative(path), row, column, message))

    def cell(self, path: Path, row: str, record: dict, column: str, convert: Callable[[Any], Any]) -> Any:
        if column not in record:
            if convert.__name__ == "optional":
                return None
            self.problem(path, row, column, "is missing")
            return None
        try:
            return convert(record[column])
        except _Invalid as invalid:
            self.problem(path, row, column, str(invalid))
            return None

    def lines(self, path: Path, row: str, column: str, value: Any, document: str) -> tuple[int, int] | None:
        """A [start, end] line range, checked against the document's length."""
        if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value)):
            self.problem(path, row, column, f"must be a line range [start, end], got {value!r}")
            return None
        start, end = value
        return self.check_range(path, row, column, document, start, end)

    def check_range(self, path: Path, row: str, column: str, document: str, start: Any, end: Any):
        if start is None or end is None:
            return None
        limit = self.line_counts.get(document)
        if limit is None:
            self.problem(path, row, "document", f"unknown document {document!r}")
            return None
        if not 1 <= start <= end <= limit:
            self.problem(path, row, column, f"line range {start}-{end} is not within 1-{limit} of {document}")
            return None
        return start, end

    def csv_rows(self, name: str, columns: dict[str, Callable[[Any], Any]]) -> list[Row]:
        """Rows of data/sources/<name> converted per column; row numbers count the header as row 1."""
        path = self.sources_dir / name
        if not path.exists():
            self.problem(path, "-", "-", "file is missing")
            return []
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                records = list(csv.DictReader(handle))
                header = records[0].keys() if records else []
        except (UnicodeDecodeError, csv.Error) as error:
            self.problem(path, "-", "-", f"cannot be read as UTF-8 CSV: {error}")
            return []
        missing = [c for c, conv in columns.items() if c not in header and conv.__name__ != "optional"]
        if records and missing:
            self.problem(path, "1", ", ".join(missing), "column(s) missing from the header")
            return []
        rows = []
        for number, record in enumerate(records, start=2):
            converted = {c: self.cell(path, str(number), record, c, conv) for c, conv in columns.items()}
            converted["_row"] = str(number)
            converted["_file"] = self.relative(path)
            rows.append(converted)
        return rows

    def yaml_file(self, path: Path) -> Any:
        try:
            return yaml.safe_load(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            self.problem(path, "-", "-", f"is not valid UTF-8 YAML: {error}")
            return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources_fingerprint(sources_dir: Path = SOURCES_DIR, documents_dir: Path = DOCUMENTS_DIR) -> str:
    """One hash over every curated source and document: the build records it."""
    digest = hashlib.sha256()
    for path in sorted([*sources_dir.rglob("*"), *documents_dir.glob("*.txt")]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class _Aliases:
    """Maps a title or name as written to the members or organisations it denotes, and says how sure that is."""

    def __init__(self, rows: Iterable[Row], key: str):
        self.targets: dict[str, list[str]] = defaultdict(list)
        self.confidences: dict[tuple[str, str], str] = {}
        for row in rows:
            if row["alias"] and row[key]:
                alias = normalize_space(row["alias"])
                self.targets[alias].append(row[key])
                self.confidences[(alias, row[key])] = row["confidence"]

    def resolve(self, written: str) -> list[str]:
        return self.targets.get(normalize_space(written), [])

    def confidence(self, written: str, target: str) -> str:
        """exact, inferred or undecided: the alias row's own confidence (a role is as sure as its match)."""
        return self.confidences[(normalize_space(written), target)]


def load_sources(sources_dir: Path = SOURCES_DIR, documents_dir: Path = DOCUMENTS_DIR) -> dict[str, list[Row]]:
    """All tables, as lists of row dicts; raises SourceError listing every problem found."""
    reader = _Reader(sources_dir, documents_dir)
    tables: dict[str, list[Row]] = defaultdict(list)
    _load_documents(reader, tables)
    _load_reference_tables(reader, tables)
    members = _Aliases(tables["member_aliases"], "member_id")
    organisations = _Aliases(tables["organisation_aliases"], "org_id")
    for path in sorted((sources_dir / "objectives").glob("*.yaml")):
        _load_objective(reader, tables, path, members, organisations)
    if not tables["objectives"]:
        reader.problem(sources_dir / "objectives", "-", "-", "no objective files found")
    _load_indicators(reader, tables)
    _load_introduction_targets(reader, tables)
    _load_priorities(reader, tables)
    _load_events(reader, tables)
    _load_general_irregularities(reader, tables)
    tables["objective_themes"] = reader.csv_rows(
        "objective_themes.csv", {"objective_code": TEXT, "domain_id": TEXT, "is_primary": BOOL, "rationale": TEXT}
    )
    for path in sorted((sources_dir / "web_versions").glob("*.yaml")):
        _load_web_version(reader, tables, path, members, organisations)
    _number_rows(tables)
    _load_indicator_editorial(reader, tables)
    reader.problems.extend(attach_translations(tables, sources_dir, sources_dir.parent.parent))
    reader.problems.extend(check_contracts(tables))
    if reader.problems:
        raise SourceError(reader.problems)
    return {
        name: [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows] for name, rows in tables.items()
    }


def _load_documents(reader: _Reader, tables: dict[str, list[Row]]) -> None:
    for row in reader.csv_rows("documents.csv", {"document": TEXT, "title": TEXT, "description": TEXT}):
        path = reader.documents_dir / (row["document"] or "")
        if not row["document"] or not path.is_file():
            reader.problem(
                reader.sources_dir / "documents.csv",
                row["_row"],
                "document",
                f"no such file in {reader.relative(reader.documents_dir)}",
            )
            continue
        text = path.read_text(encoding="utf-8")
        if row["title"] and squeeze(row["title"]).casefold() not in squeeze(text).casefold():
            # a document's title is its own heading, as printed (case aside), never a description of ours
            reader.problem(reader.sources_dir / "documents.csv", row["_row"], "title", "not found in the document")
        line_count = len(text.splitlines())
        reader.line_counts[row["document"]] = line_count
        tables["documents"].append({**row, "line_count": line_count, "sha256": _sha256(path)})


def _provenance(reader: _Reader, name: str, rows: list[Row], start: str = "line_start", end: str = "line_end"):
    for row in rows:
        reader.check_range(
            reader.sources_dir / name, row["_row"], start, row.get("document") or "", row.get(start), row.get(end)
        )
    return rows


_PROVENANCE = {"document": TEXT, "line_start": INT, "line_end": INT}


def _load_reference_tables(reader: _Reader, tables: dict[str, list[Row]]) -> None:
    specs: dict[str, tuple[str, dict]] = {
        "pillars": ("pillars.csv", {"pillar": INT, "title": TEXT, **_PROVENANCE, "note": OPT_TEXT}),
        "government_members": (
            "government_members.csv",
            {
                "member_id": TEXT,
                "name": TEXT,
                "government": TEXT,
                "kind": TEXT,
                "sort_order": INT,
                "note": OPT_TEXT,
                **_PROVENANCE,
            },
        ),
        "member_aliases": (
            "member_aliases.csv",
            {"alias": TEXT, "member_id": TEXT, "confidence": TEXT, "note": OPT_TEXT, **_PROVENANCE},
        ),
        "organisations": (
            "organisations.csv",
            {"org_id": TEXT, "name": TEXT, "kind": TEXT, "note": OPT_TEXT, **_PROVENANCE},
        ),
        "organisation_aliases": (
            "organisation_aliases.csv",
            {"alias": TEXT, "org_id": TEXT, "confidence": TEXT, "note": OPT_TEXT, **_PROVENANCE},
        ),
    }
    for table, (name, columns) in specs.items():
        tables[table] = _provenance(reader, name, reader.csv_rows(name, columns))
    for table in ("member_aliases", "organisation_aliases"):
        for row in tables[table]:
            row["alias"] = normalize_space(row["alias"]) if row["alias"] else row["alias"]


def _entries(reader: _Reader, path: Path, where: str, value: Any) -> list[tuple[str, str, tuple[int, int]]]:
    """A YAML list of {text, lines}: (yaml path, text, line range) for each well-formed entry."""
    if value is None:
        return []
    if not isinstance(value, list):
        reader.problem(path, where, "-", "must be a list of {text, lines}")
        return []
    entries = []
    for index, entry in enumerate(value):
        here = f"{where}[{index}]"
        if not isinstance(entry, dict):
            reader.problem(path, here, "-", "must be a mapping with text and lines")
            continue
        text = reader.cell(path, here, entry, "text", TEXT)
        lines = reader.lines(path, here, "lines", entry.get("lines"), STRATEGY_DOCUMENT)
        if text and lines:
            entries.append((here, normalize_space(text), lines))
    return entries


def _load_objective(reader, tables, path: Path, members: _Aliases, organisations: _Aliases) -> None:
    data = reader.yaml_file(path)
    if not isinstance(data, dict):
        if data is not None:
            reader.problem(path, "-", "-", "must be a mapping (one objective)")
        return
    doc = STRATEGY_DOCUMENT
    code = reader.cell(path, "-", data, "code", TEXT)
    if code and path.stem != code:
        reader.problem(path, "-", "code", f"is {code!r} but the file is named {path.name}")
    fields = {}
    for name in ("title", "general_objectives", "status_vs_2025", "priority"):
        text_key = "priority_text" if name == "priority" else name
        text = reader.cell(path, "-", data, text_key, TEXT)
        lines = reader.lines(path, "-", f"{name}_lines", data.get(f"{name}_lines"), doc)
        fields[name] = (text, lines)
    for name in ("partners_note", "steering_committee_note"):
        note = data.get(name)
        if note is not None:
            if not isinstance(note, dict):
                reader.problem(path, "-", name, "must be null or {text, lines}")
                continue
            text = reader.cell(path, name, note, "text", TEXT)
            fields[name] = (text, reader.lines(path, name, "lines", note.get("lines"), doc))
    for name, (text, lines) in fields.items():
        if code and text and lines:
            tables["objective_fields"].append(
                {
                    "objective_code": code,
                    "field": name,
                    "text": text,
                    "document": doc,
                    "line_start": lines[0],
                    "line_end": lines[1],
                }
            )
    title_lines = fields["title"][1] or (0, 0)
    codes_2025 = data.get("strategy_2025_codes") or []
    tables["objectives"].append(
        {
            "_row": "-",
            "_file": reader.relative(path),
            "code": code,
            "pillar": reader.cell(path, "-", data, "pillar", INT),
            "title": fields["title"][0],
            "priority_type": reader.cell(path, "-", data, "priority_type", _one_of("shared", "consulted", "mixed")),
            "priority_text": fields["priority"][0],
            "priority_note": reader.cell(path, "-", data, "priority_note", OPT_TEXT),
            "general_objectives": fields["general_objectives"][0],
            "status_vs_2025": fields["status_vs_2025"][0],
            "status_vs_2025_kind": reader.cell(
                path, "-", data, "status_vs_2025_kind", _one_of("new", "continued", "other")
            ),
            "strategy_2025_codes": [str(c) for c in codes_2025],
            "partners_note": (fields.get("partners_note") or (None,))[0],
            "steering_committee_note": (fields.get("steering_committee_note") or (None,))[0],
            "document": doc,
            "line_start": title_lines[0],
            "line_end": title_lines[1],
        }
    )
    if code:
        _fiche_roles(reader, tables, path, code, data, members, organisations)
        _workstreams(reader, tables, path, code, data, members, organisations)
        _objective_extras(reader, tables, path, code, data)


def _fiche_roles(reader, tables, path, code, data, members: _Aliases, organisations: _Aliases) -> None:
    for role in ("initiating", "associated"):
        for where, text, (start, end) in _entries(reader, path, role, data.get(role)):
            ids = members.resolve(text)
            if not ids:
                reader.problem(path, where, "text", f"{text!r} is not an alias of any government member")
            for member_id in ids:
                tables["responsibilities"].append(
                    {
                        "member_id": member_id,
                        "role": role,
                        "objective_code": code,
                        "workstream_code": None,
                        "as_written": text,
                        "confidence": members.confidence(text, member_id),
                        "document": STRATEGY_DOCUMENT,
                        "line_start": start,
                        "line_end": end,
                    }
                )
    for role, key in (("partner", "partners"), ("steering_committee", "steering_committee")):
        for where, text, (start, end) in _entries(reader, path, key, data.get(key)):
            ids = organisations.resolve(text)
            member_ids = members.resolve(text) if role == "steering_committee" else []
            if not ids and not member_ids:
                reader.problem(
                    path,
                    where,
                    "text",
                    f"{text!r} is not an alias of any organisation"
                    + (" or government member" if role == "steering_committee" else ""),
                )
            for member_id in member_ids:
                tables["committee_members"].append(
                    {
                        "member_id": member_id,
                        "objective_code": code,
                        "as_written": text,
                        "confidence": members.confidence(text, member_id),
                        "document": STRATEGY_DOCUMENT,
                        "line_start": start,
                        "line_end": end,
                    }
                )
            for org_id in ids:
                tables["organisation_roles"].append(
                    {
                        "org_id": org_id,
                        "role": role,
                        "objective_code": code,
                        "workstream_code": None,
                        "as_written": text,
                        "confidence": organisations.confidence(text, org_id),
                        "document": STRATEGY_DOCUMENT,
                        "line_start": start,
                        "line_end": end,
                    }
                )
    _fiche_consulted(reader, tables, path, code, data, organisations)


def _fiche_consulted(reader, tables, path, code, data, organisations: _Aliases) -> None:
    """Bodies the fiche names to be approached (printed apart from its lists), with the qualifier as printed."""
    qualifier = _text_of(data.get("consulted_qualifier"))
    for where, text, (start, end) in _entries(reader, path, "consulted", data.get("consulted")):
        ids = organisations.resolve(text)
        if not ids or not qualifier:
            reader.problem(path, where, "text", f"{text!r} must be an organisation alias, with a consulted_qualifier")
        for org_id in ids:
            tables["organisation_roles"].append(
                {
                    "org_id": org_id,
                    "role": "consulted",
                    "objective_code": code,
                    "workstream_code": None,
                    "as_written": text,
                    "confidence": organisations.confidence(text, org_id),
                    "qualifier": qualifier,
                    "document": STRATEGY_DOCUMENT,
                    "line_start": start,
                    "line_end": end,
                }
            )


def _workstreams(reader, tables, path, code, data, members: _Aliases, organisations: _Aliases) -> None:
    workstreams = data.get("workstreams")
    if not isinstance(workstreams, list) or not workstreams:
        reader.problem(path, "-", "workstreams", "must be a non-empty list")
        return
    for index, item in enumerate(workstreams):
        where = f"workstreams[{index}]"
        if not isinstance(item, dict):
            reader.problem(path, where, "-", "must be a mapping")
            continue
        ws_code = reader.cell(path, where, item, "code", TEXT)
        if ws_code and not ws_code.startswith(f"{code}."):
            reader.problem(path, where, "code", f"{ws_code!r} does not belong to objective {code}")
        title_lines = reader.lines(path, where, "title_lines", item.get("title_lines"), STRATEGY_DOCUMENT)
        description_lines = item.get("description_lines")
        if description_lines is not None:
            description_lines = reader.lines(path, where, "description_lines", description_lines, STRATEGY_DOCUMENT)
        tag = reader.cell(path, where, item, "priority_tag", OPT_TEXT)
        tag_type = reader.cell(path, where, item, "priority_tag_type", _optional(_one_of("shared", "consulted")))
        if (tag is None) != (tag_type is None):
            reader.problem(path, where, "priority_tag_type", "must be set exactly when priority_tag is set")
        spans = [r for r in (title_lines, description_lines) if r]
        tables["workstreams"].append(
            {
                "_row": where,
                "_file": reader.relative(path),
                "code": ws_code,
                "objective_code": code,
                "code_printed": reader.cell(path, where, item, "code_printed", OPT_TEXT),
                "code_note": reader.cell(path, where, item, "code_note", OPT_TEXT),
                "title": reader.cell(path, where, item, "title", TEXT),
                "description": reader.cell(path, where, item, "description", OPT_TEXT) or "",
                "priority_type": tag_type,
                "priority_tag": tag,
                "document": STRATEGY_DOCUMENT,
                "steering_note": _text_of(item.get("steering_note")),
                "line_start": min(r[0] for r in spans) if spans else None,
                "line_end": max(r[1] for r in spans) if spans else None,
                "title_line_start": title_lines[0] if title_lines else None,
                "title_line_end": title_lines[1] if title_lines else None,
                "description_line_start": description_lines[0] if description_lines else None,
                "description_line_end": description_lines[1] if description_lines else None,
            }
        )
        for here, text, (start, end) in _entries(reader, path, f"{where}.steering", item.get("steering")):
            member_ids, org_ids = members.resolve(text), organisations.resolve(text)
            if not member_ids and not org_ids:
                reader.problem(path, here, "text", f"{text!r} is not an alias of any member or organisation")
            common = {
                "objective_code": code,
                "workstream_code": ws_code,
                "as_written": text,
                "document": STRATEGY_DOCUMENT,
                "line_start": start,
                "line_end": end,
            }
            for member_id in member_ids:
                sure = members.confidence(text, member_id)
                tables["responsibilities"].append(
                    {"member_id": member_id, "role": "steering", "confidence": sure, **common}
                )
            for org_id in org_ids:
                sure = organisations.confidence(text, org_id)
                tables["organisation_roles"].append(
                    {"org_id": org_id, "role": "steering", "confidence": sure, **common}
                )
        _footnotes(reader, tables, path, code, ws_code, f"{where}.steering", item.get("steering"))
        qualifier = _text_of(item.get("consulted_qualifier"))
        for here, text, (start, end) in _entries(reader, path, f"{where}.consulted", item.get("consulted")):
            member_ids = members.resolve(text)
            if not member_ids or not qualifier:
                reader.problem(path, here, "text", f"{text!r} must be a member alias, with a consulted_qualifier")
            for member_id in member_ids:
                tables["workstream_consultations"].append(
                    {
                        "member_id": member_id,
                        "workstream_code": ws_code,
                        "as_written": text,
                        "qualifier": qualifier,
                        "confidence": members.confidence(text, member_id),
                        "document": STRATEGY_DOCUMENT,
                        "line_start": start,
                        "line_end": end,
                    }
                )


def _footnotes(reader, tables, path, code, ws_code, where: str, entries: Any) -> None:
    """The footnote of a name printed with a marker (`footnote: {marker, text, lines}` on its entry)."""
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        note = entry.get("footnote") if isinstance(entry, dict) else None
        if note is None:
            continue
        here = f"{where}[{index}].footnote"
        marker = reader.cell(path, here, note, "marker", TEXT)
        text = reader.cell(path, here, note, "text", TEXT)
        lines = reader.lines(path, here, "lines", note.get("lines"), STRATEGY_DOCUMENT)
        written = normalize_space(str(entry.get("text") or ""))
        if marker and not written.endswith(marker):
            reader.problem(path, here, "marker", f"{written!r} is not printed with the marker {marker!r}")
        if marker and text and lines:
            tables["name_footnotes"].append(
                {
                    "objective_code": code,
                    "workstream_code": ws_code,
                    "as_written": written,
                    "marker": marker,
                    "text": normalize_space(text),
                    "document": STRATEGY_DOCUMENT,
                    "line_start": lines[0],
                    "line_end": lines[1],
                }
            )


def _objective_extras(reader, tables, path, code, data) -> None:
    for index, item in enumerate(data.get("cross_references") or []):
        where = f"cross_references[{index}]"
        lines = reader.lines(path, where, "lines", item.get("lines"), STRATEGY_DOCUMENT)
        tables["cross_references"].append(
            {
                "_file": reader.relative(path),
                "_row": where,
                "from_objective": code,
                "from_workstream": reader.cell(path, where, item, "from_workstream", OPT_TEXT),
                "quote": reader.cell(path, where, item, "quote", TEXT),
                "target_objective_printed": reader.cell(path, where, item, "target_objective_printed", OPT_TEXT),
                "target_objective": reader.cell(path, where, item, "target_objective", OPT_TEXT),
                "target_workstream": reader.cell(path, where, item, "target_workstream", OPT_TEXT),
                "note": reader.cell(path, where, item, "note", OPT_TEXT),
                "document": STRATEGY_DOCUMENT,
                "line_start": lines and lines[0],
                "line_end": lines and lines[1],
            }
        )
    for index, item in enumerate(data.get("targets") or []):
        where = f"targets[{index}]"
        tables["targets"].append(_target(reader, path, where, item, STRATEGY_DOCUMENT, code))
    for index, item in enumerate(data.get("irregularities") or []):
        where = f"irregularities[{index}]"
        tables["irregularities"].append(
            _irregularity(reader, path, where, item, STRATEGY_DOCUMENT, f"objective {code}")
        )


def _target(reader, path, where, item, document, objective_code) -> Row:
    lines = reader.lines(path, where, "lines", item.get("lines"), document)
    return {
        "_file": reader.relative(path),
        "_row": where,
        "objective_code": objective_code,
        "workstream_code": reader.cell(path, where, item, "workstream", OPT_TEXT),
        "kind": reader.cell(path, where, item, "kind", _one_of(*TARGET_KINDS)),
        "quote": reader.cell(path, where, item, "quote", TEXT),
        "meaning": reader.cell(path, where, item, "meaning", TEXT),
        "metric": reader.cell(path, where, item, "metric", OPT_TEXT),
        "target_value": reader.cell(path, where, item, "target_value", OPT_NUMBER),
        "target_unit": reader.cell(path, where, item, "target_unit", OPT_TEXT),
        "target_year": reader.cell(path, where, item, "target_year", OPT_INT),
        "base_year": reader.cell(path, where, item, "base_year", OPT_INT),
        "note": reader.cell(path, where, item, "note", OPT_TEXT),
        "document": document,
        "line_start": lines and lines[0],
        "line_end": lines and lines[1],
    }


def _irregularity(reader, path, where, item, document, scope) -> Row:
    lines = reader.lines(path, where, "lines", item.get("lines"), document)
    return {
        "_file": reader.relative(path),
        "_row": where,
        "scope": scope,
        "what": reader.cell(path, where, item, "what", TEXT),
        "resolution": reader.cell(path, where, item, "resolution", TEXT),
        "document": document,
        "line_start": lines and lines[0],
        "line_end": lines and lines[1],
    }


def _load_indicators(reader: _Reader, tables) -> None:
    indicators = reader.csv_rows(
        "indicators.csv", {"indicator_id": TEXT, "name": TEXT, "unit": TEXT, "source": TEXT, **_PROVENANCE}
    )
    for order, row in enumerate(indicators, start=1):
        row["sort_order"] = order
    tables["indicators"] = _provenance(reader, "indicators.csv", indicators)
    values = reader.csv_rows(
        "indicator_values.csv",
        {"indicator_id": TEXT, "year": INT, "value": OPT_NUMBER, "value_printed": TEXT, **_PROVENANCE},
    )
    tables["indicator_values"] = _provenance(reader, "indicator_values.csv", values)


def _load_introduction_targets(reader: _Reader, tables) -> None:
    path = reader.sources_dir / "targets_introduction.yaml"
    data = reader.yaml_file(path) if path.exists() else []
    for index, item in enumerate(data or []):
        document = item.get("document") or STRATEGY_DOCUMENT
        tables["targets"].append(_target(reader, path, f"[{index}]", item, document, None))


def _load_indicator_editorial(reader: _Reader, tables) -> None:
    """The editorial files of the indicators: desired directions, links to objectives, measurable targets."""
    directions = reader.csv_rows(
        "indicator_directions.csv",
        {
            "indicator_id": TEXT,
            "desired": _one_of(*DESIRED_DIRECTIONS),
            "threshold": OPT_NUMBER,
            "threshold_kind": _optional(_one_of(*THRESHOLD_KINDS)),
            "rationale": TEXT,
        },
    )
    path = reader.sources_dir / "indicator_directions.csv"
    for row in directions:
        judged = row["desired"] not in (None, "none")
        if judged != (row["threshold"] is not None and row["threshold"] > 0 and row["threshold_kind"] is not None):
            reader.problem(path, row["_row"], "threshold", "a positive threshold and its kind are needed, or none")
    described = {row["indicator_id"] for row in directions}
    for indicator in tables["indicators"]:
        if indicator["indicator_id"] not in described:
            reader.problem(path, "-", "indicator_id", f"no row for indicator {indicator['indicator_id']!r}")
    tables["indicator_directions"] = directions
    tables["indicator_objectives"] = reader.csv_rows(
        "indicator_objectives.csv", {"indicator_id": TEXT, "objective_code": TEXT, "rationale": TEXT}
    )
    tables["target_indicators"] = _target_indicators(reader, tables["targets"])


def _target_indicators(reader: _Reader, targets: list[Row]) -> list[Row]:
    """Each row names one numeric target by objective (empty: the introduction), document and first line."""
    rows = reader.csv_rows(
        "target_indicators.csv",
        {
            "objective_code": OPT_TEXT,
            "document": TEXT,
            "line_start": INT,
            "indicator_id": TEXT,
            "base_year": OPT_INT,
            "rationale": TEXT,
        },
    )
    path = reader.sources_dir / "target_indicators.csv"
    for row in rows:
        found = [
            target
            for target in targets
            if target["kind"] == "numeric_target"
            and target.get("objective_code") == row["objective_code"]
            and target["document"] == row["document"]
            and target["line_start"] == row["line_start"]
        ]
        if len(found) != 1:
            reader.problem(path, row["_row"], "line_start", f"matches {len(found)} numeric targets, not one")
            continue
        target = found[0]
        if target["base_year"] is not None and row["base_year"] not in (None, target["base_year"]):
            reader.problem(path, row["_row"], "base_year", f"the target prints base year {target['base_year']}")
        row.update(target_id=target["target_id"], line_end=target["line_end"])
        row["base_year"] = target["base_year"] or row["base_year"]
        if row["base_year"] is None:
            reader.problem(path, row["_row"], "base_year", "the target has no base year: give one with its reason")
    return [row for row in rows if "target_id" in row]


def _load_priorities(reader: _Reader, tables) -> None:
    domains = reader.csv_rows(
        "policy_domains.csv", {"domain_id": TEXT, "name": TEXT, "name_in_intro": OPT_TEXT, **_PROVENANCE}
    )
    for order, row in enumerate(domains, start=1):
        row["sort_order"] = order
    tables["policy_domains"] = _provenance(reader, "policy_domains.csv", domains)
    names = {row["domain_id"]: row["name"] for row in domains}
    priorities = reader.csv_rows(
        "shared_priorities.csv",
        {
            "number": INT,
            "title": TEXT,
            "description": TEXT,
            "domain_id": TEXT,
            "note": OPT_TEXT,
            "document": TEXT,
            "title_line_start": INT,
            "title_line_end": INT,
            "number_line": INT,
            "description_line_start": INT,
            "description_line_end": INT,
        },
    )
    for row in priorities:
        row["domain"] = names.get(row["domain_id"], row["domain_id"])
    _provenance(reader, "shared_priorities.csv", priorities, "description_line_start", "description_line_end")
    _provenance(reader, "shared_priorities.csv", priorities, "number_line", "number_line")
    tables["shared_priorities"] = _provenance(
        reader, "shared_priorities.csv", priorities, "title_line_start", "title_line_end"
    )


def _load_general_irregularities(reader: _Reader, tables) -> None:
    """Irregularities that concern no single objective (key figures, priorities, aliases)."""
    rows = reader.csv_rows("irregularities.csv", {"scope": TEXT, "what": TEXT, "resolution": TEXT, **_PROVENANCE})
    tables["irregularities"].extend(_provenance(reader, "irregularities.csv", rows))


def _load_events(reader: _Reader, tables) -> None:
    events = reader.csv_rows(
        "summit_events.csv",
        {"event_date": OPT_DATE, "year": OPT_INT, "name": TEXT, "quote": TEXT, **_PROVENANCE, "is_social_summit": BOOL},
    )
    tables["summit_events"] = _provenance(reader, "summit_events.csv", events)


def _load_web_version(reader, tables, path: Path, members: _Aliases, organisations: _Aliases) -> None:
    data = reader.yaml_file(path)
    if not isinstance(data, dict):
        return
    document = reader.cell(path, "-", data, "document", TEXT) or ""
    code = reader.cell(path, "-", data, "objective_code", TEXT)
    version_id = f"web_{code}"
    title_line = reader.cell(path, "-", data, "title_line", INT)
    items = data.get("items") or []
    last_line = max([title_line or 1] + [max(i.get("description_lines") or [0]) for i in items if isinstance(i, dict)])
    priority = data.get("priority_text")
    tables["source_versions"].append(
        {
            "version_id": version_id,
            "objective_code": code,
            "title": reader.cell(path, "-", data, "title", TEXT),
            "dated": _text_of(data.get("dated"), "statement"),
            "intro": _text_of(data.get("intro")),
            "priority_text": _text_of(priority),
            "priority_type": reader.cell(
                path, "-", data, "priority_type", _optional(_one_of("shared", "consulted", "mixed"))
            ),
            "document": document,
            "line_start": title_line,
            "line_end": last_line,
        }
    )
    _web_roles(reader, tables, path, data, document, version_id, members, organisations)
    for index, item in enumerate(items):
        where = f"items[{index}]"
        title_line_item = reader.cell(path, where, item, "title_line", INT)
        described = item.get("description_lines")
        if described is not None:
            described = reader.lines(path, where, "description_lines", described, document)
        steering = [normalize_space(s.get("text", "")) for s in item.get("steering") or [] if isinstance(s, dict)]
        tables["source_version_items"].append(
            {
                "_file": reader.relative(path),
                "_row": where,
                "version_id": version_id,
                "number": reader.cell(path, where, item, "number", INT),
                "title": reader.cell(path, where, item, "title", TEXT),
                "description": reader.cell(path, where, item, "description", OPT_TEXT),
                "steering_text": "; ".join(steering) or None,
                "linked_workstream": reader.cell(path, where, item, "linked_workstream", OPT_TEXT),
                "link_note": reader.cell(path, where, item, "link_note", OPT_TEXT),
                "document": document,
                "line_start": title_line_item,
                "line_end": max(described or (title_line_item or 0,)),
            }
        )
    for index, item in enumerate(data.get("irregularities") or []):
        tables["irregularities"].append(
            _irregularity(
                reader, path, f"irregularities[{index}]", item, item.get("document") or document, f"web page {code}"
            )
        )


def _text_of(value: Any, key: str = "text") -> str | None:
    """A plain string, or the `key` of a {text, lines}-like mapping; None when empty."""
    if isinstance(value, dict):
        value = value.get(key)
    return normalize_space(value) if isinstance(value, str) and value.strip() else None


def _web_roles(reader, tables, path, data, document, version_id, members: _Aliases, organisations: _Aliases):
    keys = {
        "initiating": "initiating",
        "associated": "associated",
        "partner": "partners",
        "steering_committee": "steering_committee",
    }
    for role, key in keys.items():
        for index, entry in enumerate(data.get(key) or []):
            where = f"{key}[{index}]"
            text = normalize_space(reader.cell(path, where, entry, "text", TEXT) or "")
            lines = reader.lines(path, where, "lines", entry.get("lines"), document)
            resolver = members if role in ("initiating", "associated") else organisations
            ids = resolver.resolve(text)
            if not ids:
                kind = "government member" if resolver is members else "organisation"
                reader.problem(path, where, "text", f"{text!r} is not an alias of any {kind}")
            for target in ids or [None]:
                tables["source_version_roles"].append(
                    {
                        "version_id": version_id,
                        "role": role,
                        "as_written": text,
                        "member_id": target if resolver is members else None,
                        "org_id": target if resolver is organisations else None,
                        "document": document,
                        "line_start": lines and lines[0],
                        "line_end": lines and lines[1],
                    }
                )


def _number_rows(tables: dict[str, list[Row]]) -> None:
    """Surrogate keys and display order, assigned in source order so rebuilds are stable."""
    for table, key in (
        ("cross_references", "xref_id"),
        ("targets", "target_id"),
        ("irregularities", "irregularity_id"),
    ):
        for number, row in enumerate(tables[table], start=1):
            row[key] = number
    for table in ("objectives", "workstreams"):
        ordered = sorted(tables[table], key=lambda row: _code_key(row["code"]))
        for number, row in enumerate(ordered, start=1):
            row["sort_order"] = number
    for number, row in enumerate(tables["summit_events"], start=1):
        row["event_id"] = number


def _code_key(code: str | None) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in (code or "").split("."))
    except ValueError:
        return (999,)
