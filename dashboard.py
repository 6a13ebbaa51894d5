"""Go4Brussels 2030 Monitor - the entry point: page setup, language, global filters, navigation.

`streamlit run dashboard.py` (what `make run` does) finds the ASGI app at the bottom of this file and serves it:
its start readies the process (monitor.serve.lifespan). Every browser session then runs this file as its script,
which routes (route()).
"""

import time

import streamlit as st

from monitor import cache
from monitor.core.errors import DatabaseUnavailable, StoreUnavailable
from monitor.ui.language import language_picker, t
from monitor.ui.notices import database_error, sample_banner, script_error, store_error
from monitor.ui.sidebar import filters_sidebar, keep_filters, pending_page, rejected_notice
from monitor.ui.titles import new_page_run

# The menu: a section's catalogue key -> its pages, by name (see pages()).
SECTIONS = {
    "nav.section.explore": ("overview", "objectives", "workstreams", "members", "partners", "indicators", "targets"),
    "nav.section.progress": ("progress", "report", "validate", "transfer", "indicator_import"),
    "nav.section.more": ("about", "translations", "account", "presentations", "present"),
}
FULL_SCREEN = {"present"}  # presentation mode: no sidebar filters, no banner (its slides carry the sample marker)
# Pages that never read the filters: the sidebar keeps them (and the URL) without drawing them.
NO_FILTERS = {"about", "report", "validate", "indicator_import", "translations", "account", "presentations"}


def pages() -> dict[str, st.Page]:
    """Every page by name, titled in the session's language; the overview is the default page, at /."""
    PAGES = {
        "overview": st.Page("pages/explore/overview.py", title=t("nav.overview"), default=True),  # at /
        "objectives": st.Page("pages/explore/objectives.py", title=t("nav.objectives"), url_path="objectives"),
        "workstreams": st.Page("pages/explore/workstreams.py", title=t("nav.workstreams"), url_path="workstreams"),
        "members": st.Page("pages/explore/members.py", title=t("nav.members"), url_path="members"),
        "partners": st.Page("pages/explore/partners.py", title=t("nav.partners"), url_path="partners"),
        "indicators": st.Page("pages/explore/indicators.py", title=t("nav.indicators"), url_path="indicators"),
        "targets": st.Page("pages/explore/targets.py", title=t("nav.targets"), url_path="targets"),
        "about": st.Page("pages/more/about_data.py", title=t("nav.about"), url_path="about"),
        "progress": st.Page("pages/progress/progress.py", title=t("nav.progress"), url_path="progress"),
        "report": st.Page("pages/progress/report.py", title=t("nav.report"), url_path="report"),
        "validate": st.Page("pages/progress/validate.py", title=t("nav.validate"), url_path="validate"),
        "transfer": st.Page("pages/progress/import_export.py", title=t("nav.transfer"), url_path="import-export"),
        "indicator_import": st.Page(
            "pages/progress/indicator_import.py", title=t("nav.indicator_import"), url_path="indicator-import"
        ),
        "account": st.Page("pages/more/account.py", title=t("nav.account"), url_path="account"),
        "presentations": st.Page("pages/more/presentations.py", title=t("nav.presentations"), url_path="presentations"),
        "present": st.Page("pages/more/present.py", title=t("nav.present"), url_path="present", visibility="hidden"),
        "translations": st.Page("pages/more/translations.py", title=t("nav.translations"), url_path="translations"),
    }
    return PAGES


def route() -> None:
    """One run of a session (show_page), timed."""
    started, started_cpu = time.perf_counter(), time.thread_time()
    with cache.one_run():
        show_page()
    # Read by scripts/benchmark.py: wall time, and the CPU time of this run's thread (steadier on a busy machine).
    st.session_state["_script_seconds"] = time.perf_counter() - started
    st.session_state["_script_cpu_seconds"] = time.thread_time() - started_cpu


def show_page() -> None:
    """Page setup, language, the menu (st.navigation), global filters, then the page."""
    # A page shown inside a presentation (?embed=true) starts with the sidebar folded: the audience sees the view.
    sidebar = "collapsed" if st.context.is_embedded else "auto"
    st.set_page_config(page_title=t("app.title"), layout="wide", initial_sidebar_state=sidebar)
    language_picker()
    by_name = pages()
    menu = {t(section): [by_name[name] for name in names] for section, names in SECTIONS.items()}
    page = st.navigation(menu, expanded=True)
    if target := pending_page():
        st.switch_page(by_name[target])
    name = next(name for name, known in by_name.items() if known.url_path == page.url_path)
    try:
        if name not in FULL_SCREEN:
            if name in NO_FILTERS:
                keep_filters()
            else:
                filters_sidebar()
            rejected_notice()
            sample_banner()
        new_page_run()
        page.run()
    except DatabaseUnavailable as error:
        database_error(error)
    except StoreUnavailable as error:
        store_error(error)


if __name__ == "__main__":  # a session's run (Streamlit runs its script as __main__)
    route()
else:  # imported by `streamlit run dashboard.py` to find the app it serves
    from monitor.serve import MIDDLEWARE, ROUTES, lifespan

    app = st.App("dashboard.py", routes=ROUTES, middleware=MIDDLEWARE, lifespan=lifespan, on_script_error=script_error)
