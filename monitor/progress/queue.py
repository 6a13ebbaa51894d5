"""The validation queue as the secretariat narrows it: proposals of one objective, of one steering member, with or
without evidence; how many each choice holds; and a fingerprint of the rows shown (no Streamlit, no database).

The member of a proposal is the member who steers its workstream, not the cabinet whose account proposed it:
the secretariat reads the strategy by who answers for a workstream (as the Progress page counts by steering
member), editors may also report on workstreams of an objective their member initiates, and the secretariat's
own imports have no cabinet at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

EVIDENCE = ("any", "with", "without")  # which proposals the evidence filter keeps


@dataclass(frozen=True)
class QueueFilter:
    """What the secretariat narrows the queue to (None and "any": no narrowing)."""

    objective: str | None = None
    member: str | None = None  # a steering member's id
    evidence: str = "any"


def has_evidence(pending: pd.DataFrame) -> pd.Series:
    """Whether each proposal gives an evidence link (a blank link is none)."""
    links = pending["evidence_url"]
    return links.notna() & links.astype("string").str.strip().fillna("").ne("")


def narrowed(
    pending: pd.DataFrame,
    chosen: QueueFilter,
    objectives: Mapping[str, Sequence[str]],
    steering: Mapping[str, Sequence[str]],
) -> pd.DataFrame:
    """The proposals of `pending` that pass `chosen`, in queue order (index reset).

    `objectives` and `steering` give the workstream codes of each objective and of each steering member."""
    if chosen.evidence not in EVIDENCE:
        raise ValueError(f"evidence must be one of {EVIDENCE}, not {chosen.evidence!r}")
    keep = pd.Series(True, index=pending.index)
    codes = pending["workstream_code"]
    if chosen.objective is not None:
        keep &= codes.isin(set(objectives.get(chosen.objective, ())))
    if chosen.member is not None:
        keep &= codes.isin(set(steering.get(chosen.member, ())))
    if chosen.evidence != "any":
        keep &= has_evidence(pending) == (chosen.evidence == "with")
    return pending[keep].reset_index(drop=True)


def counts(pending: pd.DataFrame, groups: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """How many proposals of `pending` each group holds, in `groups` order; groups with none are left out."""
    per_code = pending["workstream_code"].value_counts().to_dict()
    found = {group: sum(per_code.get(code, 0) for code in codes) for group, codes in groups.items()}
    return {group: count for group, count in found.items() if count}


def fingerprint(update_ids: Sequence[int]) -> str:
    """A short name for exactly these rows in this order: a selection made by row positions holds only for them."""
    joined = ",".join(str(int(update_id)) for update_id in update_ids)
    return hashlib.blake2b(joined.encode("ascii"), digest_size=6).hexdigest()
