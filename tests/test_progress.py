"""The progress model and its write path: rules, permissions, conflicts, validation, derived status."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta

import pytest

from monitor.core.errors import AlreadyDecided, Conflict, PermissionDenied
from monitor.core.problems import ProposalInvalid
from monitor.i18n import catalogue
from monitor.progress import workflow
from monitor.progress.workflow import Proposal
from monitor.storage import store
from tests.stores import both_engines, store_sql

EDITOR_MEMBER = "brussels_minister_president"
TODAY = date.today()


def own_code(people) -> str:
    return workflow.editable_workstreams(people["editor"])[0]


def foreign_code(people) -> str:
    mine = set(workflow.editable_workstreams(people["editor"]))
    return next(code for code in workflow.workstream_codes() if code not in mine)


def current(code: str) -> str:
    """The workstream's official status: its latest validated update."""
    rows = store.run("progress_current", {"at": None})
    found = rows[rows["workstream_code"] == code]
    return found["status"].iloc[0] if len(found) else workflow.NOT_ASSESSED


def proposed(code: str) -> str | None:
    """The workstream's proposal awaiting validation, newer than its official status (None: none)."""
    rows = store.run("progress_proposed")
    found = rows[rows["workstream_code"] == code]
    return found["status"].iloc[0] if len(found) else None


def test_editor_scope_comes_from_the_strategy(people, con):
    steered_or_initiated = {
        row[0]
        for row in con.execute(
            "SELECT DISTINCT workstream_code FROM workstream_members WHERE member_id = $m"
            " AND role IN ('steering', 'initiating')",
            {"m": EDITOR_MEMBER},
        ).fetchall()
    }
    assert set(workflow.editable_workstreams(people["editor"])) == steered_or_initiated
    assert 0 < len(steered_or_initiated) < 100
    assert len(workflow.editable_workstreams(people["admin"])) == 100
    assert workflow.editable_workstreams(None) == []


@both_engines
def test_a_proposal_lands_as_a_proposal_and_becomes_official_once_validated(people):
    code = own_code(people)
    update_id = workflow.propose(people["editor"], Proposal(code, "in_progress", TODAY, confidence="green"), 0)
    assert (current(code), proposed(code)) == ("not_assessed", "in_progress")  # awaiting validation
    workflow.decide(people["admin"], update_id, "validated", date(2026, 6, 11))
    assert (current(code), proposed(code)) == ("in_progress", None)
    assert workflow.version_of(code) == update_id
    log = store.run("full_history")
    assert log["workstream_code"].tolist() == [code]
    audit = store_sql("SELECT actor, action FROM audit_log ORDER BY audit_id")
    assert audit == [("cabinet", "propose_update"), ("secretariat", "decide_update")]


def test_editor_cannot_write_another_members_workstream_even_by_direct_call(people):
    code = foreign_code(people)
    with pytest.raises(PermissionDenied):
        workflow.propose(people["editor"], Proposal(code, "in_progress", TODAY, confidence="green"), 0)
    with pytest.raises(PermissionDenied):
        workflow.propose(None, Proposal(code, "in_progress", TODAY, confidence="green"), 0)
    assert store.run("update_count")["updates"].iloc[0] == 0


def test_only_admins_validate_and_add_cycles(people):
    code = own_code(people)
    update_id = workflow.propose(people["editor"], Proposal(code, "in_progress", TODAY, confidence="amber"), 0)
    for someone in (None, people["editor"]):
        with pytest.raises(PermissionDenied):
            workflow.decide(someone, update_id, "validated", date(2026, 6, 11))
        with pytest.raises(PermissionDenied):
            workflow.add_cycle(someone, date(2027, 6, 10), "Sociale Top 2027", "invitation")
    workflow.decide(people["admin"], update_id, "validated", date(2026, 6, 11))
    with pytest.raises(Conflict):
        workflow.decide(people["admin"], update_id, "returned", date(2026, 6, 11), "changed my mind")


SUMMIT = date(2026, 6, 11)


def proposals(people, count: int) -> list[int]:
    """`count` new proposals awaiting validation, on the editor's first `count` workstreams."""
    codes = workflow.editable_workstreams(people["editor"])[:count]
    proposal = {"status": "in_progress", "as_of": TODAY, "confidence": "green"}
    return [workflow.propose(people["editor"], Proposal(code, **proposal), workflow.version_of(code)) for code in codes]


