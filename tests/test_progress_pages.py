"""The progress pages under AppTest: viewers, editors and the secretariat; valid and invalid submissions."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from monitor.core.paths import PROJECT_ROOT
from monitor.progress import queue, sample, workflow
from monitor.storage import accounts, store
from monitor.ui import tables
from monitor.ui.auth import SESSION_KEY
from tests.rendered import default_placeholders, open_page, rendered_text
from tests.test_explore_pages import COMBINATIONS

DASHBOARD = str(PROJECT_ROOT / "dashboard.py")
PROGRESS_PAGES = [
    "pages/progress/progress.py",
    "pages/progress/report.py",
    "pages/progress/validate.py",
    "pages/progress/import_export.py",
    "pages/more/account.py",
]
EDITOR_MEMBER = "brussels_minister_president"


@pytest.mark.parametrize(
    "query",
    [COMBINATIONS[0], COMBINATIONS[1], COMBINATIONS[3], COMBINATIONS[5]],
    ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "none",
)
@pytest.mark.parametrize("page", PROGRESS_PAGES)
@pytest.mark.parametrize("user", [None, "cabinet", "secretariat"])
def test_every_progress_page_for_every_kind_of_user(people, page, query, user):
    sample.generate(200, seed=3)
    app = open_page(page, user, **query)
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    assert "⟦" not in rendered_text(app)


def test_without_progress_every_workstream_is_not_yet_assessed(people):
    app = open_page("pages/progress/progress.py")
    assert "No progress has been reported yet" in app.info[0].value
    counts = app.table[0].value
    assert counts["Not yet assessed"].sum() == 100 and counts.iloc[:, -1].sum() == 100


def test_progress_counts_follow_the_filters(people):
    sample.generate(300, seed=5)
    app = open_page("pages/progress/progress.py", priority="shared")
    counts = app.table[0].value
    shared_workstreams = sum(1 for _ in workflow.workstream_codes())  # all, then narrow by the objective list
    assert 0 < counts.iloc[:, -1].sum() < shared_workstreams
    assert len(counts) == 7  # the 7 shared objectives


def test_sample_banner_on_every_page_while_sample_rows_exist(people):
    for page in ["pages/explore/overview.py", "pages/explore/partners.py", "pages/progress/progress.py"]:
        assert not any("SAMPLE DATA" in w.value for w in open_page(page).warning)
    sample.generate(50)
    for page in [
        "pages/explore/overview.py",
        "pages/explore/partners.py",
        "pages/progress/progress.py",
        "pages/more/about_data.py",
    ]:
        assert any("SAMPLE DATA" in w.value for w in open_page(page).warning), page
    app = open_page("pages/explore/overview.py", lang="fr")
    assert any("DONNÉES D’EXEMPLE" in w.value for w in app.warning)
    sample.remove()
    assert not any("SAMPLE DATA" in w.value for w in open_page("pages/progress/progress.py").warning)


def test_viewers_write_nothing(people):
    for page in ["pages/progress/report.py", "pages/progress/validate.py"]:
        app = open_page(page)
        assert app.info and not app.main.button and not app.main.text_area
    app = open_page("pages/progress/import_export.py")
    assert "secretariat" in app.info[-1].value
    assert store.run("update_count")["updates"].iloc[0] == 0


def test_sign_in_with_the_form(people):
    app = open_page("pages/more/account.py")
    app.text_input(key="account_username").input("cabinet")
    app.text_input(key="account_password").input("wrong password")
    app.button(key="account_sign_in_submit").click().run()
    assert "Wrong user name or password" in app.error[0].value
    app.text_input(key="account_password").input("long-enough-1")
    app.button(key="account_sign_in_submit").click().run()
    assert app.session_state[SESSION_KEY] == "cabinet"
    assert "Signed in as Anna Peeters" in rendered_text(app)


def test_an_editor_reports_only_its_own_workstreams_and_the_update_lands(people):
    app = open_page("pages/progress/report.py", "cabinet")
    offered = app.selectbox(key="report_workstream").options
    mine = workflow.editable_workstreams(people["editor"])
    assert [option.split(" ", 1)[0] for option in offered] == mine
    app.selectbox(key="report_status").set_value("in_progress").run()
    app.radio(key="report_confidence").set_value("amber")
    app.text_area(key="report_narrative").input("<b>Started</b> with Brupartners")
    app.button(key="report_submit").click().run()
    assert not app.error
    assert "Your update is proposed" in app.success[0].value
    history = store.run("full_history")
    assert history[["workstream_code", "status", "confidence"]].values.tolist() == [[mine[0], "in_progress", "amber"]]
    assert app.dataframe[0].value["Narrative"].tolist() == ["<b>Started</b> with Brupartners"]


def test_an_invalid_submission_explains_and_saves_nothing(people):
    app = open_page("pages/progress/report.py", "cabinet")
    app.selectbox(key="report_status").set_value("stalled").run()
    assert default_placeholders(app) == []  # the reason's box, now drawn, says in English neither
    app.radio(key="report_confidence").set_value("red")
    app.button(key="report_submit").click().run()
    message = app.error[0].value
    assert "Nothing was saved" in message and "Reason it is stalled" in message and "narrative is required" in message
    assert store.run("update_count")["updates"].iloc[0] == 0


def test_a_conflict_keeps_the_editors_text(people):
    app = open_page("pages/progress/report.py", "cabinet")
    code = app.selectbox(key="report_workstream").value.split(" ", 1)[0]
    workflow.propose(people["admin"], workflow.Proposal(code, "not_started", date.today(), "meanwhile", "red"), 0)
    app.selectbox(key="report_status").set_value("in_progress").run()
    app.radio(key="report_confidence").set_value("green")
    app.text_area(key="report_narrative").input("my careful text")
    app.button(key="report_submit").click().run()
    assert "Someone updated this workstream" in app.warning[-1].value
    assert app.text_area(key="report_narrative").value == "my careful text"
    assert store.run("full_history")["narrative"].tolist() == ["meanwhile"]
    app.button(key="report_submit").click().run()  # resubmitting after seeing the newer update is deliberate
    assert store.run("full_history")["narrative"].tolist() == ["meanwhile", "my careful text"]


def queue_ids(app: AppTest) -> list[int]:
    """The update ids of the Validate queue as shown, in order."""
    return [int(update_id) for update_id in app.dataframe[0].value["Update"]]


def select_rows(app: AppTest, rows: list[int]) -> AppTest:
    """Tick `rows` (positions) in the Validate queue, as a click in the grid's first column does."""
    key = "validate_queue_" + queue.fingerprint(queue_ids(app))  # the grid's key for exactly these rows
    app.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    return app.run()


