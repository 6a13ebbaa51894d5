"""Progress of the workstreams: the status model, the rules an update must meet, and the write path.

The documents hold no progress: cabinets propose updates, the secretariat validates them at a Social Summit
cycle. Every change is a new row (`progress_updates`, `validations`); the current status is derived
(`queries/store/progress_current.sql`), never overwritten. Permissions are checked here, in the write path,
whatever the interface shows or hides.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from monitor.core.errors import AlreadyDecided, Conflict, PermissionDenied
from monitor.core.problems import Problem, ProposalInvalid
from monitor.storage import db, store
from monitor.storage.accounts import User

NOT_ASSESSED = "not_assessed"  # the default of every workstream: no update yet (never stored)
STATUSES = ("not_started", "in_progress", "stalled", "partially_delivered", "delivered", "abandoned")
ALL_STATUSES = (NOT_ASSESSED, *STATUSES)
FINAL_STATUSES = frozenset({"partially_delivered", "delivered", "abandoned"})  # official only once validated
STALL_REASONS = ("budget", "legal", "partner", "priority_shift", "other")
CONFIDENCE_LEVELS = ("green", "amber", "red")
NEEDS_CONFIDENCE = frozenset({"not_started", "in_progress", "stalled"})
NEEDS_NARRATIVE = frozenset({"stalled", "abandoned"})
DECISIONS = ("validated", "returned")
CYCLE_ORIGINS = ("document", "admin")  # where a Social Summit cycle comes from
STRATEGY_SIGNED = date(2020, 1, 16)  # "Brussel, 16 januari 2020" (strategy document, line 16)
MAX_NARRATIVE = 2000
MAX_URL = 500
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
# Kept as they are in a path, query or fragment: letters, digits and the delimiters a web address needs. Anything
# else (brackets, parentheses, quotes, angle brackets, spaces) is percent-encoded, so a link never breaks out of the
# Markdown or the HTML it is written into.
_URL_SAFE = "/%:@!$&*+,;=-._~?#"


@dataclass(frozen=True)
class Proposal:
    """What an editor submits for one workstream."""

    workstream_code: str
    status: str
    as_of: date
    narrative: str = ""
    confidence: str | None = None
    stall_reason: str | None = None
    evidence_url: str | None = None


def check(proposal: Proposal, known_codes: Iterable[str], today: date | None = None) -> list[Problem]:
    """Every rule the proposal breaks (empty when it may be stored)."""
    today = today or date.today()
    problems: list[Problem] = []
    if proposal.workstream_code not in set(known_codes):
        problems.append(Problem("workstream", "progress.error.unknown_workstream", {"code": proposal.workstream_code}))
    if proposal.status not in STATUSES:
        problems.append(Problem("status", "progress.error.unknown_status", {"value": proposal.status}))
    if proposal.status == "stalled" and proposal.stall_reason not in STALL_REASONS:
        problems.append(Problem("stall_reason", "progress.error.stall_reason_required"))
    if proposal.status != "stalled" and proposal.stall_reason:
        problems.append(Problem("stall_reason", "progress.error.stall_reason_only_stalled"))
    if proposal.status in NEEDS_CONFIDENCE and proposal.confidence not in CONFIDENCE_LEVELS:
        problems.append(Problem("confidence", "progress.error.confidence_required"))
    if proposal.status not in NEEDS_CONFIDENCE and proposal.confidence:
        problems.append(Problem("confidence", "progress.error.confidence_not_applicable"))
    narrative = proposal.narrative.strip()
    if proposal.status in NEEDS_NARRATIVE and not narrative:
        problems.append(Problem("narrative", "progress.error.narrative_required"))
    if len(narrative) > MAX_NARRATIVE:
        problems.append(Problem("narrative", "progress.error.narrative_too_long", {"limit": MAX_NARRATIVE}))
    if proposal.as_of > today:
        problems.append(Problem("as_of", "progress.error.future_date"))
    if proposal.as_of < STRATEGY_SIGNED:
        problems.append(Problem("as_of", "progress.error.before_strategy"))
    url = (proposal.evidence_url or "").strip()
    if url and (len(url) > MAX_URL or evidence_link(url) is None):
        problems.append(Problem("evidence_url", "progress.error.bad_link"))
    return problems


def evidence_link(text: object) -> str | None:
    """The web address normalised (http or https, a host name or IP address, no user name or password, every
    character that is not a URL delimiter percent-encoded), or None when `text` is not such an address.

    Parsed with urllib.parse rather than matched: "http://a.b/x)[evil](javascript:alert(1)" becomes
    "http://a.b/x%29%5Bevil%5D%28javascript:alert%281%29", a link to a.b that Markdown cannot split."""
    if not isinstance(text, str) or any(character.isspace() or not character.isprintable() for character in text):
        return None
    try:
        parts = urllib.parse.urlsplit(text.strip())
        port = parts.port  # ValueError when it is not a number from 0 to 65535
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.username is not None or not _is_host(host):
        return None
    host = f"[{host}]" if ":" in host else host
    return urllib.parse.urlunsplit(
        (
            parts.scheme.lower(),
            host if port is None else f"{host}:{port}",
            urllib.parse.quote(parts.path or "/", safe=_URL_SAFE),
            urllib.parse.quote(parts.query, safe=_URL_SAFE),
            urllib.parse.quote(parts.fragment, safe=_URL_SAFE),
        )
    )


def _is_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        try:
            return bool(HOST.match(host.encode("idna").decode("ascii")))  # "bruxelles.brussels", "ŝ.be" alike
        except UnicodeError:
            return False
    return True


def workstream_codes() -> list[str]:
    """Every workstream code of the strategy, in order."""
    return db.run("workstream_index")["code"].tolist()


def editable_workstreams(user: User | None) -> list[str]:
    """The workstreams `user` may report on: an editor those its member steers or whose objective it initiates."""
    if user is None:
        return []
    if user.is_admin:
        return workstream_codes()
    return db.run("workstreams_of_member", {"member_id": user.member_id or ""})["code"].tolist()


def _require(user: User | None, allowed: bool) -> None:
    if user is None or not allowed:
        raise PermissionDenied("not allowed")


def version_of(workstream_code: str) -> int:
    """The workstream's current version (its latest update id; 0 before any update)."""
    versions = store.run("workstream_version", {"code": workstream_code})
    return int(versions["version"].iloc[0]) if len(versions) else 0


