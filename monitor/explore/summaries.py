"""Aggregations of the filtered rows into what the pages show (no Streamlit).

The inputs are small (at most a few hundred rows), so plain loops are used where pandas' per-call overhead
would dominate a filter change.
"""

from __future__ import annotations

import pandas as pd

from monitor.core.frames import records, values

ROLE_ORDER = ("initiating", "associated", "steering", "consulted")
WORKSTREAM_ROLES = ("steering", "consulted")  # roles held on one workstream; the others on a whole objective
SOCIAL_PARTNER_KINDS = ("social_partners",)
SURE = "exact"  # a role is stated only when the printed title is matched exactly; inferred and undecided are not


def is_sure(confidence: object) -> bool:
    """Whether a role rests on a printed title matched exactly (else it is the Monitor's reading, shown as such)."""
    return confidence == SURE


def pillar_counts(objectives: pd.DataFrame, pillars: pd.DataFrame) -> pd.DataFrame:
    """One row per pillar: objectives and workstreams that pass the filters."""
    counted: dict[int, list[int]] = {}
    for pillar, matching in values(objectives, "pillar", "matching_workstreams"):
        totals = counted.setdefault(int(pillar), [0, 0])
        totals[0] += 1
        totals[1] += int(matching)
    rows = [
        {
            "pillar": int(p),
            "pillar_title": title,
            "objectives": counted.get(int(p), [0, 0])[0],
            "workstreams": counted.get(int(p), [0, 0])[1],
        }
        for p, title in values(pillars, "pillar", "pillar_title")
    ]
    return pd.DataFrame(rows, columns=["pillar", "pillar_title", "objectives", "workstreams"])


def priority_by_pillar(objectives: pd.DataFrame) -> pd.DataFrame:
    """One row per pillar × priority type: number of objectives and their codes."""
    groups: dict[tuple[int, str], list[str]] = {}
    for pillar, priority, code in values(objectives, "pillar", "priority_type", "code"):
        groups.setdefault((int(pillar), priority), []).append(code)
    rows = [
        {"pillar": pillar, "priority_type": priority, "objectives": len(codes), "objective_codes": ", ".join(codes)}
        for (pillar, priority), codes in sorted(groups.items())
    ]
    return pd.DataFrame(rows, columns=["pillar", "priority_type", "objectives", "objective_codes"])


INFERRED_COLUMNS = [f"{role}_inferred" for role in (*ROLE_ORDER, "committee")]