def decisions() -> dict[int, tuple[str, str | None, str]]:
    """{update id: (decision, comment, decided by)} of every decided update."""
    history = store.run("full_history").dropna(subset=["decision"])
    return {int(row.update_id): (row.decision, row.decision_comment, row.decided_by) for row in history.itertuples()}


def audit_details(action: str) -> list[dict]:
    found = store_sql("SELECT action, detail FROM audit_log ORDER BY audit_id")
    return [json.loads(detail) for logged, detail in found if logged == action]


def test_the_secretariat_decides_several_updates_at_once_with_one_comment(people):
    chosen = proposals(people, 3)
    made = workflow.decide_many(people["admin"], [*chosen, chosen[0]], "validated", SUMMIT, " Seen at the Summit ")
    assert len(made) == 3 and len(set(made)) == 3  # a repeated id is decided once
    assert decisions() == {update_id: ("validated", "Seen at the Summit", "secretariat") for update_id in chosen}
    # audited as decide audits each decision: one line per update, in the batch's one transaction
    assert audit_details("decide_update") == [
        {"update_id": update_id, "decision": "validated", "cycle": str(SUMMIT)} for update_id in chosen
    ]
    returned = proposals(people, 2)  # newer proposals on two of the same workstreams
    workflow.decide_many(people["admin"], returned, "returned", SUMMIT, "No evidence")
    assert {decisions()[update_id][0] for update_id in returned} == {"returned"}


def test_only_admins_decide_several_at_once(people):
    chosen = proposals(people, 2)
    for someone in (None, people["editor"]):
        with pytest.raises(PermissionDenied):
            workflow.decide_many(someone, chosen, "validated", SUMMIT)
    assert decisions() == {} and audit_details("decide_update") == []


@both_engines
def test_a_batch_with_an_update_decided_meanwhile_decides_none_and_names_it(people):
    first, second, third = proposals(people, 3)
    workflow.decide(people["admin"], second, "returned", SUMMIT, "another admin, meanwhile")
    with pytest.raises(AlreadyDecided) as conflict:
        workflow.decide_many(people["admin"], [first, second, third], "validated", SUMMIT)
    assert conflict.value.update_ids == [second] and isinstance(conflict.value, Conflict)
    assert decisions() == {second: ("returned", "another admin, meanwhile", "secretariat")}  # all or nothing
    assert [detail["update_id"] for detail in audit_details("decide_update")] == [second]
    workflow.decide_many(people["admin"], [first, third], "validated", SUMMIT)  # the rest, once looked at again
    assert {decisions()[update_id][0] for update_id in (first, third)} == {"validated"}


@pytest.mark.parametrize(
    ("ids", "decision", "comment", "column", "key"),
    [
        ([], "validated", "", "update", "progress.error.nothing_chosen"),
        (None, "returned", "  ", "comment", "progress.error.comment_required"),  # a return says why, as one at a time
        (None, "accepted", "", "decision", "progress.error.unknown_decision"),
        ("unknown", "validated", "", "update", "progress.error.unknown_update"),
    ],
)
def test_a_batch_that_breaks_a_rule_is_refused_whole(people, ids, decision, comment, column, key):
    chosen = proposals(people, 2)
    ids = chosen if ids is None else [*chosen, 999_999] if ids == "unknown" else ids
    with pytest.raises(ProposalInvalid) as refused:
        workflow.decide_many(people["admin"], ids, decision, SUMMIT, comment)
    assert [(p.column, p.key) for p in refused.value.problems] == [(column, key)]
    assert decisions() == {}


