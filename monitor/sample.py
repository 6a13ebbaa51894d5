"""Generated sample progress, for demos, training and benchmarks: never official, always labelled.

Every generated row has `is_sample = true`; while any exists, every page shows a "sample data" banner.
The history is reproducible (seeded) and plausible: each workstream moves forward through the statuses
between the strategy's signature and today, final states are validated at a cycle, a few are returned.

    python -m monitor.sample generate [--updates N] [--seed S]
    python -m monitor.sample remove
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, datetime, time, timedelta

import pandas as pd

from monitor import progress, store

SAMPLE_ACTOR = "sample-generator"
FORWARD = {
    "not_started": ["in_progress", "in_progress", "stalled", "not_started"],
    "in_progress": ["in_progress", "partially_delivered", "delivered", "stalled"],
    "stalled": ["in_progress", "abandoned", "stalled"],
    "partially_delivered": ["delivered", "in_progress"],
    "delivered": ["delivered"],
    "abandoned": ["abandoned"],
}


def _rows(codes: list[str], updates: int, seed: int, today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    cycles = [day for day in progress.cycles()["summit_date"] if day >= progress.STRATEGY_SIGNED]
    span = (today - progress.STRATEGY_SIGNED).days
    moments = sorted(rng.randrange(1, span * 24) for _ in range(updates))
    state = {code: "not_started" for code in codes}
    update_rows, decision_rows = [], []
    for number, hours in enumerate(moments, start=1):
        code = rng.choice(codes)
        status = rng.choice(FORWARD[state[code]])
        state[code] = status
        proposed_at = datetime.combine(progress.STRATEGY_SIGNED, time(9)) + timedelta(hours=hours)
        update_rows.append(
            {
                "workstream_code": code,
                "status": status,
                "stall_reason": rng.choice(progress.STALL_REASONS) if status == "stalled" else None,
                "confidence": rng.choice(progress.CONFIDENCE_LEVELS) if status in progress.NEEDS_CONFIDENCE else None,
                "narrative": f"Sample update {number} (generated, not official).",
                "as_of": proposed_at.date(),
                "proposed_at": proposed_at,
                "number": number,
            }
        )
        later_cycles = [day for day in cycles if day >= proposed_at.date()]
        if later_cycles and rng.random() < 0.8:
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
    codes = progress.workstream_codes()
    updates_frame, decisions_frame = _rows(codes, updates, seed, today or date.today())
    detail = {"updates": updates, "seed": seed}
    with store.transaction(SAMPLE_ACTOR, "generate_sample", detail) as cursor:
        first = cursor.execute("SELECT coalesce(max(update_id), 0) FROM progress_updates").fetchall()[0][0]
        updates_frame["update_id"] = updates_frame["number"] + first
        cursor.register("sample_updates", updates_frame)
        cursor.execute(
            "INSERT INTO progress_updates (update_id, workstream_code, based_on, status, stall_reason, confidence,"
            " narrative, as_of, proposed_by, proposed_at, is_sample)"
            " SELECT update_id, workstream_code, 0, status, stall_reason, confidence, narrative, as_of,"
            f" '{SAMPLE_ACTOR}', proposed_at, true FROM sample_updates"
        )
        cursor.execute("SELECT setval('update_ids', (SELECT max(update_id) FROM progress_updates))").fetchall()
        if len(decisions_frame):
            decisions_frame["update_id"] = decisions_frame["number"] + first
            cursor.register("sample_decisions", decisions_frame)
            cursor.execute(
                "INSERT INTO validations (update_id, decision, comment, cycle_date, decided_by, decided_at, is_sample)"
                f" SELECT update_id, decision, comment, cycle_date, '{SAMPLE_ACTOR}', decided_at, true"
                " FROM sample_decisions"
            )
        _reset_versions(cursor)
    return updates


def remove() -> int:
    """Delete every sample row (and only those); returns how many updates went."""
    with store.transaction(SAMPLE_ACTOR, "remove_sample", {}) as cursor:
        count = cursor.execute("SELECT count(*) FROM progress_updates WHERE is_sample").fetchall()[0][0]
        cursor.execute(
            "DELETE FROM validations WHERE is_sample"
            " OR update_id IN (SELECT update_id FROM progress_updates WHERE is_sample)"
        )
        cursor.execute("DELETE FROM progress_updates WHERE is_sample")
        _reset_versions(cursor)
    return count


def _reset_versions(cursor) -> None:
    """Versions are the latest update per workstream; recomputed after bulk changes."""
    cursor.execute("DELETE FROM workstream_versions")
    cursor.execute(
        "INSERT INTO workstream_versions SELECT workstream_code, max(update_id) FROM progress_updates"
        " GROUP BY workstream_code"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.sample", description=__doc__.split("\n\n")[0])
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
