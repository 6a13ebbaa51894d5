"""A page that fails as no page should, served the way dashboard.py is (st.App with the Monitor's on_script_error):
tests/test_errors_browser.py opens it in Chromium."""

import streamlit as st

from monitor.ui.notices import script_error

if __name__ == "__main__":  # a session's run
    st.write("Before the failure")
    raise ValueError("secret detail /srv/monitor/data/store.duckdb")
else:  # imported by `streamlit run` to find the app it serves
    app = st.App(__file__, on_script_error=script_error)
