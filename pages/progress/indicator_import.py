"""Yearly update of the indicators: the values in force and the template for everyone; for the secretariat,
upload → preview (new years, revisions, per-row problems) → import all rows or none."""

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.core.formats import format_number
from monitor.indicators import entries
from monitor.ui import auth
from monitor.ui.indicators import number
from monitor.ui.language import language, t
from monitor.ui.tables import downloads
from monitor.ui.uploads import ImportSteps, import_wizard

st.title(t("indicator_import.title"))
st.caption(t("indicator_import.caption"))
readings = cache.indicator_readings()
known = dict(zip(readings["indicator_id"], readings["name"], strict=True))
decimals = cache.indicator_decimals()

st.subheader(t("indicator_import.in_force"))
values = cache.indicator_values()
downloads(lambda: values.assign(name=values["indicator_id"].map(known)), "indicator_values", "indicator_values")
st.subheader(t("indicator_import.template"))
st.caption(t("indicator_import.template_help"))
downloads(entries.template(known), "indicator_values_template", "indicator_template")

st.subheader(t("indicator_import.upload"))
user = auth.current_user()
if user is None or not user.is_admin:
    auth.sign_in_prompt("transfer.admins_only", "indicator-import")
    st.stop()


def _preview_rows(preview: entries.ValuesPreview) -> pd.DataFrame:
    """What the import would write: each value as given, and whether it adds a year or revises one in force."""
    return pd.DataFrame(
        [
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
    )


def _flag_suspicious(preview: entries.ValuesPreview) -> None:
    if flagged := [str(p.row) for p in preview.planned if p.suspicious]:
        st.warning(t("indicator_import.suspicious", rows=", ".join(flagged)))


import_wizard(
    ImportSteps(
        key="indicator",
        check=lambda sheet: entries.preview_values(sheet, known, values),
        rows=_preview_rows,
        columns={
            "row": "column.row",
            "indicator": "column.indicator",
            "year": "column.year",
            "value": "column.value",
            "change": "column.change",
            "source": "column.source",
        },
        widths={"row": 50, "indicator": 240, "year": 55, "value": 85, "change": 200, "source": 230},  # fit 1366 px
        lines=3,
        ready=lambda preview, count: t(
            "indicator_import.ready",
            count=count,
            revisions=sum(p.is_revision for p in preview.planned),
            unchanged=preview.unchanged,
            skipped=preview.skipped,
        ),
        nothing=lambda preview: t("indicator_import.nothing", unchanged=preview.unchanged, skipped=preview.skipped),
        commit=lambda preview: entries.commit_values(user, preview),
        commit_label="indicator_import.commit",
        committed="indicator_import.committed",
        conflict="indicator_import.conflict",
        problems_export="indicator_import_problems",
        after_preview=_flag_suspicious,
    )
)
