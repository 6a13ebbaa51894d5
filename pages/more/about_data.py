"""About the data: which documents the Monitor reads, what it adds, how statuses are decided, the documents'
irregularities and how they were read; the technical part (files, tables, build) folded at the end."""

import streamlit as st

from monitor import cache
from monitor.ui.language import format_moment, in_language, own, t
from monitor.ui.markdown import plain
from monitor.ui.provenance import irregularity_scope, source
from monitor.ui.tables import table

st.title(t("about.title"))
st.write(t("about.intro"))
documents = in_language(cache.query("documents"), "description")
st.subheader(t("about.documents"))
table(
    documents,
    {"title": "column.document_title", "description": "column.description", "line_count": "column.line_count"},
    key="documents_table",
    wrapped=True,
)
st.subheader(t("about.adds"))
st.markdown(t("about.adds_text"))
st.subheader(t("about.decided"))
st.markdown(t("about.decided_text"))

st.subheader(t("about.irregularities"))
irregularities = cache.query("irregularities")
st.caption(t("about.irregularities_caption", count=len(irregularities)))
for scope, rows in irregularities.groupby("scope", sort=False):
    with st.expander(f"{irregularity_scope(scope)} ({len(rows)})"):
        for row in rows.itertuples():
            where = plain(source(row.document, row.line_start, row.line_end))  # cited as on the fiches
            st.markdown(f"**{plain(own(row, 'what'))}**  \n{plain(own(row, 'resolution'))}  \n{where}")

with st.expander(t("about.technical")):  # for those who maintain the Monitor; the docs say more
    info = cache.query("build_info")
    if not info.empty:
        built = info.iloc[0]
        st.caption(
            t("about.built", built_at=format_moment(built["built_at"]), fingerprint=built["sources_sha256"][:12])
        )
    table(
        documents,
        {"title": "column.document_title", "document": "column.document", "line_count": "column.line_count"},
        key="document_files_table",
        wrapped=True,
    )
    st.markdown(f"**{t('about.tables')}**")
    st.caption(t("about.tables_caption"))
    table(
        cache.query("table_row_counts"),
        {"table_name": "column.table", "row_count": "column.rows", "column_count": "column.columns"},
        key="tables_table",
        wrapped=True,
    )
