"""Exports: what is shown is what is downloaded, readable by spreadsheet programs, never executable."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from monitor.core.exports import to_csv, to_xlsx, without_marks

FRAME = pd.DataFrame({"Code": ["1.1", "2.6.4"], "Titel": ["Créer l’économie", '=HYPERLINK("x")'], "Aantal": [5, -3]})


def test_csv_round_trip_keeps_accents_and_rows():
    data = to_csv(FRAME)
    assert data.startswith("\ufeff".encode())  # BOM: spreadsheet programs then read UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert back["Code"].tolist() == ["1.1", "2.6.4"] and back["Titel"][0] == "Créer l’économie"


def test_formulas_are_defused_but_negative_numbers_are_not():
    back = pd.read_csv(io.BytesIO(to_csv(FRAME)), encoding="utf-8-sig", dtype=str)
    assert back["Titel"][1] == '\'=HYPERLINK("x")' and back["Aantal"].tolist() == ["5", "-3"]


def test_xlsx_holds_the_same_rows_and_headers():
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(FRAME, "objectives"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Code", "Titel", "Aantal")
    assert rows[1] == ("1.1", "Créer l’économie", 5) and rows[2][1].startswith("'=")


def test_no_interface_mark_is_written_into_a_cell_and_each_title_says_its_language():
    shown = pd.DataFrame(
        {"Code": ["1.1", "1.2"], "Title": ["[NL] De voorwaarden creëren", "Créer les conditions"], "N": [1, 2]}
    )
    clean = without_marks(shown, "[NL]", lambda column: f"{column} (language)", "fr")
    assert list(clean.columns) == ["Code", "Title", "Title (language)", "N"]
    assert clean["Title"].tolist() == ["De voorwaarden creëren", "Créer les conditions"]
    assert clean["Title (language)"].tolist() == ["nl", "fr"]
    assert clean["N"].tolist() == [1, 2]  # numbers stay numbers
    assert without_marks(shown.drop(columns="Title"), "[NL]", str, "fr").equals(shown.drop(columns="Title"))


def test_an_export_in_english_holds_the_dutch_titles_as_published(app_db):
    """The table helper's files: the objectives list in English, as downloaded, has no "[NL]" in any cell."""
    from monitor.ui import tables
    from monitor.ui.language import t

    objectives = pd.DataFrame({"Code": ["1.1"], "Objective": ["[NL] De voorwaarden creëren"]})
    back = pd.read_csv(io.BytesIO(to_csv(tables._unmarked(objectives))), encoding="utf-8-sig", dtype=str)
    language_column = t("export.language_column", column="Objective")  # in the language of the last run
    assert back.to_dict("records") == [{"Code": "1.1", "Objective": "De voorwaarden creëren", language_column: "nl"}]


HOSTILE = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-inf", '=HYPERLINK("x")']


def test_every_text_cell_is_defused_in_mixed_category_and_text_columns():
    frame = pd.DataFrame(
        {
            "mixed": [5, *HOSTILE, 2.5],  # numbers and text in one column (object dtype)
            "text": ["ok", *HOSTILE, "-3"],
            "category": pd.Categorical(["a", *HOSTILE, "b"]),
            "number": range(len(HOSTILE) + 2),
        }
    )
    back = pd.read_csv(io.BytesIO(to_csv(frame)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame))).active
    written = list(sheet.iter_cols(min_row=3, max_row=len(HOSTILE) + 2, max_col=3, values_only=True))
    for name, cells in zip(["mixed", "text", "category"], written, strict=True):
        # csv.reader keeps a leading tab or carriage return only inside quotes; the apostrophe comes first anyway
        assert all(cell.startswith("'") for cell in back[name][1:-1]), back[name].tolist()
        assert all(cell.startswith("'") for cell in cells), cells
    assert back["mixed"].tolist()[0::9] == ["5", "2.5"] and back["text"].tolist()[-1] == "-3"  # numbers stay
    assert sheet["A2"].value == 5 and sheet["D2"].value == 0
