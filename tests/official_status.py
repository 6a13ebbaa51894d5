"""What "official status only" means, as checks any view, table, export or chart can be put through (issue 22,
journey c): the secretariat validated one status for workstream X; the cabinet then proposed another one for X
and one for Y, which has no validated status. Used by tests/test_official_status.py.

The checks are generic on purpose, so that a status column added to a page is checked without a new test:
- a row about a workstream (a cell holds its code) that shows a status shows the workstream's official one;
- a row about an objective (a cell holds its code, none a workstream's) that shows a delivery shows the one
  its official statuses give, and a strip of status signs is the official one;
- a column of counts headed by a status that is official nowhere holds zeros; a chart's trace named by it too;
- a status that is official nowhere (the proposed ones) never shows unmarked: only in the mark of
  monitor.ui.proposals.proposed_text, or in a row that says it awaits validation;
- with the switch off, no view (but the cabinet's own Report progress) shows a proposal at all.
Every check that confirms an official status counts as evidence: a view that shows statuses must give some.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from monitor.explore.looks import DELIVERY_LOOK, STATUS_LOOK, look_text, status_text
from monitor.i18n import translate
from monitor.progress import workflow
from monitor.progress.workflow import ALL_STATUSES, Proposal
from monitor.storage.accounts import User
from tests.people import EDITOR_MEMBER

LANGUAGE = "en"
X, Y = "1.2.3", "1.4.1"  # two workstreams the Minister-President's cabinet reports on (tests/people.py)
X_OBJECTIVE = "1.2"
VALIDATED = {X: ("in_progress", "green")}  # status and confidence the secretariat validated for X
PROPOSED = {X: "abandoned", Y: "delivered"}  # what the cabinet proposes afterwards: official for no workstream
NEVER_OFFICIAL = frozenset(PROPOSED.values())
NARRATIVE = {X: "Reoriented after the 2026 budget review.", Y: "Delivered with Brupartners."}
DELIVERY = {X_OBJECTIVE: "on_track"}  # in progress, green: on track; every other objective has no assessed one
CODE = re.compile(r"^\d+\.\d+(\.\d+)?$")
ICONS = frozenset(look.icon for look in STATUS_LOOK.values())


def t(key: str, **values: object) -> str:
    return translate(key, LANGUAGE, **values)


def status_label(status: str) -> str:
    """'◐ In progress', as the pages write a status."""
    return status_text(status, t(f"status.{status}"))


def official(code: str) -> str:
    return VALIDATED.get(code, ("not_assessed", None))[0]


def proposed_text(status: str) -> str:
    """As monitor.ui.proposals.proposed_text writes a proposal (that module needs a Streamlit session)."""
    return f"{status_label(status)} ({t('status.proposed_mark')})"


PROPOSED_TEXTS = {code: proposed_text(status) for code, status in PROPOSED.items()}
PENDING = t("decision.pending")
STATUS_OF_TEXT = {
    text: status for status in ALL_STATUSES for text in (status, t(f"status.{status}"), status_label(status))
}
DELIVERY_OF_TEXT = {
    text: state
    for state in DELIVERY_LOOK
    for text in (t(f"delivery.{state}"), look_text(DELIVERY_LOOK, state, t(f"delivery.{state}")))
}


# --- The store the journey starts from, and the proposals (the same write path as Report progress) ----------


def cycle_for_validation(cycles: list[date]) -> date:
    """The latest Social Summit cycle up to today (the one the secretariat validates at now)."""
    past = [day for day in cycles if day <= date.today()]
    return max(past) if past else min(cycles)


def validate_x(editor: User, admin: User) -> None:
    """The secretariat's validated status of X: proposed by the cabinet, validated at a cycle."""
    status, confidence = VALIDATED[X]
    proposal = Proposal(X, status, date.today(), "Call for projects launched.", confidence)
    update = workflow.propose(editor, proposal, based_on=workflow.version_of(X))
    workflow.decide(admin, update, "validated", cycle_for_validation(list(workflow.cycles()["summit_date"])))


def propose_for_x_and_y(editor: User) -> None:
    for code, status in PROPOSED.items():
        proposal = Proposal(code, status, date.today(), NARRATIVE[code])
        workflow.propose(editor, proposal, based_on=workflow.version_of(code))


# --- Findings ------------------------------------------------------------------------------------------------


@dataclass
class Findings:
    """What a sweep found wrong (`problems`) and which official statuses it saw shown right (`confirmed`)."""

    where: str
    proposals_shown: bool  # the view may show proposals (the switch is on, or the cabinet's own page)
    problems: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    proposals_seen: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        self.problems.append(f"{self.where}: {text}")


