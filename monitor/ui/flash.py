"""A message for the page's next run: an action that reruns the page (to clear a form, or to show what it wrote)
says what it did once, after the rerun, where the page shows its messages."""

from __future__ import annotations

import streamlit as st

from monitor.ui.language import t

FLASH = "_flash"


def flash(key: str, *, warning: str | None = None, **values: object) -> None:
    """Say `key` (a catalogue key, filled with `values`) on the next run; `warning` (already translated) after it."""
    st.session_state[FLASH] = (key, values, warning)


def show_flash() -> bool:
    """The message left by flash(), once; whether there was one."""
    found = st.session_state.pop(FLASH, None)
    if found is None:
        return False
    key, values, warning = found
    st.success(t(key, **values))
    if warning:
        st.warning(warning)
    return True
