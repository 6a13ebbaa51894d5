"""Presentations: the Social Summit deck (play it, freeze it, print the handout), frozen decks, and playlists."""

import streamlit as st

from monitor import playlist_ui
from monitor.ui import t

st.title(t("presentations.title"))
st.caption(t("presentations.intro"))
playlist_ui.flash_notice()
summit = playlist_ui.summit_picker()
playlist_ui.deck_section(summit)
playlist_ui.snapshots_section()
playlist_ui.playlists_section(summit)