@pytest.mark.parametrize(
    ("proposal", "column", "key"),
    [
        (dict(status="stalled", confidence="red"), "stall_reason", "progress.error.stall_reason_required"),
        (
            dict(status="stalled", confidence="red", stall_reason="budget"),
            "narrative",
            "progress.error.narrative_required",
        ),
        (dict(status="abandoned", narrative=" "), "narrative", "progress.error.narrative_required"),
        (dict(status="in_progress"), "confidence", "progress.error.confidence_required"),
        (dict(status="delivered", confidence="green"), "confidence", "progress.error.confidence_not_applicable"),
        (
            # a month ahead: the parameters are made when tests are collected, which may be before midnight
            dict(status="in_progress", confidence="green", as_of=TODAY + timedelta(days=30)),
            "as_of",
            "progress.error.future_date",
        ),
        (
            dict(status="in_progress", confidence="green", as_of=date(2019, 12, 31)),
            "as_of",
            "progress.error.before_strategy",
        ),
        (
            dict(status="in_progress", confidence="green", evidence_url="javascript:alert(1)"),
            "evidence_url",
            "progress.error.bad_link",
        ),
        (
            dict(status="in_progress", confidence="green", evidence_url="www.example.org"),
            "evidence_url",
            "progress.error.bad_link",
        ),
        (dict(status="done"), "status", "progress.error.unknown_status"),
        (
            dict(status="in_progress", confidence="green", narrative="x" * 2001),
            "narrative",
            "progress.error.narrative_too_long",
        ),
    ],
)
def test_invalid_proposals_are_refused_with_the_field_and_a_plain_reason(people, proposal, column, key):
    fields = {"as_of": TODAY, **proposal}
    with pytest.raises(ProposalInvalid) as refused:
        workflow.propose(people["editor"], Proposal(own_code(people), **fields), 0)
    assert (column, key) in {(p.column, p.key) for p in refused.value.problems}
    assert key in catalogue()
    assert store.run("update_count")["updates"].iloc[0] == 0


def test_every_rule_message_exists_in_the_catalogue():
    import re

    from monitor.core.paths import PROJECT_ROOT

    sources = (
        PROJECT_ROOT / "monitor" / name for name in ("progress/workflow.py", "progress/imports.py", "core/tabular.py")
    )
    keys = {key for path in sources for key in re.findall(r'"((?:progress|import)\.error\.[a-z_]+)"', path.read_text())}
    assert len(keys) > 25 and keys <= set(catalogue())


@both_engines
def test_only_validated_updates_are_official_and_returns_never(people):
    code = own_code(people)
    admin = people["admin"]
    first = workflow.propose(people["editor"], Proposal(code, "in_progress", TODAY, confidence="green"), 0)
    delivered = workflow.propose(people["editor"], Proposal(code, "delivered", TODAY), first)
    assert (current(code), proposed(code)) == ("not_assessed", "delivered")  # the newest proposal, not official
    workflow.decide(admin, delivered, "validated", date(2026, 6, 11))
    assert (current(code), proposed(code)) == ("delivered", None)  # the older proposal is superseded
    backwards = workflow.propose(
        people["editor"], Proposal(code, "stalled", TODAY, "budget cut", "red", "budget"), delivered
    )
    assert (current(code), proposed(code)) == ("delivered", "stalled")  # a status may move backwards, once validated
    workflow.decide(admin, backwards, "returned", date(2026, 6, 11), "no evidence")
    assert (current(code), proposed(code)) == ("delivered", None)
    with pytest.raises(ProposalInvalid):
        workflow.decide(admin, first, "returned", date(2026, 6, 11), "  ")


@both_engines
def test_the_official_status_and_the_proposal_are_each_one_whole_update(people):
    """A delivered or abandoned workstream has no confidence nor stall reason, even when an older update had them
    (a per-column aggregate skipped the newer update's empty values and showed the older 'red' and 'budget')."""
    code, summit = own_code(people), date(2026, 6, 11)
    stalled = workflow.propose(people["editor"], Proposal(code, "stalled", TODAY, "Wacht.", "red", "budget"), 0)
    workflow.decide(people["admin"], stalled, "validated", summit)
    abandoned = workflow.propose(people["editor"], Proposal(code, "abandoned", TODAY, "Stop."), stalled)
    proposal = store.run("progress_proposed").set_index("workstream_code").loc[code]
    assert (proposal["status"], proposal["confidence"], proposal["stall_reason"]) == ("abandoned", None, None)
    workflow.decide(people["admin"], abandoned, "validated", summit)
    official = store.run("progress_current", {"at": None}).set_index("workstream_code").loc[code]
    assert (official["status"], official["confidence"], official["stall_reason"]) == ("abandoned", None, None)
    assert official["update_id"] == abandoned