def decided() -> dict[int, str]:
    history = store.run("full_history").dropna(subset=["decision"])
    return dict(zip(history["update_id"].astype(int), history["decision"], strict=True))


def test_the_secretariat_decides_one_update_reading_its_narrative_as_text(people):
    code = workflow.editable_workstreams(people["editor"])[0]
    first = workflow.propose(
        people["editor"], workflow.Proposal(code, "delivered", date.today(), "<img src=x onerror=alert(1)>"), 0
    )
    app = open_page("pages/progress/validate.py", "secretariat")
    assert queue_ids(app) == [first]
    assert app.button(key="validate_validated").disabled  # nothing selected yet
    select_rows(app, [0])
    assert f"Update {first} for workstream {code}, proposed by Anna Peeters:" in rendered_text(app)
    assert app.text[0].value == "<img src=x onerror=alert(1)>"  # shown as text, never as HTML
    assert app.button(key="validate_validated").label == "Validate 1 selected update"
    app.button(key="validate_validated").click().run()
    assert app.success[0].value == "1 update validated."
    assert decided() == {first: "validated"}
    assert store.run("full_history")["cycle_date"].dt.date.tolist()[0] == max(workflow.cycles()["summit_date"])
    assert "Nothing awaits validation." in app.info[0].value


def test_the_secretariat_narrows_the_queue_by_objective_member_and_evidence(people, con):
    sample.generate()  # dozens of proposals awaiting validation (those since the last Summit), none with evidence
    for code in workflow.editable_workstreams(people["editor"])[:2]:
        proposal = workflow.Proposal(code, "delivered", date.today(), evidence_url="https://example.org/report")
        workflow.propose(people["editor"], proposal, workflow.version_of(code))
    app = open_page("pages/progress/validate.py", "secretariat")
    everything = queue_ids(app)
    pending = store.run("pending_updates")
    assert everything == pending["update_id"].tolist() and len(everything) > 20
    objective = app.selectbox(key="validate_objective").options[0].split(" ", 1)[0]
    app.selectbox(key="validate_objective").select_index(0).run()
    of_objective = {
        code
        for (code,) in con.execute(
            "SELECT code FROM workstreams WHERE objective_code = $o", {"o": objective}
        ).fetchall()
    }
    shown = pending.set_index("update_id").loc[queue_ids(app)]
    assert 0 < len(shown) < len(everything) and set(shown["workstream_code"]) <= of_objective
    assert app.selectbox(key="validate_objective").options[0].endswith(f"({len(shown)})")  # the count, beside it
    assert f"{len(shown)} of {len(pending)} updates shown." in rendered_text(app)

    app.selectbox(key="validate_objective").set_value(None).run()
    app.radio(key="validate_evidence").set_value("with").run()
    with_link = pending.set_index("update_id").loc[queue_ids(app)]
    assert with_link["evidence_url"].tolist() == ["https://example.org/report"] * 2
    grid = app.dataframe[0]
    assert grid.value["Evidence (link)"].tolist() == ["https://example.org/report"] * 2
    link_column = json.loads(grid.proto.columns)["Evidence (link)"]  # shown as a link to its host, not as text
    assert link_column["type_config"] == {"type": "link", "display_text": tables.LINK_HOST}
    app.radio(key="validate_evidence").set_value("without").run()
    without = pending.set_index("update_id").loc[queue_ids(app)]
    assert len(without) + len(with_link) == len(pending) and without["evidence_url"].isna().all()

    app.radio(key="validate_evidence").set_value("any").run()
    app.selectbox(key="validate_member").set_value(EDITOR_MEMBER).run()
    steered = {
        code
        for (code,) in con.execute(
            "SELECT workstream_code FROM workstream_members WHERE member_id = $m AND role = 'steering'",
            {"m": EDITOR_MEMBER},
        ).fetchall()
    }
    by_member = pending.set_index("update_id").loc[queue_ids(app)]
    assert 0 < len(by_member) < len(pending) and set(by_member["workstream_code"]) <= steered
    assert "the government member who steers the workstream, whoever proposed the update" in rendered_text(app)


