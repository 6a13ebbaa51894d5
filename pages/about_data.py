"""About the data: the documents, the tables, the documents' irregularities and the build."""

import streamlit as st

from monitor import data
from monitor.ui import t

st.title(t("about.title"))
st.write(t("about.intro"))
info = data.build_info()
if not info.empty:
    built = info.iloc[0]
    st.caption(
        t("about.built", built_at=f"{built['built_at']:%Y-%m-%d %H:%M}", fingerprint=built["sources_sha256"][:12])
    )

st.subheader(t("about.documents"))
st.dataframe(data.documents(), hide_index=True, key="documents_table")

st.subheader(t("about.tables"))
st.dataframe(data.table_row_counts(), hide_index=True, key="tables_table")

st.subheader(t("about.irregularities"))
st.dataframe(data.irregularities(), hide_index=True, key="irregularities_table")