@both_engines
def test_a_stale_edit_is_a_conflict_and_writes_nothing(people):
    code = own_code(people)
    seen = workflow.version_of(code)
    workflow.propose(people["admin"], Proposal(code, "in_progress", TODAY, confidence="green"), seen)
    with pytest.raises(Conflict) as conflict:
        workflow.propose(people["editor"], Proposal(code, "not_started", TODAY, confidence="amber"), seen)
    assert conflict.value.current_version == workflow.version_of(code)
    assert store.run("update_count")["updates"].iloc[0] == 1
    workflow.propose(
        people["editor"], Proposal(code, "not_started", TODAY, confidence="amber"), conflict.value.current_version
    )
    assert proposed(code) == "not_started"


@both_engines
def test_twenty_threads_updating_one_workstream_lose_nothing(people):
    code = own_code(people)
    outcomes: list[str] = []
    barrier = threading.Barrier(20)

    def edit(number: int) -> None:
        based_on = workflow.version_of(code)
        barrier.wait()
        try:
            workflow.propose(
                people["editor"], Proposal(code, "in_progress", TODAY, f"edit {number}", "green"), based_on
            )
            outcomes.append(f"landed {number}")
        except Conflict:
            outcomes.append(f"conflict {number}")

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    landed = {o.split()[1] for o in outcomes if o.startswith("landed")}
    stored = set(store.run("full_history")["narrative"].str.removeprefix("edit "))
    assert len(outcomes) == 20
    assert landed == stored and len(landed) == 1  # all saw the same version: one wins, 19 are told
    assert store.run("update_count")["updates"].iloc[0] == 1


def test_admins_add_cycles_that_join_the_documented_ones(people):
    documented = workflow.cycles()
    assert list(documented["origin"].unique()) == ["document"]
    assert date(2026, 6, 11) in set(documented["summit_date"]) and date(2020, 1, 16) in set(documented["summit_date"])
    with pytest.raises(ProposalInvalid):
        workflow.add_cycle(people["admin"], date(2026, 6, 11), "again", "x")
    workflow.add_cycle(people["admin"], date(2027, 6, 10), "Sociale Top 2027", "uitnodiging van de regering")
    both = workflow.cycles()
    assert both["summit_date"].tolist() == sorted(both["summit_date"])
    assert both.loc[both["summit_date"] == date(2027, 6, 10), "origin"].item() == "admin"


@pytest.mark.parametrize(
    "hostile",
    [
        "http://a.b/x)[evil](javascript:alert(1)",  # the probe of issue 21: "b" is no top-level domain
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)//http://be.brussels",
        "data:text/html,<script>alert(1)</script>",
        "http://",
        "https:///path-only",
        "//be.brussels/protocol-relative",
        "http://be.brussels@evil.example/",  # a user name that looks like the host
        "http://be.brussels:99999/",
        "http://be .brussels/",
        "http://be.brussels/\nSet-Cookie:x",
        "http://exa_mple.org/",
        "http://localhost/",
    ],
)
def test_an_evidence_link_that_is_not_a_web_address_with_a_host_is_refused(hostile):
    assert workflow.evidence_link(hostile) is None
    proposal = Proposal("1.1.1", "in_progress", TODAY, confidence="green", evidence_url=hostile)
    problems = workflow.check(proposal, ["1.1.1"])
    assert [problem.key for problem in problems if problem.column == "evidence_url"] == ["progress.error.bad_link"]


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("http://a.be/x)[evil](javascript:alert(1)", "http://a.be/x%29%5Bevil%5D%28javascript:alert%281%29"),
        ("HTTPS://Be.Brussels", "https://be.brussels/"),
        ('https://example.org/a?b=(c)&d="e"#<f>', "https://example.org/a?b=%28c%29&d=%22e%22#%3Cf%3E"),
        ("http://bruxelles.brussels/é", "http://bruxelles.brussels/%C3%A9"),
        ("http://192.168.10.1:8080/x%20y", "http://192.168.10.1:8080/x%20y"),
    ],
)
def test_an_evidence_link_is_written_back_normalised_so_markdown_cannot_split_it(people, given, written):
    assert workflow.evidence_link(given) == written
    assert not set("()[]<>\"' ") & set(written)
    code = own_code(people)
    workflow.propose(people["editor"], Proposal(code, "delivered", TODAY, narrative="Done", evidence_url=given), 0)
    assert store.run("pending_updates").set_index("workstream_code").loc[code, "evidence_url"] == written