def test_the_secretariat_validates_all_updates_of_an_objective_then_returns_a_selection_with_a_reason(people):
    sample.generate()
    app = open_page("pages/progress/validate.py", "secretariat")
    options = app.selectbox(key="validate_objective").options  # "<code> <title> (<updates awaiting>)"
    busiest = max(range(len(options)), key=lambda index: int(options[index].rsplit("(", 1)[1].rstrip(")")))
    app.selectbox(key="validate_objective").select_index(busiest).run()
    of_objective = queue_ids(app)
    assert len(of_objective) > 1
    select_all = app.checkbox[0]
    assert select_all.label == f"Select all {len(of_objective)} updates shown"
    select_all.check().run()
    assert app.button(key="validate_validated").label == f"Validate {len(of_objective)} selected updates"
    app.text_area(key="validate_comment").input("Seen at the Summit")
    app.button(key="validate_validated").click().run()
    assert app.success[0].value == f"{len(of_objective)} updates validated."
    history = store.run("full_history")
    by_people = history[history["decided_by"] == "secretariat"]  # not the sample's own decisions
    assert by_people["update_id"].tolist() == of_objective and set(by_people["decision"]) == {"validated"}
    assert set(by_people["decision_comment"]) == {"Seen at the Summit"}
    assert app.text_area(key="validate_comment").value == ""  # the form is empty for the next batch

    app.selectbox(key="validate_objective").set_value(None).run()
    remaining = queue_ids(app)
    assert not set(remaining) & set(of_objective)
    select_rows(app, [0, 2, 3])
    app.button(key="validate_returned").click().run()
    assert "comment is required" in app.error[0].value  # a return says why
    assert not set(remaining[:4]) & set(decided())
    select_rows(app, [0, 2, 3])  # the queue is the same: the selection held
    app.text_area(key="validate_comment").input("Add the decision of the government")
    app.button(key="validate_returned").click().run()
    assert app.success[0].value == "3 updates returned to their cabinets with your comment."
    assert [decided().get(update_id) for update_id in remaining[:4]] == ["returned", None, "returned", "returned"]


