"""Presentations: the Social Summit deck (play it, freeze it, print the handout), frozen decks, and playlists."""

import streamlit as st

from monitor.ui import presentations
from monitor.ui.flash import show_flash
from monitor.ui.language import t

st.title(t("presentations.title"))
st.caption(t("presentations.intro"))
show_flash()
summit = presentations.summit_picker()
page = presentations.handout_page_picker()
presentations.deck_section(summit, page)
presentations.snapshots_section(page)
presentations.playlists_section(summit)
