"""The validation queue as the secretariat narrows it (monitor.progress.queue): pure, on a made-up queue."""

from __future__ import annotations

import pandas as pd
import pytest

from monitor.progress import queue
from monitor.progress.queue import QueueFilter

OBJECTIVES = {"1.1": ["1.1.1", "1.1.2"], "1.2": ["1.2.1"], "2.1": ["2.1.1"]}
STEERING = {"minister_a": ["1.1.1", "1.2.1"], "minister_b": ["1.1.2", "1.2.1"]}  # 1.2.1 is steered by both
PENDING = pd.DataFrame(
    {
        "update_id": [11, 12, 13, 14, 15],
        "workstream_code": ["1.1.1", "1.1.2", "1.2.1", "1.1.1", "2.1.1"],
        "evidence_url": [None, "https://example.org/a", " ", "https://example.org/b", None],
    }
)


def shown(chosen: QueueFilter) -> list[int]:
    return queue.narrowed(PENDING, chosen, OBJECTIVES, STEERING)["update_id"].tolist()


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (QueueFilter(), [11, 12, 13, 14, 15]),
        (QueueFilter(objective="1.1"), [11, 12, 14]),
        (QueueFilter(member="minister_a"), [11, 13, 14]),
        (QueueFilter(member="minister_b"), [12, 13]),
        (QueueFilter(evidence="with"), [12, 14]),
        (QueueFilter(evidence="without"), [11, 13, 15]),  # a blank link is no evidence
        (QueueFilter(objective="1.1", member="minister_a", evidence="with"), [14]),
        (QueueFilter(objective="2.1", member="minister_a"), []),
        (QueueFilter(objective="9.9"), []),  # an objective without workstreams keeps nothing
    ],
)
def test_the_queue_narrows_by_objective_steering_member_and_evidence(chosen, expected):
    assert shown(chosen) == expected


def test_the_narrowed_queue_keeps_its_order_and_is_numbered_afresh():
    narrowed = queue.narrowed(PENDING, QueueFilter(evidence="with"), OBJECTIVES, STEERING)
    assert narrowed.index.tolist() == [0, 1]  # row positions, as a table selection gives them
    assert narrowed.columns.tolist() == PENDING.columns.tolist()


def test_an_unknown_evidence_choice_is_refused():
    with pytest.raises(ValueError):
        shown(QueueFilter(evidence="maybe"))


def test_counts_say_how_many_updates_each_choice_holds():
    assert queue.counts(PENDING, OBJECTIVES) == {"1.1": 3, "1.2": 1, "2.1": 1}
    assert queue.counts(PENDING, STEERING) == {"minister_a": 3, "minister_b": 2}
    assert queue.counts(PENDING[PENDING["update_id"] == 15], OBJECTIVES) == {"2.1": 1}  # groups with none left out


def test_the_fingerprint_names_exactly_these_rows_in_this_order():
    assert queue.fingerprint([11, 12]) == queue.fingerprint([11, 12])
    assert len({queue.fingerprint(ids) for ids in ([11, 12], [12, 11], [11], [11, 12, 13], [])}) == 5
