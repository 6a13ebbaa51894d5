"""Aggregations of the filtered rows into what the pages show (no Streamlit).

The inputs are small (at most a few hundred rows), so plain loops are used where pandas' per-call overhead
would dominate a filter change.
"""

from __future__ import annotations

import pandas as pd

from monitor.core.frames import records, values

ROLE_ORDER = ("initiating", "associated", "steering")
SOCIAL_PARTNER_KINDS = ("social_partners",)


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


def member_summary(roles: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per member: objectives initiated, associated with, workstreams steered (within the filters)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for member, role, objective, workstream in values(roles, "member_id", "role", "objective_code", "workstream_code"):
        seen.setdefault((member, role), set()).add(workstream if role == "steering" else objective)
    rows = []
    for member in records(members, "member_id", "name", "government", "kind", "committee"):
        rows.append(
            {
                "member_id": member.member_id,
                "name": member.name,
                "government": member.government,
                "kind": member.kind,
                "committee": int(member.committee),
                **{role: len(seen.get((member.member_id, role), ())) for role in ROLE_ORDER},
            }
        )
    return pd.DataFrame(rows, columns=["member_id", "name", "government", "kind", "committee", *ROLE_ORDER])


PORTFOLIO_COLUMNS = ["role", "objective_code", "objective_title", "workstream_code", "workstream_title"]


def portfolio(roles: pd.DataFrame) -> pd.DataFrame:
    """One member's responsibilities as the strategy states them, one row each: the objectives it initiates, then
    those it joins (associated), then the workstreams it steers; only these have a workstream code and title.

    `roles`: the member's rows of member_roles (PORTFOLIO_COLUMNS at least), where an objective's roles reach
    each of its workstreams.
    Columns: PORTFOLIO_COLUMNS; objectives and workstreams keep the strategy's order within a role.
    """
    seen: set[tuple[str, str]] = set()
    rows = []
    for role, objective, objective_title, workstream, workstream_title in values(roles, *PORTFOLIO_COLUMNS):
        steering = role == "steering"
        responsibility = (role, workstream if steering else objective)
        if responsibility not in seen:
            seen.add(responsibility)
            rows.append([role, objective, objective_title, *((workstream, workstream_title) if steering else ("", ""))])
    rows.sort(key=lambda row: ROLE_ORDER.index(row[0]))  # a stable sort: the strategy's order stays within a role
    return pd.DataFrame(rows, columns=PORTFOLIO_COLUMNS)


MATRIX_COLUMNS = [
    "member_id",
    "member_name",
    "member_order",
    "objective_code",
    "objective_order",
    "initiating",
    "associated",
    "steering",
    "cell",
    "strength",
]


def responsibility_matrix(roles: pd.DataFrame) -> pd.DataFrame:
    """One row per member × objective: the member's roles there and how many of its workstreams it steers.

    Columns: member_id, member_name, member_order, objective_code, objective_order, initiating, associated,
    steering (workstream count), cell (a short text label: I / A / S n, readable without colour), strength
    (the cell's shade: initiating 3, associated 1, plus one per steered workstream, at most 6).
    """
    cells: dict[tuple, dict] = {}
    read = ("member_order", "objective_order", "member_id", "objective_code", "member_name", "role", "workstream_code")
    for row in records(roles, *read):
        key = (row.member_order, row.objective_order, row.member_id, row.objective_code)
        cell = cells.setdefault(key, {"member_name": row.member_name, "roles": set(), "steered": set()})
        cell["roles"].add(row.role)
        if row.role == "steering":
            cell["steered"].add(row.workstream_code)
    rows = []
    for (member_order, objective_order, member_id, objective_code), cell in sorted(cells.items()):
        initiating, associated = "initiating" in cell["roles"], "associated" in cell["roles"]
        steering = len(cell["steered"])
        label = " ".join(
            [*(["I"] if initiating else []), *(["A"] if associated else []), *([f"S{steering}"] if steering else [])]
        )
        rows.append(
            [
                member_id,
                cell["member_name"],
                member_order,
                objective_code,
                objective_order,
                initiating,
                associated,
                steering,
                label,
                min(6, 3 * initiating + associated + steering),
            ]
        )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


MAX_SANKEY_WORKSTREAMS = 30


def sankey_links(roles: pd.DataFrame) -> pd.DataFrame:
    """Member → objective (one per objective the member is involved in) and objective → workstream links.

    Columns: source, target, value, role. Member → objective values count steered workstreams (at least 1).
    The objective → workstream level is drawn only when few enough workstreams are in view to stay readable.
    """
    involved: dict[tuple[str, str], set[str]] = {}
    steered_workstreams: dict[str, str] = {}
    for row in records(roles, "member_name", "objective_code", "role", "workstream_code"):
        steered = involved.setdefault((row.member_name, row.objective_code), set())
        if row.role == "steering":
            steered.add(row.workstream_code)
            steered_workstreams[row.workstream_code] = row.objective_code
    links = [[member, objective, max(1, len(steered)), "member"] for (member, objective), steered in involved.items()]
    if len(steered_workstreams) <= MAX_SANKEY_WORKSTREAMS:
        links += [[objective, workstream, 1, "workstream"] for workstream, objective in steered_workstreams.items()]
    return pd.DataFrame(links, columns=["source", "target", "value", "role"])


PARTNER_ROLES = ("partner", "steering_committee", "steering")
PARTNER_COLUMNS = ["objective_code", "objective_title", "objective_priority_type", *PARTNER_ROLES]


def partner_table(organisation_roles: pd.DataFrame, org_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per objective: which social-partner bodies are partner / in the steering committee / steer.

    With org_filter, the rows show those organisations instead of the social partners.
    """
    wanted = set(org_filter)
    names: dict[tuple[str, str, str], dict[str, set[str]]] = {}  # in plain Python: ~10x faster than groupby here
    for code, title, priority, role, name, org_id, kind in values(
        organisation_roles,
        *("objective_code", "objective_title", "objective_priority_type", "role", "org_name", "org_id", "org_kind"),
    ):
        if org_id in wanted if org_filter else kind in SOCIAL_PARTNER_KINDS:
            names.setdefault((code, title, priority), {}).setdefault(role, set()).add(name)
    if not names:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    return pd.DataFrame(
        [
            (*objective, *("; ".join(sorted(by_role.get(role, ()))) for role in PARTNER_ROLES))
            for objective, by_role in sorted(names.items())
        ],
        columns=PARTNER_COLUMNS,
    )
