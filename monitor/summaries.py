"""Aggregations of the filtered rows into what the pages show (pure pandas, no Streamlit)."""

from __future__ import annotations

import pandas as pd

ROLE_ORDER = ("initiating", "associated", "steering")
SOCIAL_PARTNER_KINDS = ("social_partners",)


def pillar_counts(objectives: pd.DataFrame, pillars: pd.DataFrame) -> pd.DataFrame:
    """One row per pillar: objectives and workstreams that pass the filters."""
    counted = objectives.groupby("pillar").agg(
        objectives=("code", "count"), workstreams=("matching_workstreams", "sum")
    )
    frame = pillars[["pillar", "pillar_title"]].join(counted, on="pillar")
    return frame.fillna({"objectives": 0, "workstreams": 0}).astype({"objectives": int, "workstreams": int})


def priority_by_pillar(objectives: pd.DataFrame) -> pd.DataFrame:
    """One row per pillar × priority type: number of objectives and their codes."""
    if objectives.empty:
        return pd.DataFrame(columns=["pillar", "priority_type", "objectives", "objective_codes"])
    grouped = objectives.groupby(["pillar", "priority_type"], sort=True)["code"]
    return grouped.agg(objectives="count", objective_codes=", ".join).reset_index()


def member_summary(roles: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per member: objectives initiated, associated with, workstreams steered (within the filters)."""
    objective_level = roles[roles["role"] != "steering"].drop_duplicates(["member_id", "role", "objective_code"])
    counts = objective_level.pivot_table(index="member_id", columns="role", values="objective_code", aggfunc="count")
    steering = roles[roles["role"] == "steering"].groupby("member_id")["workstream_code"].nunique()
    summary = members.set_index("member_id")[["name", "government", "kind", "committee"]].copy()
    for role in ("initiating", "associated"):
        summary[role] = counts.get(role, 0)
    summary["steering"] = steering
    summary = summary.fillna({"initiating": 0, "associated": 0, "steering": 0})
    return summary.astype({"initiating": int, "associated": int, "steering": int}).reset_index()


def responsibility_matrix(roles: pd.DataFrame) -> pd.DataFrame:
    """One row per member × objective: the member's roles there and how many of its workstreams it steers.

    Columns: member_id, member_name, member_order, objective_code, objective_order, initiating, associated,
    steering (workstream count), cell (a short text label: I / A / S n, readable without colour).
    """
    if roles.empty:
        return pd.DataFrame(
            columns=[
                "member_id",
                "member_name",
                "member_order",
                "objective_code",
                "objective_order",
                "initiating",
                "associated",
                "steering",
                "cell",
            ]
        )
    keys = ["member_id", "member_name", "member_order", "objective_code", "objective_order"]
    cells = (
        roles.assign(
            initiating=roles["role"].eq("initiating"),
            associated=roles["role"].eq("associated"),
            steering_code=roles["workstream_code"].where(roles["role"].eq("steering")),
        )
        .groupby(keys, sort=False)
        .agg(initiating=("initiating", "any"), associated=("associated", "any"), steering=("steering_code", "nunique"))
        .reset_index()
    )
    cells["cell"] = cells.apply(_cell_label, axis=1)
    return cells.sort_values(["member_order", "objective_order"]).reset_index(drop=True)


def _cell_label(row: pd.Series) -> str:
    parts = (["I"] if row["initiating"] else []) + (["A"] if row["associated"] else [])
    if row["steering"]:
        parts.append(f"S{int(row['steering'])}")
    return " ".join(parts)


def cell_strength(row: pd.Series) -> int:
    """An ordinal for the cell's shade: initiating 3, associated 1, plus one per steered workstream (max 6)."""
    return min(6, 3 * int(row["initiating"]) + int(row["associated"]) + int(row["steering"]))


MAX_SANKEY_WORKSTREAMS = 30


def sankey_links(roles: pd.DataFrame) -> pd.DataFrame:
    """Member → objective (one per objective-level role or steered objective) and objective → workstream links.

    Columns: source, target, value, role. Member → objective values count steered workstreams (at least 1).
    The objective → workstream level is drawn only when few enough workstreams are in view to stay readable.
    """
    if roles.empty:
        return pd.DataFrame(columns=["source", "target", "value", "role"])
    steering = roles[roles["role"] == "steering"]
    member_objective = (
        roles.groupby(["member_name", "objective_code"]).agg(value=("workstream_code", "nunique")).reset_index()
    )
    steered = steering.groupby(["member_name", "objective_code"])["workstream_code"].nunique()
    member_objective["value"] = [
        int(steered.get((m, o), 0)) or 1
        for m, o in zip(member_objective["member_name"], member_objective["objective_code"], strict=True)
    ]
    member_objective["role"] = "member"
    objective_workstream = steering.drop_duplicates(["objective_code", "workstream_code"]).assign(value=1)
    if objective_workstream["workstream_code"].nunique() > MAX_SANKEY_WORKSTREAMS:
        objective_workstream = objective_workstream.iloc[0:0]
    first = member_objective.rename(columns={"member_name": "source", "objective_code": "target"})
    second = objective_workstream.rename(columns={"objective_code": "source", "workstream_code": "target"})
    second = second.assign(role="workstream")[["source", "target", "value", "role"]]
    return pd.concat([first[["source", "target", "value", "role"]], second], ignore_index=True)


def partner_table(organisation_roles: pd.DataFrame, org_filter: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per objective: which social-partner bodies are partner / in the steering committee / steer.

    With org_filter, the rows show those organisations instead of the social partners.
    """
    rows = organisation_roles
    rows = rows[rows["org_id"].isin(org_filter)] if org_filter else rows[rows["org_kind"].isin(SOCIAL_PARTNER_KINDS)]
    if rows.empty:
        return pd.DataFrame(
            columns=[
                "objective_code",
                "objective_title",
                "objective_priority_type",
                "partner",
                "steering_committee",
                "steering",
            ]
        )
    names = rows.groupby(["objective_code", "objective_title", "objective_priority_type", "role"])["org_name"].agg(
        lambda values: "; ".join(sorted(set(values)))
    )
    table = names.unstack("role").reset_index()
    for role in ("partner", "steering_committee", "steering"):
        if role not in table:
            table[role] = ""
    return table.fillna("")[
        ["objective_code", "objective_title", "objective_priority_type", "partner", "steering_committee", "steering"]
    ]
