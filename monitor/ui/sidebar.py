"""The sidebar: presets and the global filters, kept in the URL so that a link reproduces the view.

The URL holds codes (`?pillar=1&priority=shared&member=…`). On a session's first run the URL fills the
widgets (unknown values are dropped with a notice); afterwards the widgets write the URL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from monitor import cache
from monitor.explore.filters import FILTER_NAMES, PRIORITIES, ROLES, WS_PRIORITIES, Filters, parse_query, to_query
from monitor.ui.language import t
from monitor.ui.titles import original_note, titles

KEY = {name: f"filter_{name}" for name in FILTER_NAMES}
LOADED = "_filters_loaded_from_url"
NOTICES = "_filters_rejected"
GOTO = "_goto_page"
PRESET_MEMBER = "preset_member"
ANSWERS_FOR = ("initiating", "steering")  # the roles "My portfolio" opens on: what the cabinet answers for


def _url_params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in FILTER_NAMES if name in st.query_params}


def _load_from_url_once() -> None:
    if st.session_state.get(LOADED):
        return
    parsed = parse_query(_url_params(), cache.known_values())
    for name in FILTER_NAMES:
        value = getattr(parsed.filters, name)
        st.session_state[KEY[name]] = list(value) if isinstance(value, tuple) else value
    st.session_state[NOTICES] = parsed.rejected
    st.session_state[LOADED] = True


def current_filters() -> Filters:
    """The filters as the widgets hold them now (valid codes only)."""
    return _filters_of(st.session_state)


def _filters_of(state: Mapping[str, object]) -> Filters:
    values = {name: state.get(KEY[name]) for name in FILTER_NAMES}
    return Filters(**{name: (value or "") if name == "q" else tuple(value or ()) for name, value in values.items()})


def _write_url(filters: Filters) -> None:
    wanted = to_query(filters)
    for name in FILTER_NAMES:
        if name in wanted and st.query_params.get(name) != wanted[name]:
            st.query_params[name] = wanted[name]
        elif name not in wanted and name in st.query_params:
            del st.query_params[name]


def reset_filters() -> None:
    for name in FILTER_NAMES:
        st.session_state[KEY[name]] = "" if name == "q" else []


def _apply_portfolio_preset() -> None:
    """A preset is an action, like the "shared" button: it sets the filters and opens the portfolio once. The box
    is emptied again: a value left in it came back with the next page switch and sent the user back to the
    portfolio, so the menu seemed to stop responding."""
    member = st.session_state.get(PRESET_MEMBER)
    if member:
        reset_filters()
        st.session_state[KEY["member"]] = [member]
        st.session_state[KEY["role"]] = list(ANSWERS_FOR)  # what a cabinet answers for; the Role filter widens it
        st.session_state[GOTO] = "members"
        st.session_state[PRESET_MEMBER] = None


def _apply_shared_preset() -> None:
    reset_filters()
    st.session_state[KEY["priority"]] = ["shared"]
    st.session_state[GOTO] = "partners"


def pending_page() -> str | None:
    """A page a preset asked to open (read once)."""
    return st.session_state.pop(GOTO, None)


def _label(name_of: Callable[[object], str], counts: dict[str, tuple[int, int]], by_workstreams: bool = False):
    """An option's label with its live count: objectives (or workstreams) it would leave in view."""

    def format_option(option: object) -> str:
        objectives, workstreams = counts.get(str(option), (0, 0))
        return f"{name_of(option)} ({workstreams if by_workstreams else objectives})"

    return format_option


PENDING = "_pending_filter_changes"


def request_filter(name: str, values: list) -> None:
    """Change a filter from a page (e.g. a click in a chart): applied before the widgets on the next run."""
    st.session_state.setdefault(PENDING, {})[name] = values
    st.rerun()


def _apply_pending() -> None:
    for name, values in st.session_state.pop(PENDING, {}).items():
        st.session_state[KEY[name]] = values


def _explaining_marks(help_text: str, marked: bool) -> str:
    """A widget's help, followed by what [NL] means when its options show Dutch originals."""
    return f"{help_text}\n\n{original_note()}" if marked else help_text


