"""The Presentations page's parts: the deck (Summit, play, freeze, handout), frozen decks, playlists editor."""

from __future__ import annotations

from datetime import date

import streamlit as st

from monitor import cache
from monitor.core.errors import PermissionDenied
from monitor.deck import handout, parts, playlists, slide_html, slides
from monitor.ui import auth
from monitor.ui.flash import flash
from monitor.ui.language import format_day, format_moment, language, t
from monitor.ui.people import full_name
from monitor.ui.tables import table

PRESENT_PAGE = "pages/more/present.py"


def summit_picker() -> date:
    cycles = list(cache.cycles()["summit_date"])
    default = parts.default_summit(cycles, date.today())
    return st.selectbox(
        t("presentations.summit"), cycles, index=cycles.index(default), format_func=format_day, key="deck_summit"
    )


def handout_page_picker() -> str:
    """The handouts' page format (a key of slide_html.PAGE_FORMATS), for both downloads: A4 landscape by default."""
    formats = list(slide_html.PAGE_FORMATS)
    return st.radio(
        t("presentations.handout_page"),
        formats,
        index=formats.index(slide_html.DEFAULT_PAGE),
        format_func=lambda page: t(f"presentations.page.{page}"),
        horizontal=True,
        key="handout_page",
        help=t("presentations.handout_page_help"),
    )


def item_label(item: str, objective_titles: dict[str, str]) -> str:
    """How an item is named in the editor: 'Objective 1.4 – title', 'Shared priorities (2 of 3)', a view's URL."""
    slide = slides.parse_item(item)
    if slide is None:
        return item
    if slide.kind == "objective":
        return f"{t('presentations.item.objective', code=slide.arg)} – {objective_titles.get(slide.arg, '')}"
    if slide.kind == "priorities":
        return t("presentations.item.priorities", page=slide.arg, pages=slides.PRIORITY_SLIDES)
    if slide.kind == "view":
        return t("presentations.item.view", path=slide.arg)
    return t(f"presentations.item.{slide.kind}")


def objective_titles() -> dict[str, str]:
    objectives = cache.query("objectives_list")
    return dict(zip(objectives["code"], objectives["title"], strict=True))


def deck_section(summit: date, page: str) -> None:
    source, lang = parts.Source(summit, cache), language()
    items = source.items()
    st.caption(t("presentations.deck_caption", count=len(items)))
    with st.container(horizontal=True, vertical_alignment="center"):  # a link beside buttons, on one line
        st.page_link(
            PRESENT_PAGE,
            label=t("presentations.play"),
            query_params={"summit": summit.isoformat(), "lang": language()},
        )
        st.download_button(
            t("presentations.handout"),
            lambda: handout.handout(items, source, lang, page),
            file_name=f"go4brussels-summit-{summit.isoformat()}-{language()}-{page}.pdf",
            mime="application/pdf",
            key="deck_handout",
            on_click="ignore",
        )
    user = auth.current_user()
    if user is None:
        auth.sign_in_prompt("presentations.sign_in", "presentations")
        return
    with_proposals = st.checkbox(
        t("presentations.freeze_proposals"), key="deck_freeze_proposals", help=t("presentations.freeze_proposals_help")
    )
    if st.button(t("presentations.freeze"), key="deck_freeze", help=t("presentations.freeze_help")):
        content, failed = parts.freeze(summit, cache, proposals=with_proposals)
        snapshot_id = playlists.freeze(user, summit, content)
        missing = ", ".join(t(f"presentations.part.{name}") for name in failed)
        partial = t("presentations.freeze_partial", parts=missing) if failed else None
        flash("presentations.frozen", warning=partial, id=snapshot_id)
        st.rerun()