def test_a_batch_with_an_update_decided_meanwhile_decides_none_and_says_which(people):
    codes = workflow.editable_workstreams(people["editor"])[:3]
    made = [
        workflow.propose(people["editor"], workflow.Proposal(code, "in_progress", date.today(), "", "green"), 0)
        for code in codes
    ]
    app = select_rows(open_page("pages/progress/validate.py", "secretariat"), [0, 1, 2])
    workflow.decide(people["admin"], made[1], "returned", date(2026, 6, 11), "another admin, meanwhile")
    app.button(key="validate_validated").click().run()
    assert f"Someone decided on update #{made[1]} meanwhile, so nothing was changed" in app.warning[-1].value
    assert decided() == {made[1]: "returned"}
    assert queue_ids(app) == [made[0], made[2]] and app.button(key="validate_validated").disabled  # select again


def test_histories_name_the_person_not_the_account(people):
    code = workflow.editable_workstreams(people["editor"])[0]
    workflow.propose(people["editor"], workflow.Proposal(code, "in_progress", date.today(), "Begonnen.", "green"), 0)
    queue_table = open_page("pages/progress/validate.py", "secretariat").dataframe[0].value
    report = open_page("pages/progress/report.py", "cabinet")
    proposals = open_page("pages/progress/progress.py", proposals="true")
    assert queue_table["Proposed by"].tolist() == ["Anna Peeters"]
    assert report.dataframe[0].value["Proposed by"].tolist() == ["Anna Peeters"]
    assert any(line.value.endswith(", Anna Peeters)") for line in report.markdown)  # its proposal, marked
    assert proposals.dataframe[-1].value["Proposed by"].tolist() == ["Anna Peeters"]
    assert proposals.dataframe[-2].value["Proposed by"].tolist() == ["Anna Peeters"]  # what changed
    accounts.remove("cabinet")  # an account that no longer exists: its name is all there is
    queue_table = open_page("pages/progress/validate.py", "secretariat").dataframe[0].value
    assert queue_table["Proposed by"].tolist() == ["cabinet"]


def test_a_missing_text_shows_as_an_empty_cell_not_as_none(people):
    """Streamlit writes a missing value as "None", in English: an update without evidence has an empty cell."""
    code = workflow.editable_workstreams(people["editor"])[0]
    workflow.propose(people["editor"], workflow.Proposal(code, "in_progress", date.today(), "started", "green"), 0)
    queue = open_page("pages/progress/validate.py", "secretariat").dataframe[0].value
    assert queue["Evidence (link)"].tolist() == [""]


def test_the_secretariat_adds_a_cycle(people):
    app = open_page("pages/progress/validate.py", "secretariat")
    app.date_input(key="validate_new_cycle_date").set_value(date(2027, 6, 10))
    app.text_input(key="validate_new_cycle_label").input("Sociale Top 2027")
    app.text_input(key="validate_new_cycle_source").input("")
    app.button(key="validate_add_cycle_submit").click().run()
    assert "Say where this Summit date is announced" in app.error[0].value
    app.text_input(key="validate_new_cycle_source").input("Uitnodiging van 1 maart 2027")
    app.button(key="validate_add_cycle_submit").click().run()
    assert date(2027, 6, 10) in set(workflow.cycles()["summit_date"])


@pytest.mark.parametrize(
    "lang, signed, source",
    [("fr", "Sommet social : Stratégie 2025", "ligne 116"), ("nl", "Sociale Top: Strategie 2025", "regel 116")],
)
def test_the_summit_cycles_are_named_in_the_interface_language(people, lang, signed, source):
    """The cycles of the documents: their names in French or Dutch and where each is printed; an admin's as typed."""
    workflow.add_cycle(people["admin"], date(2027, 6, 10), "Sociale Top 2027", "Uitnodiging van 1 maart 2027")
    app = open_page("pages/progress/validate.py", "secretariat", lang=lang)
    (cycles,) = [frame.value for frame in app.dataframe if "Uitnodiging van 1 maart 2027" in frame.value.values]
    rows = {row[0]: row for row in cycles.itertuples(index=False)}
    (day_2015,) = [day for day in rows if "2015" in day]
    assert rows[day_2015][1].startswith(signed) and source in rows[day_2015][3] and "lines" not in rows[day_2015][3]
    (day_2027,) = [day for day in rows if "2027" in day]
    assert rows[day_2027][1] == "Sociale Top 2027" and rows[day_2027][3] == "Uitnodiging van 1 maart 2027"