def filters_sidebar() -> Filters:
    """Render presets and filters in the sidebar; returns the active filters and keeps the URL in step."""
    _load_from_url_once()
    _restore_kept()
    _apply_pending()
    filters = current_filters()
    counts = cache.facet_counts(filters)
    members, members_marked = titles("member", cache.option_labels("member"))
    domains, domains_marked = titles("domain", cache.option_labels("theme"))
    organisations = cache.option_labels("org")  # names of bodies as published (the help says so)
    helps = {name: t(f"filters.{name}_help") for name in FILTER_NAMES if name != "q"}
    helps["member"] = _explaining_marks(helps["member"], members_marked)
    helps["theme"] = _explaining_marks(helps["theme"], domains_marked)
    names: dict[str, Callable[[object], str]] = {
        "pillar": lambda p: f"{t('column.pillar')} {p}",
        "priority": lambda p: t(f"priority.{p}"),
        "ws_priority": lambda p: t(f"ws_priority.{p}"),
        "member": lambda m: members.get(m, m),
        "role": lambda r: t(f"role.{r}"),
        "org": lambda o: organisations.get(o, o),
        "theme": lambda d: domains.get(d, d),
    }
    sidebar = st.sidebar
    sidebar.subheader(t("presets.title"))
    sidebar.selectbox(
        t("presets.member"),
        list(members),
        index=None,
        key=PRESET_MEMBER,
        format_func=members.get,
        placeholder=t("presets.member_placeholder"),
        on_change=_apply_portfolio_preset,
        help=_explaining_marks(t("presets.member_help"), members_marked),
    )
    sidebar.button(t("presets.shared"), key="preset_shared", on_click=_apply_shared_preset, width="stretch")

    sidebar.subheader(t("filters.title"))
    sidebar.caption(t("filters.counts_help"))
    sidebar.text_input(t("filters.search"), key=KEY["q"], placeholder=t("filters.search_placeholder"), max_chars=200)
    choices = {
        "pillar": sorted(cache.known_values().pillars),
        "priority": list(PRIORITIES),
        "ws_priority": list(WS_PRIORITIES),
        "theme": list(domains),
        "member": list(members),
        "role": list(ROLES),
        "org": list(organisations),
    }
    for name, options in choices.items():
        sidebar.multiselect(
            t(f"filters.{name}"),
            options,
            key=KEY[name],
            format_func=_label(names[name], counts.get(name, {}), by_workstreams=name == "ws_priority"),
            placeholder=t("filters.any"),
            help=helps[name],
            select_all=False,  # Streamlit writes "Select all" in English only; the filters need no such option
        )
    sidebar.button(t("filters.reset"), key="filters_reset", on_click=reset_filters, width="stretch")
    filters = current_filters()
    _write_url(filters)
    return filters


KEPT = "_filters_kept"


def keep_filters() -> None:
    """On a page that reads no filters: the filters are not drawn, and stay as they were, in the URL too.

    A keyed widget that a run does not draw loses its state at the end of that run (and saving it again as
    session state leaves the widget drawn empty on the way back): the values are kept under another key and
    given back before the widgets are drawn again; the URL keeps its filter parameters meanwhile.
    """
    _load_from_url_once()
    _apply_pending()
    kept = st.session_state.get(KEPT, {})
    kept.update({key: st.session_state[key] for key in (*KEY.values(), PRESET_MEMBER) if key in st.session_state})
    st.session_state[KEPT] = kept
    _write_url(_filters_of(kept))


def _restore_kept() -> None:
    for key, value in st.session_state.pop(KEPT, {}).items():
        st.session_state[key] = value


def rejected_notice() -> None:
    """Tell the user, once, which values of the link were not understood and were ignored."""
    rejected = st.session_state.pop(NOTICES, None)
    if rejected:
        listed = ", ".join(f"{name}={value}" for name, value in rejected)
        st.warning(t("notice.rejected_filters", values=listed[:300]))


def filter_status(filters: Filters) -> bool:
    """A line saying how much of the strategy the filters leave in view; False when nothing is left."""
    if filters.is_empty():
        return True
    codes = cache.filtered_codes(filters)
    objectives = len({code.rsplit(".", 1)[0] for code in codes})
    if not codes:
        st.info(t("filters.nothing"))
        st.button(t("filters.reset"), key="empty_reset", on_click=reset_filters)
        return False
    st.caption(t("filters.status", objectives=objectives, workstreams=len(codes)))
    return True


def detail_code(parameter: str, valid: list[str]) -> str | None:
    """The code in ?<parameter>=… when it is a valid one; an unknown code gets a notice and is ignored."""
    value = st.query_params.get(parameter)
    if value is None:
        return None
    if value in valid:
        return value
    st.warning(t("notice.unknown_code", parameter=parameter, value=value[:40]))
    return None


def open_detail(parameter: str, code: str | None) -> None:
    """Show (or, with None, close) the detail view of `code`: it lives in the URL so it can be shared."""
    if code is None:
        st.query_params.pop(parameter, None)
    else:
        st.query_params[parameter] = code