def propose(user: User | None, proposal: Proposal, based_on: int, import_id: int | None = None) -> int:
    """Store a proposed update and return its id.

    Raises PermissionDenied (no account, or not this editor's workstream), ProposalInvalid (a rule broken)
    or Conflict (someone else updated the workstream since version `based_on`; nothing is written).
    """
    _require(user, proposal.workstream_code in editable_workstreams(user))
    problems = check(proposal, workstream_codes())
    if problems:
        raise ProposalInvalid(problems)
    detail = {"workstream": proposal.workstream_code, "status": proposal.status, "based_on": based_on}
    with store.transaction(user.username, "propose_update", detail) as cursor:
        return insert_update(cursor, user.username, proposal, based_on, import_id)


def insert_update(cursor, username: str, proposal: Proposal, based_on: int, import_id: int | None) -> int:
    """Inside an open store transaction: refuse a stale `based_on`, append the update, move the version on."""
    current = store.execute(cursor, "workstream_version_for_update", {"code": proposal.workstream_code}).fetchall()
    current_version = current[0][0] if current else 0
    if current_version != based_on:
        raise Conflict(current_version)
    update_id = store.execute(
        cursor,
        "insert_update",
        {
            "code": proposal.workstream_code,
            "based_on": based_on,
            "status": proposal.status,
            "stall_reason": proposal.stall_reason or None,
            "confidence": proposal.confidence or None,
            "narrative": proposal.narrative.strip(),
            "evidence_url": evidence_link(proposal.evidence_url or ""),
            "as_of": proposal.as_of,
            "by": username,
            "import_id": import_id,
        },
    ).fetchall()[0][0]
    store.execute(cursor, "set_workstream_version", {"version": update_id, "code": proposal.workstream_code})
    return update_id


def decide(user: User | None, update_id: int, decision: str, cycle_date: date, comment: str = "") -> int:
    """The secretariat validates or returns a proposed update at a cycle; a return needs a comment."""
    return decide_many(user, [update_id], decision, cycle_date, comment)[0]