def snapshots_section(page: str) -> None:
    st.subheader(t("presentations.snapshots"))
    frozen = cache.store_query("snapshots_list")
    if frozen.empty:
        st.info(t("presentations.no_snapshots"))
        return
    shown = frozen.copy()
    shown["taken"] = shown["taken_at"].map(format_moment)
    shown["summit"] = shown["summit_date"].map(lambda d: format_day(date.fromisoformat(str(d)[:10])))
    included = {True: t("presentations.proposals_included"), False: t("presentations.proposals_left_out")}
    shown["proposals"] = shown["includes_proposals"].map(lambda value: included[bool(value)])
    table(
        shown,
        {
            "snapshot_id": "presentations.column.snapshot",
            "taken": "presentations.column.taken_at",
            "taken_by": "presentations.column.taken_by",
            "summit": "column.summit_date",
            "proposals": "presentations.column.proposals",
        },
        key="snapshots_table",
    )
    choice = st.selectbox(
        t("presentations.snapshot_pick"),
        frozen["snapshot_id"].tolist(),
        key="snapshot_pick",
        format_func=lambda i: t("presentations.snapshot_name", id=i),
    )
    with st.container(horizontal=True, vertical_alignment="center"):  # a link beside buttons, on one line
        st.page_link(
            PRESENT_PAGE,
            label=t("presentations.play_snapshot"),
            query_params={"snapshot": str(choice), "lang": language()},
        )
        source, lang = parts.frozen_source(int(choice), cache), language()
        if source is not None:
            st.download_button(
                t("presentations.handout_frozen"),
                lambda: handout.handout(source.items(), source, lang, page),
                file_name=f"go4brussels-frozen-deck-{choice}-{language()}-{page}.pdf",
                mime="application/pdf",
                key="snapshot_handout",
                on_click="ignore",
            )
        playlist_choices = playlists.all_playlists()
        if playlist_choices:
            chosen = st.selectbox(
                t("presentations.with_playlist"),
                [None, *[p.playlist_id for p in playlist_choices]],
                key="snapshot_playlist",
                format_func=lambda i: (
                    t("presentations.default_deck")
                    if i is None
                    else next(p.name for p in playlist_choices if p.playlist_id == i)
                ),
            )
            if chosen is not None:
                st.page_link(
                    PRESENT_PAGE,
                    label=t("presentations.play_snapshot_playlist"),
                    query_params={"snapshot": str(choice), "playlist": str(chosen), "lang": language()},
                )


def _save(user, playlist: playlists.Playlist, name: str, items: list[str], note: str) -> None:
    try:
        playlists.save(user, playlist.playlist_id, name, items)
    except playlists.PlaylistInvalid as error:
        st.error(t(error.key, **error.values))
        return
    except PermissionDenied:
        st.error(t("presentations.not_yours", name=full_name(playlist.created_by)))
        return
    flash(note)
    st.rerun()


def playlists_section(summit: date) -> None:
    st.subheader(t("presentations.playlists"))
    st.caption(t("presentations.playlists_caption"))
    found = playlists.all_playlists()
    user = auth.current_user()
    if user is not None:
        _create_or_import(user)
    if not found:
        st.info(t("presentations.no_playlists"))
        return
    chosen_id = st.selectbox(
        t("presentations.playlist"),
        [p.playlist_id for p in found],
        key="playlist_pick",
        format_func=lambda i: next(f"{p.name} · #{p.playlist_id}" for p in found if p.playlist_id == i),
    )
    playlist = next(p for p in found if p.playlist_id == chosen_id)
    titles = objective_titles()
    with st.container(horizontal=True, vertical_alignment="center"):  # a link beside buttons, on one line
        st.page_link(
            PRESENT_PAGE,
            label=t("presentations.play_playlist"),
            query_params={"playlist": str(playlist.playlist_id), "summit": summit.isoformat(), "lang": language()},
        )
        st.download_button(
            t("presentations.export"),
            playlists.to_file(playlist),
            file_name=f"playlist-{playlist.playlist_id}.json",
            mime="application/json",
            key="playlist_export",
            on_click="ignore",
        )
    if not playlists.may_change(user, playlist):
        if user is not None:
            st.caption(t("presentations.not_yours", name=full_name(playlist.created_by)))
        for number, item in enumerate(playlist.items, start=1):
            st.markdown(f"{number}. {item_label(item, titles)}")
        return
    _editor(user, playlist, titles)