def _codes(cells: list[object]) -> tuple[list[str], list[str]]:
    """The workstream and objective codes a row is about: cells that are a code (or a list of codes), and a
    first cell that starts with one ("1.2 Title", the groups of a count table)."""
    found: list[str] = []
    for position, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        parts = [part for part in re.split(r"[,;\s]+", cell.strip()) if part]
        if parts and all(CODE.match(part) for part in parts):
            found.extend(parts)
        elif position == 0 and parts and CODE.match(parts[0]):
            found.append(parts[0])
    return [c for c in found if c.count(".") == 2], [c for c in found if c.count(".") == 1]


def _strip(objective: str, workstreams_of: dict[str, list[str]]) -> str:
    return "".join(STATUS_LOOK[official(code)].icon for code in workstreams_of[objective])


def check_frame(frame: pd.DataFrame, findings: Findings, workstreams_of: dict[str, list[str]]) -> None:
    """Every row and every column of counts of a table (shown on a page or exported) against the official
    statuses (see the module's docstring)."""
    name = f"table [{', '.join(map(str, frame.columns[:4]))}…]"
    for column in frame.columns:
        status = STATUS_OF_TEXT.get(str(column))
        values = pd.to_numeric(frame[column], errors="coerce")
        if status is None or values.isna().all():
            continue
        if status in NEVER_OFFICIAL and values.fillna(0).any():
            findings.problem(f"{name}: the column {column!r} counts {values.sum()} workstreams")
        elif status == official(X) and values.sum() >= 1:
            findings.confirmed.append(f"{name}: {column} {values.sum()}")
    for row in frame.astype(object).itertuples(index=False):
        _check_row(list(row), name, findings, workstreams_of)


def _check_row(cells: list[object], name: str, findings: Findings, workstreams_of: dict[str, list[str]]) -> None:
    workstreams, objectives = _codes(cells)
    texts = [cell.strip() for cell in cells if isinstance(cell, str)]
    awaiting = PENDING in texts  # a row of a history that says the update awaits validation
    shown = [STATUS_OF_TEXT[text] for text in texts if text in STATUS_OF_TEXT]
    for text in texts:
        marked = [code for code, proposal in PROPOSED_TEXTS.items() if proposal == text]
        if marked or (awaiting and STATUS_OF_TEXT.get(text) in NEVER_OFFICIAL):
            findings.proposals_seen.append(text)
            if not findings.proposals_shown:
                findings.problem(f"{name}: a proposal shows with the switch off: {cells}")
            if marked and workstreams and not set(marked) & set(workstreams):
                findings.problem(f"{name}: {text!r} shows as the proposal of {workstreams}")
        elif STATUS_OF_TEXT.get(text) in NEVER_OFFICIAL:
            findings.problem(f"{name}: a proposed status shows unmarked: {cells}")
    if len(workstreams) == 1 and shown and not awaiting:
        code = workstreams[0]
        if official(code) in shown:
            findings.confirmed.append(f"{name}: {code} {official(code)}")
        else:
            findings.problem(f"{name}: {code} shows {shown}, not its official status {official(code)}: {cells}")
    if len(objectives) == 1 and not workstreams:
        objective = objectives[0]
        expected = DELIVERY.get(objective, "not_assessed")
        deliveries = {DELIVERY_OF_TEXT[text] for text in texts if text in DELIVERY_OF_TEXT}
        if deliveries - {expected}:
            findings.problem(f"{name}: objective {objective} shows delivery {deliveries}, not {expected}: {cells}")
        elif expected in deliveries and expected != "not_assessed":
            findings.confirmed.append(f"{name}: objective {objective} {expected}")
        for text in texts:
            if set(text) <= ICONS and len(text) == len(workstreams_of.get(objective, [])):  # a strip of signs
                if text != _strip(objective, workstreams_of):
                    findings.problem(f"{name}: objective {objective}'s strip is {text!r}")
                elif objective == X_OBJECTIVE:
                    findings.confirmed.append(f"{name}: strip of {objective}")


def _numbers(value: object) -> list[float]:
    """A plotly array as numbers (plotly >= 6 sends typed arrays as {"dtype", "bdata"}); [] for categories."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    if isinstance(value, list):
        return [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
    return []


def check_figure(figure: dict, findings: Findings) -> None:
    """A chart's traces named by a status: one official nowhere draws nothing; X's official one draws X."""
    for trace in figure.get("data", []):
        status = STATUS_OF_TEXT.get(str(trace.get("name", "")))
        drawn = sum(_numbers(trace.get("x")) + _numbers(trace.get("y")))
        if status in NEVER_OFFICIAL and drawn:
            findings.problem(f"chart trace {trace['name']!r} draws {drawn} workstreams")
        elif status == official(X) and drawn:
            findings.confirmed.append(f"chart trace {trace['name']}")


def check_texts(texts: list[str], findings: Findings, expected: tuple[str, ...]) -> None:
    """The words of a view: no count of a status that is official nowhere ("Delivered 1"), no proposal with the
    switch off, and the view's own `expected` sentences (made from the catalogue)."""
    for status in NEVER_OFFICIAL:
        counted = re.compile(rf"{re.escape(t(f'status.{status}'))}:? [1-9]")
        findings.problems.extend(f"{findings.where}: {text!r}" for text in texts if counted.search(text))
    for text in texts:
        for proposal in PROPOSED_TEXTS.values():
            if proposal in text:
                findings.proposals_seen.append(proposal)
                if not findings.proposals_shown:
                    findings.problem(f"a proposal shows with the switch off: {text!r}")
    for sentence in expected:
        if any(sentence in text for text in texts):
            findings.confirmed.append(sentence)
        else:
            findings.problem(f"{sentence!r} is not shown")


