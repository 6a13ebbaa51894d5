"""Go4Brussels 2030 Monitor - the entry point: page setup, language, navigation."""

import streamlit as st

from monitor.errors import DatabaseUnavailable
from monitor.ui import database_error, language_picker, t

st.set_page_config(page_title="Go4Brussels 2030 Monitor", layout="wide")
language_picker()

pages = [
    st.Page("pages/overview.py", title=t("nav.overview"), url_path="overview", default=True),
    st.Page("pages/about_data.py", title=t("nav.about"), url_path="about"),
]
page = st.navigation(pages)
try:
    page.run()
except DatabaseUnavailable as error:
    database_error(error)