def member_summary(roles: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per member: objectives initiated, associated with, workstreams steered or consulted on (within the
    filters), and objectives whose steering committee lists it; each counted where a printed title states it
    (exact match), and apart (`<role>_inferred`) where the Monitor only reads a title as this member."""
    sure: dict[tuple[str, str], set[str]] = {}
    read: dict[tuple[str, str], set[str]] = {}
    columns = ("member_id", "role", "objective_code", "workstream_code", "confidence")
    for member, role, objective, workstream, confidence in values(roles, *columns):
        counted = sure if is_sure(confidence) else read
        counted.setdefault((member, role), set()).add(workstream if role in WORKSTREAM_ROLES else objective)
    rows = []
    for member in records(members, "member_id", "name", "government", "kind", "committee", "committee_inferred"):
        key = member.member_id
        rows.append(
            {
                "member_id": key,
                "name": member.name,
                "government": member.government,
                "kind": member.kind,
                "committee": int(member.committee),
                "committee_inferred": int(member.committee_inferred),
                **{role: len(sure.get((key, role), ())) for role in ROLE_ORDER},
                **{
                    f"{role}_inferred": len(read.get((key, role), set()) - sure.get((key, role), set()))
                    for role in ROLE_ORDER
                },
            }
        )
    return pd.DataFrame(
        rows, columns=["member_id", "name", "government", "kind", "committee", *ROLE_ORDER, *INFERRED_COLUMNS]
    )


PORTFOLIO_COLUMNS = ["role", "objective_code", "objective_title", "workstream_code", "workstream_title", "confidence"]


def portfolio(roles: pd.DataFrame) -> pd.DataFrame:
    """One member's responsibilities as the strategy states them, one row each: the objectives it initiates, then
    those it joins (associated), then the workstreams it steers, then those it is consulted on ("in overleg met");
    only these last two have a workstream code and title. `confidence` says how sure the match of the printed
    title is (exact = stated; inferred, undecided = the Monitor's reading).

    `roles`: the member's rows of member_roles (PORTFOLIO_COLUMNS at least), where an objective's roles reach
    each of its workstreams.
    Columns: PORTFOLIO_COLUMNS; objectives and workstreams keep the strategy's order within a role.
    """
    seen: set[tuple[str, str]] = set()
    rows = []
    for role, objective, objective_title, workstream, workstream_title, confidence in values(roles, *PORTFOLIO_COLUMNS):
        on_workstream = role in WORKSTREAM_ROLES
        responsibility = (role, workstream if on_workstream else objective)
        if responsibility not in seen:
            seen.add(responsibility)
            titles = (workstream, workstream_title) if on_workstream else ("", "")
            rows.append([role, objective, objective_title, *titles, confidence])
    rows.sort(key=lambda row: ROLE_ORDER.index(row[0]))  # a stable sort: the strategy's order stays within a role
    return pd.DataFrame(rows, columns=PORTFOLIO_COLUMNS)


MATRIX_COLUMNS = [
    "member_id",
    "member_name",
    "member_kind",
    "member_order",
    "objective_code",
    "objective_order",
    "initiating",
    "associated",
    "steering",
    "consulted",
    "inferred",
    "cell",
    "strength",
]
INFERRED_MARK = "?"  # after a letter in a matrix cell: the role rests on a title the Monitor reads, not one stated


def _cell_label(letters: dict[str, tuple[int, int]]) -> str:
    """'I', 'A', 'S2', 'C1', each followed by '?' for what is only inferred: I? S1 S2? = 1 stated, 2 inferred."""
    parts = []
    for letter, (stated, inferred) in letters.items():
        counted = letter in ("S", "C")
        if stated:
            parts.append(f"{letter}{stated if counted else ''}")
        if inferred:
            parts.append(f"{letter}{inferred if counted else ''}{INFERRED_MARK}")
    return " ".join(parts)


def responsibility_matrix(roles: pd.DataFrame) -> pd.DataFrame:
    """One row per member × objective: the member's roles there and how many of its workstreams it steers or is
    consulted on, stated (an exact match of the printed title) and inferred (the Monitor's reading) apart.

    Columns: member_id, member_name, member_kind, member_order, objective_code, objective_order, initiating,
    associated (stated), steering, consulted (stated workstream counts), inferred (roles only inferred here),
    cell (a short text label: I / A / S n / C n, each marked '?' where inferred, readable without colour),
    strength (the cell's shade from what is stated: initiating 3, associated 1, plus one per steered workstream,
    at most 6; a cell with inferred roles only is shaded 0).
    """
    cells: dict[tuple, dict] = {}
    read = (
        *("member_order", "objective_order", "member_id", "objective_code", "member_name", "member_kind"),
        *("role", "workstream_code", "confidence"),
    )
    for row in records(roles, *read):
        key = (row.member_order, row.objective_order, row.member_id, row.objective_code)
        cell = cells.setdefault(key, {"member_name": row.member_name, "kind": row.member_kind, "sure": {}, "read": {}})
        held = cell["sure" if is_sure(row.confidence) else "read"].setdefault(row.role, set())
        held.add(row.workstream_code if row.role in WORKSTREAM_ROLES else row.objective_code)
    rows = []
    for (member_order, objective_order, member_id, objective_code), cell in sorted(cells.items()):
        sure, read_only = cell["sure"], cell["read"]
        counts = {
            role: (len(sure.get(role, ())), len(read_only.get(role, set()) - sure.get(role, set())))
            for role in ROLE_ORDER
        }
        letters = dict(zip("IASC", counts.values(), strict=True))
        initiating, associated = counts["initiating"][0] > 0, counts["associated"][0] > 0
        steering = counts["steering"][0]
        rows.append(
            [
                member_id,
                cell["member_name"],
                cell["kind"],
                member_order,
                objective_code,
                objective_order,
                initiating,
                associated,
                steering,
                counts["consulted"][0],
                sum(inferred for _stated, inferred in counts.values()),
                _cell_label(letters),
                min(6, 3 * initiating + associated + steering),
            ]
        )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


MAX_SANKEY_WORKSTREAMS = 30


def sankey_links(roles: pd.DataFrame) -> pd.DataFrame:
    """Member → objective (one per objective the member is involved in) and objective → workstream links.

    Columns: source, target, value, role, stated. Member → objective values count steered workstreams (at least
    1); `stated` is False when every role of that member on that objective rests on a title the Monitor only reads
    as this member (confidence inferred or undecided): the chart marks such a link as inferred.
    The objective → workstream level is drawn only when few enough workstreams are in view to stay readable.
    """
    involved: dict[tuple[str, str], set[str]] = {}
    stated: dict[tuple[str, str], bool] = {}
    steered_workstreams: dict[str, str] = {}
    for row in records(roles, "member_name", "objective_code", "role", "workstream_code", "confidence"):
        pair = (row.member_name, row.objective_code)
        steered = involved.setdefault(pair, set())
        stated[pair] = stated.get(pair, False) or row.confidence == "exact"
        if row.role == "steering":
            steered.add(row.workstream_code)
            steered_workstreams[row.workstream_code] = row.objective_code
    links = [
        [member, objective, max(1, len(steered)), "member", stated[(member, objective)]]
        for (member, objective), steered in involved.items()
    ]
    if len(steered_workstreams) <= MAX_SANKEY_WORKSTREAMS:
        links += [
            [objective, workstream, 1, "workstream", True] for workstream, objective in steered_workstreams.items()
        ]
    return pd.DataFrame(links, columns=["source", "target", "value", "role", "stated"])


PARTNER_ROLES = ("partner", "steering_committee", "steering", "consulted")
PARTNER_COLUMNS = ["objective_code", "objective_title", "objective_priority_type", *PARTNER_ROLES, "inferred"]


def partner_table(organisation_roles: pd.DataFrame, org_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per objective: which social-partner bodies are partner / in the steering committee / steer / are
    consulted, where the printed name states it (exact match); `inferred` holds apart the (name, role) pairs of the
    bodies the Monitor only reads a printed name as. A name printed with a footnote keeps it ("Infor Jeunes Bruxelles
    (*: …)").

    With org_filter, the rows show those organisations instead of the social partners.
    """
    wanted = set(org_filter)
    names: dict[tuple[str, str, str], dict[str, set[str]]] = {}  # in plain Python: ~10x faster than groupby here
    columns = ("objective_code", "objective_title", "objective_priority_type", "role", "org_name", "org_id", "org_kind")
    for code, title, priority, role, name, org_id, kind, confidence, footnotes in values(
        organisation_roles, *columns, "confidence", "footnotes"
    ):
        if org_id in wanted if org_filter else kind in SOCIAL_PARTNER_KINDS:
            shown = f"{name} ({footnotes})" if isinstance(footnotes, str) else name
            by_role = names.setdefault((code, title, priority), {})
            if is_sure(confidence):
                by_role.setdefault(role, set()).add(shown)
            else:
                by_role.setdefault("inferred", set()).add((shown, role))
    if not names:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    return pd.DataFrame(
        [
            (
                *objective,
                *("; ".join(sorted(by_role.get(role, ()))) for role in PARTNER_ROLES),
                tuple(sorted(by_role.get("inferred", ()))),
            )
            for objective, by_role in sorted(names.items())
        ],
        columns=PARTNER_COLUMNS,
    )
