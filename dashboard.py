"""Go4Brussels 2030 Monitor - the entry point: page setup, language, global filters, navigation."""

import time

import streamlit as st

from monitor.errors import DatabaseUnavailable, StoreUnavailable
from monitor.sidebar import filters_sidebar, pending_page, rejected_notice
from monitor.ui import database_error, language_picker, new_page_run, sample_banner, store_error, t

started = time.perf_counter()
st.set_page_config(page_title=t("app.title"), layout="wide")
language_picker()

PAGES = {
    "overview": st.Page("pages/overview.py", title=t("nav.overview"), url_path="overview", default=True),
    "objectives": st.Page("pages/objectives.py", title=t("nav.objectives"), url_path="objectives"),
    "workstreams": st.Page("pages/workstreams.py", title=t("nav.workstreams"), url_path="workstreams"),
    "members": st.Page("pages/members.py", title=t("nav.members"), url_path="members"),
    "partners": st.Page("pages/partners.py", title=t("nav.partners"), url_path="partners"),
    "about": st.Page("pages/about_data.py", title=t("nav.about"), url_path="about"),
    "progress": st.Page("pages/progress.py", title=t("nav.progress"), url_path="progress"),
    "report": st.Page("pages/report.py", title=t("nav.report"), url_path="report"),
    "validate": st.Page("pages/validate.py", title=t("nav.validate"), url_path="validate"),
    "transfer": st.Page("pages/import_export.py", title=t("nav.transfer"), url_path="import-export"),
    "account": st.Page("pages/account.py", title=t("nav.account"), url_path="account"),
    "translations": st.Page("pages/translations.py", title=t("nav.translations"), url_path="translations"),
}
SECTIONS = {
    t("nav.section.explore"): ["overview", "objectives", "workstreams", "members", "partners"],
    t("nav.section.progress"): ["progress", "report", "validate", "transfer"],
    t("nav.section.more"): ["about", "translations", "account"],
}
page = st.navigation({section: [PAGES[name] for name in names] for section, names in SECTIONS.items()})
if target := pending_page():
    st.switch_page(PAGES[target])
try:
    filters_sidebar()
    rejected_notice()
    sample_banner()
    new_page_run()
    page.run()
except DatabaseUnavailable as error:
    database_error(error)
except StoreUnavailable as error:
    store_error(error)
st.session_state["_script_seconds"] = time.perf_counter() - started  # read by scripts/benchmark.py