# --- The views that show a status -----------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A page (and URL parameters) that shows statuses, or will: swept in AppTest, its exports read in Chromium.

    `shows_status`: it shows an official status today (the sweep must confirm one; False for a page that may
    get a status column: it is swept all the same, so the column is checked once it is there).
    `switch`: it has the "show proposals" switch (swept with it on too). `own_proposals`: the cabinet's own page,
    where its proposal is always shown (marked). `expected`: sentences it must show, made from the catalogue.
    `switch_shows`: the workstreams whose proposals it shows with the switch (a view of one workstream or of a
    cabinet's own shows fewer). `exports`: the names of its downloads that hold statuses (every download of the view
    is read; these must be among them); None: a detail view without downloads, not opened in Chromium.
    """

    name: str
    page: str
    url: str
    query: tuple[tuple[str, str], ...] = ()
    shows_status: bool = True
    switch: bool = False
    user: str | None = None
    own_proposals: bool = False
    expected: tuple[str, ...] = ()
    exports: tuple[str, ...] | None = ()
    switch_shows: tuple[str, ...] | None = None  # whose proposals the switch shows (None: X's and Y's)

    def address(self, proposals: bool) -> str:
        query = [*self.query, ("lang", LANGUAGE), *([("proposals", "true")] if proposals else [])]
        return f"/{self.url}?" + "&".join(f"{name}={value}" for name, value in query)


def _before(sentence: str) -> str:
    """A catalogue sentence up to the marker given for a value the test does not fix (NUL)."""
    return sentence.split("\x00")[0]


ON_TRACK = look_text(DELIVERY_LOOK, "on_track", t("delivery.on_track"))
# One list: add a view here and the sweep (AppTest) and the exports (Chromium) cover it.
VIEWS = [
    View(
        "overview",
        "pages/explore/overview.py",
        "",
        expected=(t("standing.of", count=len(VALIDATED), total=100),),  # assessed: validated ones only
        exports=("objectives_where_they_stand",),
    ),
    View("objectives", "pages/explore/objectives.py", "objectives", exports=("objectives",)),
    View(
        "objective fiche",
        "pages/explore/objectives.py",
        "objectives",
        (("objective", X_OBJECTIVE),),
        exports=None,
        expected=(
            _before(
                t(
                    "context.of_objective",
                    delivery=look_text(DELIVERY_LOOK, "on_track", t("delivery.on_track")),
                    context="\x00",
                )
            ),
        ),
    ),
    View("workstreams", "pages/explore/workstreams.py", "workstreams", switch=True, exports=("workstreams",)),
    View(
        "workstream detail",
        "pages/explore/workstreams.py",
        "workstreams",
        (("workstream", X),),
        switch=True,
        switch_shows=(X,),
        expected=(status_label(official(X)),),  # its official status, first
        exports=None,
    ),
    View(
        "portfolio",
        "pages/explore/members.py",
        "members",
        (("member", EDITOR_MEMBER),),
        switch=True,
        switch_shows=(X,),  # the rows of the workstreams it steers (Y is one it initiates)
    ),
    View("partners and themes", "pages/explore/partners.py", "partners", exports=("social-partners", "themes")),
    View(
        "progress",
        "pages/progress/progress.py",
        "progress",
        switch=True,
        exports=("progress_counts", "transitions_since_last_summit", "changes_since_last_summit"),
    ),
    View("indicators", "pages/explore/indicators.py", "indicators", exports=("delivery_context",)),
    View(
        "import and export",
        "pages/progress/import_export.py",
        "import-export",
        switch=True,
        exports=("current_status",),
    ),
    View(
        "report progress",
        "pages/progress/report.py",
        "report",
        user="cabinet",
        own_proposals=True,
        expected=(t("report.current", status=status_label(official(X))),),
        exports=(f"history_{X}",),
    ),
]
VARIANTS = [(view, False) for view in VIEWS] + [(view, True) for view in VIEWS if view.switch]
EXPORT_LOG = "progress_history"  # the append-only log of every update with its decision, as stored