@pytest.mark.parametrize(
    "page, user, future",
    [
        ("pages/progress/report.py", "cabinet", False),  # an update's date
        ("pages/progress/validate.py", "secretariat", True),  # a Summit's date: the next one is announced ahead
        ("pages/explore/targets.py", "secretariat", False),  # when a base-year value was published
    ],
)
def test_date_fields_read_day_first_as_dates_are_written_in_belgium(people, page, user, future):
    fields = open_page(page, user).date_input
    assert fields and {field.proto.format for field in fields} == {"DD/MM/YYYY"}
    assert all(field.max > date.today() for field in fields) == future


def test_lists_of_titles_and_narratives_wrap_their_long_texts(people):
    """Streamlit's grid wraps a cell's text only in rows taller than 4rem (64 px): the grids of workstream titles
    and of entered narratives have such rows (the narratives stay in grids: st.table would read them as Markdown)."""
    code = workflow.editable_workstreams(people["editor"])[0]
    workflow.propose(
        people["editor"], workflow.Proposal(code, "in_progress", date.today(), "a long narrative", "green"), 0
    )
    grids = {
        "import and export: current status": open_page("pages/progress/import_export.py").dataframe,
        "report: a workstream's history": open_page("pages/progress/report.py", "cabinet").dataframe,
        "validate: queue, not updated": open_page("pages/progress/validate.py", "secretariat").dataframe[:2],
        "progress: changes, proposals": open_page("pages/progress/progress.py", proposals="true").dataframe,
    }
    assert {name: [grid.proto.row_height > 64 for grid in found] for name, found in grids.items()} == {
        name: [True] * len(found) for name, found in grids.items()
    }
    assert all(grids.values()) and len(grids["progress: changes, proposals"]) == 2


def test_an_upload_is_checked_and_previewed_in_the_language_within_the_limits_it_states(people):
    app = open_page("pages/progress/import_export.py", "secretariat", lang="fr")
    label = app.file_uploader(key="transfer_file").label
    assert label == "Fichier CSV (UTF-8) ou XLSX, jusqu’à 5 Mo et 5\u202f000 lignes"  # the limits checked below

    def upload(name: str, content: bytes) -> AppTest:
        app.file_uploader(key="transfer_file").set_value((name, content, "text/csv"))
        return app.run()

    upload("trop.csv", b"workstream,status,as_of\n" + b"x" * 5_000_001)
    assert "trop.csv ne peut pas être lu : il dépasse 5 Mo." in app.error[0].value

    upload("faux.csv", b"workstream,status,as_of\n9.9.9,done,tomorrow\n")
    problems = app.dataframe[-1]
    assert len(problems.value) == 3 and problems.proto.row_height > 64  # a long reason wraps

    narrative = " ".join(["Wachten op de begroting."] * 12)
    upload(
        "bon.csv",
        f"workstream,status,as_of,confidence,narrative\n2.1.1,in_progress,2026-10-01,green,{narrative}\n".encode(),
    )
    preview = app.dataframe[-1]
    assert preview.value.iloc[0].tolist()[1:] == ["2.1.1", "◐ En cours", "1 octobre 2026", narrative]
    assert preview.proto.row_height > 64  # the narrative, read before importing, wraps


def test_a_proposal_awaiting_validation_is_official_nowhere_and_marked_where_asked(people):
    code = workflow.editable_workstreams(people["editor"])[0]
    workflow.propose(people["editor"], workflow.Proposal(code, "in_progress", date.today(), "Begonnen.", "green"), 0)
    marked = "◐ In progress (proposed — awaiting validation)"

    progress = open_page("pages/progress/progress.py")
    assert "Nothing has been validated yet: 1 proposal from a cabinet awaits validation" in rendered_text(progress)
    assert "100 workstreams pass the filters: Not yet assessed 100." in rendered_text(progress)
    assert "0 updates validated since the last Summit" in rendered_text(progress) and not progress.dataframe

    transfer = open_page("pages/progress/import_export.py").dataframe[0].value
    assert "◐ In progress" not in transfer.iloc[:, 2].tolist() and marked not in transfer.to_string()

    asked = open_page("pages/progress/progress.py", proposals="true")
    proposals = asked.dataframe[-1].value
    assert proposals.iloc[:, :3].values.tolist() == [[code, "? Not yet assessed", marked]]
    assert "100 workstreams pass the filters: Not yet assessed 100." in rendered_text(asked)  # counts stay official
    beside = open_page("pages/progress/import_export.py", proposals="true").dataframe[0].value
    assert beside.set_index(beside.columns[0]).loc[code].tolist()[1:] == ["? Not yet assessed", marked]
