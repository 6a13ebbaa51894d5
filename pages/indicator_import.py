"""Yearly update of the indicators: the values in force and the template for everyone; for the secretariat,
upload → preview (new years, revisions, per-row problems) → import all rows or none."""

import pandas as pd
import streamlit as st

from monitor import auth, data, indicator_store
from monitor.formats import format_number
from monitor.indicator_view import number
from monitor.ui import checked_upload, commit_button, committed_note, downloads, language, t, table, upload_field

st.title(t("indicator_import.title"))
st.caption(t("indicator_import.caption"))
readings = data.indicator_readings()
known = dict(zip(readings["indicator_id"], readings["name"], strict=True))
decimals = data.indicator_decimals()

st.subheader(t("indicator_import.in_force"))
values = data.indicator_values()
downloads(lambda: values.assign(name=values["indicator_id"].map(known)), "indicator_values", "indicator_values")
st.subheader(t("indicator_import.template"))
st.caption(t("indicator_import.template_help"))
downloads(indicator_store.template(known), "indicator_values_template", "indicator_template")

st.subheader(t("indicator_import.upload"))
user = auth.current_user()
if user is None or not user.is_admin:
    st.info(t("transfer.admins_only"))
    st.stop()
committed_note("indicator_file", "indicator_import.committed")
upload = upload_field("indicator_file")
if upload is None:
    st.stop()
preview = checked_upload(
    upload,
    lambda sheet: indicator_store.preview_values(sheet, known, values),
    "indicator_problems_table",
    "indicator_import_problems",
)
if not preview.planned:
    st.warning(t("indicator_import.nothing", unchanged=preview.unchanged, skipped=preview.skipped))
    st.stop()
rows = [
    {
        "row": p.row,
        "indicator": known[p.new.indicator_id],
        "year": str(p.new.year),
        "value": format_number(p.new.value, language()),  # every decimal given, nothing rounded away
        "change": (
            t("indicator_import.revision", previous=number(p.previous, p.new.indicator_id, decimals))
            if p.is_revision
            else t("indicator_import.new_year")
        )
        + (" ⚠" if p.suspicious else ""),
        "source": p.new.source,
    }
    for p in preview.planned
]
revisions = sum(p.is_revision for p in preview.planned)
st.success(
    t(
        "indicator_import.ready",
        count=len(rows),
        revisions=revisions,
        unchanged=preview.unchanged,
        skipped=preview.skipped,
    )
)
table(
    pd.DataFrame(rows),
    {
        "row": "column.row",
        "indicator": "column.indicator",
        "year": "column.year",
        "value": "column.value",
        "change": "column.change",
        "source": "column.source",
    },
    key="indicator_preview_table",
    widths={"row": 50, "indicator": 240, "year": 55, "value": 85, "change": 200, "source": 230},  # fit 1366 px
    lines=3,
)
flagged = [str(p.row) for p in preview.planned if p.suspicious]
if flagged:
    st.warning(t("indicator_import.suspicious", rows=", ".join(flagged)))
commit_button(
    t("indicator_import.commit", count=len(rows)),
    "indicator_commit",
    lambda: indicator_store.commit_values(user, preview),
    conflict="indicator_import.conflict",
    upload_key="indicator_file",
    rows=len(rows),
)
