"""Progress imports: preview with per-row problems, all-or-nothing commit, and fuzzing with malformed files."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from monitor.core import tabular
from monitor.core.errors import Conflict, PermissionDenied
from monitor.i18n import catalogue
from monitor.progress import imports, workflow
from monitor.storage import store

TODAY = date.today().isoformat()
FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = list(imports.PROGRESS_COLUMNS)
GOOD = [
    HEADER,
    ["1.1.1", "in_progress", TODAY, "green", "", "Started with the partners.", "https://be.brussels/"],
    ["1.1.2", "stalled", TODAY, "red", "budget", "Waiting for the 2027 budget.", ""],
    ["2.8.1", "", "", "", "", "", ""],  # a template row left blank
]


def updates() -> int:
    return int(store.run("update_count")["updates"].iloc[0])


def preview(admin, content: bytes, name: str = "upload.csv") -> imports.ProgressPreview:
    return imports.preview_progress(tabular.read_table(name, content), workflow.editable_workstreams(admin))


@pytest.mark.parametrize("as_xlsx", [False, True])
def test_a_clean_file_lands_whole_in_one_import(admin, as_xlsx):
    content = xlsx_bytes(GOOD) if as_xlsx else csv_bytes(GOOD)
    checked = preview(admin, content, "upload.xlsx" if as_xlsx else "upload.csv")
    assert checked.ok and checked.skipped == 1 and [n for n, _ in checked.proposals] == [2, 3]
    import_id = imports.commit_progress(admin, checked)
    history = store.run("full_history")
    assert history["workstream_code"].tolist() == ["1.1.1", "1.1.2"]
    assert set(history["import_id"]) == {import_id}
    assert history["stall_reason"].tolist()[1] == "budget"


def test_semicolons_and_a_byte_order_mark_are_read(admin):
    content = "\ufeff".encode() + csv_bytes(GOOD, delimiter=";")
    assert preview(admin, content).ok


def test_one_bad_row_stops_the_whole_file_with_row_and_column(admin):
    rows = [
        *GOOD,
        ["1.2.1", "in_progress", "31/12/2025", "green", "", "", ""],
        ["9.9.9", "done", TODAY, "", "", "", ""],
    ]
    checked = preview(admin, csv_bytes(rows))
    found = {(p.row, p.column, p.key) for p in checked.problems}
    assert (5, "as_of", "import.error.bad_date") in found
    assert (6, "workstream", "progress.error.unknown_workstream") in found
    assert (6, "status", "progress.error.unknown_status") in found
    with pytest.raises(ValueError):
        imports.commit_progress(admin, checked)
    assert updates() == 0


def test_header_problems_are_reported_on_row_one(admin):
    checked = preview(admin, csv_bytes([["workstream", "state", "as_of", "as_of"], ["1.1.1", "x", TODAY, TODAY]]))
    assert {(p.row, p.column, p.key) for p in checked.problems} == {
        (1, "status", "import.error.missing_column"),
        (1, "state", "import.error.unknown_column"),
        (1, "as_of", "import.error.repeated_column"),
    }


def test_repeated_workstreams_and_foreign_workstreams_are_refused(editor):
    mine = workflow.editable_workstreams(editor)
    foreign = next(code for code in workflow.workstream_codes() if code not in mine)
    rows = [
        HEADER,
        [mine[0], "in_progress", TODAY, "green", "", "", ""],
        [mine[0], "not_started", TODAY, "red", "", "", ""],
        [foreign, "in_progress", TODAY, "green", "", "", ""],
    ]
    checked = imports.preview_progress(tabular.read_table("f.csv", csv_bytes(rows)), mine)
    keys = {(p.row, p.key) for p in checked.problems}
    assert keys == {(3, "import.error.repeated_workstream"), (4, "import.error.not_yours")}


def test_only_admins_commit(admin, editor):
    checked = preview(admin, csv_bytes(GOOD))
    for someone in (None, editor):
        with pytest.raises(PermissionDenied):
            imports.commit_progress(someone, checked)
    assert updates() == 0


def test_a_change_since_the_preview_aborts_the_whole_import(admin):
    checked = preview(admin, csv_bytes(GOOD))
    workflow.propose(admin, workflow.Proposal("1.1.2", "not_started", date.today(), confidence="green"), 0)
    with pytest.raises(Conflict):
        imports.commit_progress(admin, checked)
    assert store.run("full_history")["workstream_code"].tolist() == ["1.1.2"]


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("f.csv", "workstream,status\n1.1.1,café".encode("utf-16"), "import.error.not_utf8"),
        ("f.csv", "workstream,status,as_of\n1.1.1,stalled,é".encode("latin-1"), "import.error.not_utf8"),
        ("f.xlsx", b"PK\x03\x04 definitely not a workbook", "import.error.bad_xlsx"),
        ("f.pdf", b"%PDF-1.7", "import.error.file_type"),
        ("f.csv", b"", "import.error.empty"),
        ("f.csv", b"a" * (tabular.MAX_BYTES + 1), "import.error.too_big"),
    ],
)
def test_unreadable_files_say_why(name, content, key):
    with pytest.raises(tabular.UnreadableFile) as unreadable:
        tabular.read_table(name, content)
    assert unreadable.value.problem.key == key and key in catalogue()


def test_formulas_and_html_are_kept_as_plain_text(admin):
    rows = [HEADER, ["1.1.1", "in_progress", TODAY, "green", "", '=HYPERLINK("http://x")<script>alert(1)</script>', ""]]
    imports.commit_progress(admin, preview(admin, csv_bytes(rows)))
    assert store.run("full_history")["narrative"].item() == '=HYPERLINK("http://x")<script>alert(1)</script>'


def test_the_template_round_trips(admin):
    template = imports.progress_template(["1.1.1", "1.1.2"])
    template.loc[0, ["status", "as_of", "confidence"]] = ["in_progress", TODAY, "amber"]
    checked = preview(admin, template.to_csv(index=False).encode())
    assert checked.ok and checked.skipped == 1


# Fuzzing: whatever the file, no crash, no partial write, and every problem names a row and a column.
codes = st.sampled_from(["1.1.1", "1.4.4", "2.6.6", "3.2.4", "", "1.1", "2.8.3", "<b>1.1.1</b>"])
statuses = st.sampled_from([*workflow.STATUSES, "", "Delivered", "done", "=1+1", "<script>x</script>"])
dates = st.one_of(
    st.sampled_from([TODAY, "2019-01-01", "2099-01-01", "31/12/2025", "", "2026-02-30"]), st.text(max_size=12)
)
text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["=cmd|' /C calc'!A0", "<img src=x onerror=alert(1)>", "@SUM(1)", "x" * 6000, "\x00\x01"]),
)
cells = st.one_of(codes, statuses, dates, text)
headers = st.one_of(
    st.just(HEADER),
    st.permutations(HEADER),
    st.lists(st.sampled_from([*HEADER, "State", "", "as_of", "extra"]), min_size=1, max_size=9),
)


@st.composite
def malformed_tables(draw) -> list[list[str]]:
    header = draw(headers)
    rows = draw(
        st.lists(
            st.one_of(
                st.tuples(
                    codes,
                    statuses,
                    dates,
                    st.sampled_from(["green", "red", "", "blue"]),
                    st.sampled_from(["", "budget", "weather"]),
                    text,
                    text,
                ).map(list),
                st.lists(cells, max_size=len(header) + 2),
            ),
            max_size=8,
        )
    )
    return [header, *rows]


def assert_all_or_nothing(admin, name: str, content: bytes) -> None:
    before = updates()
    try:
        table = tabular.read_table(name, content)
    except tabular.UnreadableFile as unreadable:
        assert unreadable.problem.key in catalogue()
        return
    checked = imports.preview_progress(table, workflow.workstream_codes())
    for problem in checked.problems:
        assert problem.row >= 1 and problem.column and problem.key in catalogue()
        catalogue()[problem.key]["fr"].format(**problem.values)  # the message can be shown
    if checked.ok:
        imports.commit_progress(admin, checked)
        assert updates() == before + len(checked.proposals)
    else:
        with pytest.raises(ValueError):
            imports.commit_progress(admin, checked)
        assert updates() == before


@FUZZ
@given(table=malformed_tables(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_fuzz_csv_files(admin, table, encoding):
    try:
        content = csv_bytes(table, encoding)
    except UnicodeEncodeError:
        content = csv_bytes(table)
    assert_all_or_nothing(admin, "fuzz.csv", content)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(table=malformed_tables())
def test_fuzz_xlsx_files(admin, table):
    clean = [[ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row] for row in table]  # a workbook cannot hold them
    assert_all_or_nothing(admin, "fuzz.xlsx", xlsx_bytes(clean))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=st.binary(max_size=400), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt"]))
def test_fuzz_raw_bytes(admin, content, name):
    assert_all_or_nothing(admin, name, content)


def _wizard_page(outcome: str) -> None:
    """A page holding only the import wizard, for a file of names whose commit ends as `outcome` says."""
    from types import SimpleNamespace

    import pandas as pd

    from monitor.core.errors import Conflict, PermissionDenied
    from monitor.ui.language import language_picker
    from monitor.ui.uploads import ImportSteps, import_wizard

    def commit(_preview) -> None:
        if outcome == "conflict":
            raise Conflict(1, "changed meanwhile")
        if outcome == "denied":
            raise PermissionDenied("not an admin")

    language_picker()
    import_wizard(
        ImportSteps(
            key="names",
            check=lambda table: SimpleNamespace(problems=[], names=[row[0] for row in table.rows]),
            rows=lambda preview: pd.DataFrame({"row": range(2, 2 + len(preview.names)), "name": preview.names}),
            columns={"row": "column.row", "name": "column.title"},
            widths={"row": 50, "name": 800},
            lines=1,
            ready=lambda _preview, count: f"ready: {count}",
            commit=commit,
            commit_label="transfer.commit",
            committed="transfer.committed",
            conflict="transfer.conflict",
        )
    )


@pytest.mark.parametrize(
    ("outcome", "error"), [("ok", None), ("conflict", "transfer.conflict"), ("denied", "transfer.admins_only")]
)
def test_the_wizard_clears_the_upload_only_when_committed(outcome, error):
    from streamlit.testing.v1 import AppTest

    from monitor.i18n import translate

    app = AppTest.from_function(_wizard_page, args=(outcome,), default_timeout=30)
    app.query_params["lang"] = "fr"
    app.run()
    assert not app.dataframe and not app.button  # nothing to import before a file is chosen
    app.file_uploader(key="names_file").set_value(("names.csv", b"name\nA\nB\nC\n", "text/csv"))
    app.run()
    assert [s.value for s in app.success] == ["ready: 3"] and app.dataframe[0].value.iloc[:, 1].tolist() == [
        "A",
        "B",
        "C",
    ]
    app.button(key="names_commit").click().run()
    assert not app.exception
    if error is None:  # committed: the rerun says how many rows, in the user's language, and the upload is gone
        assert [e.value for e in app.error] == []
        assert [s.value for s in app.success] == ["3 mises à jour importées."]
        assert not app.dataframe and not app.button
        assert not app.run().success  # said once
    else:  # refused: the reason in the user's language, nothing said as imported, the preview kept
        assert [e.value for e in app.error] == [translate(error, "fr")]
        assert [s.value for s in app.success] == ["ready: 3"] and len(app.dataframe) == 1


@pytest.mark.parametrize("header", [("workstream", "status", "as_of"), ("as_of", "status", "workstream")])
def test_problems_are_listed_as_the_file_reads(admin, header):
    cells = {"workstream": "9.9.9", "status": "done", "as_of": "tomorrow"}
    second = {"workstream": "2.1.1", "status": "done", "as_of": "2026-01-01"}
    content = "\n".join([",".join(header), *(",".join(row[name] for name in header) for row in (cells, second))])
    listed = [(p.row, p.column) for p in preview(admin, content.encode()).problems]
    assert listed == [(2, name) for name in header] + [(3, "status")]
