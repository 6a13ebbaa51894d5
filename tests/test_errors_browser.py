"""No tracebacks for users: an error no page expected reaches the browser as a sentence with a reference, and the
server log carries that reference with the traceback (issue 21, part 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dashboard
from monitor.ui.notices import script_error
from tests.browser import streamlit_server, wait_until_ready
from tests.test_browser import chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
RAISING = Path(__file__).parent / "apps" / "raising.py"


def test_the_served_dashboard_hands_its_errors_to_the_monitor():
    assert dashboard.app._on_script_error is script_error  # st.App keeps it under this name (Streamlit 1.67)


def test_a_failing_page_shows_a_reference_and_the_log_its_traceback(chromium, built_db, tmp_path):  # noqa: F811
    with streamlit_server(built_db, tmp_path, script=RAISING) as url:
        page = chromium.new_page()
        page.goto(url)
        wait_until_ready(page)
        message = page.get_by_text(re.compile(r"Something went wrong on this page\. .* reference: [0-9a-f]{8}\."))
        message.wait_for()
        reference = re.search(r"reference: ([0-9a-f]{8})", message.inner_text()).group(1)
        text = page.content()
        exception_boxes = page.get_by_test_id("stException").count()
        page.close()
    assert "Before the failure" in text
    assert "secret detail" not in text and "Traceback" not in text and "ValueError" not in text
    assert exception_boxes == 0
    log = "".join(path.read_text() for path in tmp_path.glob("streamlit-*.log"))
    assert f"script error {reference}" in log
    assert "Traceback" in log and "ValueError: secret detail" in log