def decide_many(
    user: User | None, update_ids: Iterable[int], decision: str, cycle_date: date, comment: str = ""
) -> list[int]:
    """The secretariat validates or returns several proposed updates at once, with one comment; returns the
    decisions' ids. One store transaction, audited as `decide` audits each decision: all of them or none.

    All or none, rather than deciding the rest and reporting the others: a batch is one act on the queue as the
    secretariat saw it. If another admin decided some of them meanwhile (perhaps the other way), that queue is
    gone, and deciding the rest would record decisions taken in a light that no longer holds; refused whole,
    the batch costs one more look at the refreshed queue and nothing is ever half done (imports do the same).

    Raises PermissionDenied (not an admin), ProposalInvalid (nothing chosen, an unknown decision or update, a
    return without a comment) or AlreadyDecided (naming every update decided meanwhile).
    """
    _require(user, user is not None and user.is_admin)
    chosen = list(dict.fromkeys(int(update_id) for update_id in update_ids))  # once each, in the given order
    problems = _decision_problems(chosen, decision, comment)
    if problems:
        raise ProposalInvalid(problems)
    audited = [{"update_id": update_id, "decision": decision, "cycle": cycle_date} for update_id in chosen]
    with store.transaction(user.username, "decide_update", audited) as cursor:
        decided = {
            update_id: store.execute(cursor, "update_decision_state", {"id": update_id}).fetchall()
            for update_id in chosen
        }
        unknown = [str(update_id) for update_id, state in decided.items() if not state]
        if unknown:
            raise ProposalInvalid([Problem("update", "progress.error.unknown_update", {"value": ", ".join(unknown)})])
        meanwhile = [update_id for update_id, state in decided.items() if state[0][1] is not None]
        if meanwhile:
            raise AlreadyDecided(meanwhile)
        row = {"decision": decision, "comment": comment.strip() or None, "cycle": cycle_date, "by": user.username}
        return [
            store.execute(cursor, "insert_decision", {"id": update_id, **row}).fetchall()[0][0] for update_id in chosen
        ]


def _decision_problems(update_ids: list[int], decision: str, comment: str) -> list[Problem]:
    problems = []
    if not update_ids:
        problems.append(Problem("update", "progress.error.nothing_chosen"))
    if decision not in DECISIONS:
        problems.append(Problem("decision", "progress.error.unknown_decision", {"value": decision}))
    if decision == "returned" and not comment.strip():
        problems.append(Problem("comment", "progress.error.comment_required"))
    if len(comment) > MAX_NARRATIVE:
        problems.append(Problem("comment", "progress.error.narrative_too_long", {"limit": MAX_NARRATIVE}))
    return problems


def add_cycle(user: User | None, summit_date: date, label: str, source: str) -> None:
    """An admin adds a Social Summit cycle that the documents do not give, with where it is announced."""
    _require(user, user is not None and user.is_admin)
    problems = []
    if not label.strip():
        problems.append(Problem("label", "progress.error.label_required"))
    if not source.strip():
        problems.append(Problem("source", "progress.error.source_required"))
    if summit_date in set(cycles()["summit_date"]):
        problems.append(Problem("summit_date", "progress.error.cycle_exists"))
    if problems:
        raise ProposalInvalid(problems)
    detail = {"summit_date": summit_date, "label": label}
    with store.transaction(user.username, "add_cycle", detail) as cursor:
        store.execute(
            cursor,
            "insert_cycle",
            {"date": summit_date, "label": label.strip(), "source": source.strip(), "by": user.username},
        )


def cycles() -> pd.DataFrame:
    """Every Social Summit cycle: the dated events of the documents, then those admins added, by date.

    Columns: summit_date (date), label (label_nl, label_fr), origin ('document' or 'admin'); for a cycle of the
    documents cited (the document and lines of its events), for one added by an admin the source as typed.
    """
    documented = db.run("summit_cycles")
    documented["origin"] = CYCLE_ORIGINS[0]
    added = store.run("cycles_added")
    added["origin"] = CYCLE_ORIGINS[1]
    for language in ("nl", "fr"):  # an admin types a cycle's name once: it shows as typed in every language
        added[f"label_{language}"] = added["label"]
    both = pd.concat([documented, added], ignore_index=True)
    both["summit_date"] = pd.to_datetime(both["summit_date"]).dt.date
    return both.sort_values("summit_date", kind="stable").reset_index(drop=True)