def _create_or_import(user) -> None:
    with st.expander(t("presentations.new_or_import")):
        name = st.text_input(t("presentations.name"), key="playlist_new_name", max_chars=playlists.MAX_NAME)
        if st.button(t("presentations.create"), key="playlist_create"):
            try:
                playlists.create(user, name)
            except playlists.PlaylistInvalid as error:
                st.error(t(error.key, **error.values))
            else:
                flash("presentations.created")
                st.rerun()
        label = t("presentations.import", kilobytes=playlists.MAX_FILE_BYTES // 1000)  # the limit import_file checks
        upload = st.file_uploader(label, type=["json"], key="playlist_upload")
        if upload is not None and st.button(t("presentations.import_button"), key="playlist_import"):
            try:
                playlists.import_file(user, upload.getvalue())
            except playlists.PlaylistInvalid as error:
                st.error(t("presentations.import_failed", why=t(error.key, **error.values)))
            else:
                flash("presentations.imported")
                st.rerun()


def _editor(user, playlist: playlists.Playlist, titles: dict[str, str]) -> None:
    items = list(playlist.items)
    key = f"playlist_{playlist.playlist_id}"
    name = st.text_input(t("presentations.name"), value=playlist.name, key=f"{key}_name", max_chars=playlists.MAX_NAME)
    if name != playlist.name and st.button(t("presentations.rename"), key=f"{key}_rename"):
        _save(user, playlist, name, items, "presentations.saved")
    for position, item in enumerate(items):
        with st.container(horizontal=True, vertical_alignment="center", key=f"{key}_row_{position}"):
            st.markdown(f"{position + 1}. {item_label(item, titles)}")
            if st.button("↑", key=f"{key}_up_{position}", disabled=position == 0, help=t("presentations.up")):
                _save(user, playlist, playlist.name, playlists.moved(items, position, -1), "presentations.saved")
            if st.button(
                "↓", key=f"{key}_down_{position}", disabled=position == len(items) - 1, help=t("presentations.down")
            ):
                _save(user, playlist, playlist.name, playlists.moved(items, position, 1), "presentations.saved")
            if st.button("✕", key=f"{key}_remove_{position}", help=t("presentations.remove")):
                _save(user, playlist, playlist.name, items[:position] + items[position + 1 :], "presentations.saved")
    deck_items = slides.default_items(list(titles), has_progress=True)
    slide = st.selectbox(
        t("presentations.add_slide"), deck_items, key=f"{key}_slide", format_func=lambda i: item_label(i, titles)
    )
    if st.button(t("presentations.add"), key=f"{key}_add_slide"):
        _save(user, playlist, playlist.name, [*items, slide], "presentations.saved")
    url = st.text_input(t("presentations.add_view"), key=f"{key}_view", help=t("presentations.add_view_help"))
    if st.button(t("presentations.add"), key=f"{key}_add_view"):
        view = slides.view_item(url)
        if view is None:
            st.error(t("presentations.bad_view"))
        else:
            _save(user, playlist, playlist.name, [*items, view], "presentations.saved")
    if st.button(t("presentations.delete"), key=f"{key}_delete"):
        try:
            playlists.delete(user, playlist.playlist_id)
        except playlists.PlaylistInvalid as error:  # deleted meanwhile, in another tab or by the secretariat
            st.error(t(error.key, **error.values))
        except PermissionDenied:
            st.error(t("presentations.not_yours", name=full_name(playlist.created_by)))
        else:
            flash("presentations.deleted")
            st.rerun()
