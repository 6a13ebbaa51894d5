"""Generated sample progress, for demos, training and benchmarks: never official, always labelled.

Every generated row has `is_sample = true`; while any exists, every page shows a "sample data" banner.
The history is reproducible (seeded) and plausible: each workstream moves forward through the statuses
between the strategy's signature and today; the secretariat decides every update at the next Summit that has
taken place (a few are returned), so what came after the last Summit awaits validation, as in a year of use.

    python -m monitor.progress.sample generate [--updates N] [--seed S]
    python -m monitor.progress.sample remove
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, datetime, time, timedelta

import pandas as pd

from monitor.progress import workflow
from monitor.storage import store

SAMPLE_ACTOR = "sample-generator"
FORWARD = {  # where a workstream may go at its next update; weighted by repetition, mostly onwards
    "not_started": ["in_progress", "in_progress", "not_started", "stalled"],
    "in_progress": ["in_progress", "in_progress", "in_progress", "partially_delivered", "delivered", "stalled"],
    "stalled": ["in_progress", "in_progress", "stalled", "abandoned"],
    "partially_delivered": ["delivered", "partially_delivered", "in_progress"],
    "delivered": ["delivered"],
    "abandoned": ["abandoned"],
}


def _confidence(rng: random.Random, status: str) -> str | None:
    """Mostly green or amber, red now and then (for a stalled workstream more often)."""
    if status not in workflow.NEEDS_CONFIDENCE:
        return None
    weights = (1, 2, 3) if status == "stalled" else (6, 3, 1)
    return rng.choices(workflow.CONFIDENCE_LEVELS, weights=weights)[0]


def _rows(codes: list[str], updates: int, seed: int, today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    # Summits that have taken place: the secretariat decides at those, never at one still to come.
    cycles = [day for day in workflow.cycles()["summit_date"] if workflow.STRATEGY_SIGNED <= day <= today]
    span = (today - workflow.STRATEGY_SIGNED).days
    moments = sorted(rng.randrange(1, span * 24) for _ in range(updates))
    state = {code: "not_started" for code in codes}
    update_rows, decision_rows = [], []
    for number, hours in enumerate(moments, start=1):
        code = rng.choice(codes)
        status = rng.choice(FORWARD[state[code]])
        state[code] = status
        proposed_at = datetime.combine(workflow.STRATEGY_SIGNED, time(9)) + timedelta(hours=hours)
        update_rows.append(
            {
                "workstream_code": code,
                "status": status,
                "stall_reason": rng.choice(workflow.STALL_REASONS) if status == "stalled" else None,
                "confidence": _confidence(rng, status),
                "narrative": f"Sample update {number} (generated, not official).",
                "as_of": proposed_at.date(),
                "proposed_at": proposed_at,
                "number": number,
            }
        )
        later_cycles = [day for day in cycles if day >= proposed_at.date()]
        if later_cycles:  # decided at the next Summit; what came after the last one awaits validation
            returned = rng.random() < 0.05
            decision_rows.append(
                {
                    "number": number,
                    "decision": "returned" if returned else "validated",
                    "comment": "Sample: please add evidence." if returned else None,
                    "cycle_date": later_cycles[0],
                    "decided_at": datetime.combine(later_cycles[0], time(12)),
                }
            )
    return pd.DataFrame(update_rows), pd.DataFrame(decision_rows)


def generate(updates: int = 600, seed: int = 2030, today: date | None = None) -> int:
    """Append `updates` sample updates (and their decisions) in one transaction; returns how many."""
    codes = workflow.workstream_codes()
    updates_frame, decisions_frame = _rows(codes, updates, seed, today or date.today())
    detail = {"updates": updates, "seed": seed}
    with store.transaction(SAMPLE_ACTOR, "generate_sample", detail) as cursor:
        first = store.execute(cursor, "last_update_id").fetchall()[0][0]
        updates_frame["update_id"] = updates_frame["number"] + first
        store.execute_many(cursor, "insert_sample_update", _parameters(updates_frame.drop(columns="number")))
        store.execute(cursor, "advance_update_ids").fetchall()
        if len(decisions_frame):
            decisions_frame["update_id"] = decisions_frame["number"] + first
            store.execute_many(cursor, "insert_sample_decision", _parameters(decisions_frame.drop(columns="number")))
        store.execute(cursor, "reset_workstream_versions")
    return updates


def _parameters(frame: pd.DataFrame) -> list[dict]:
    """The rows of a frame as statement parameters: Python values, a missing one as None (NULL)."""
    actor = {"actor": SAMPLE_ACTOR}
    plain = frame.astype(object).where(frame.notna(), None)
    return [{**row, **actor} for row in plain.to_dict("records")]


def remove() -> int:
    """Delete every sample row (and only those); returns how many updates went."""
    with store.transaction(SAMPLE_ACTOR, "remove_sample", {}) as cursor:
        count = int(store.execute(cursor, "sample_counts").fetchall()[0][0])
        store.execute(cursor, "delete_sample_decisions")
        store.execute(cursor, "delete_sample_updates")
        store.execute(cursor, "reset_workstream_versions")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.progress.sample", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generating = commands.add_parser("generate", help="add a generated, labelled sample history")
    generating.add_argument("--updates", type=int, default=600)
    generating.add_argument("--seed", type=int, default=2030)
    commands.add_parser("remove", help="delete every sample row")
    args = parser.parse_args(argv)
    if args.command == "generate":
        print(f"added {generate(args.updates, args.seed)} sample updates (labelled as sample in the app)")
    else:
        print(f"removed {remove()} sample updates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
