"""Detail views: one objective's fiche and one workstream, with where every fact is printed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.ui import matches
from monitor.ui.indicators import objective_indicators
from monitor.ui.language import labelled, language, own, t
from monitor.ui.markdown import paragraphs, plain
from monitor.ui.proposals import proposals_switch
from monitor.ui.provenance import cited, provenance, source
from monitor.ui.sidebar import open_detail
from monitor.ui.standing import objective_standing, with_workstream_standing, workstream_history, workstream_standing
from monitor.ui.titles import content_page_title, markdown_title, title_of

OBJECTIVES_PAGE = "pages/explore/objectives.py"
WORKSTREAMS_PAGE = "pages/explore/workstreams.py"
HEADINGS = {  # the organisations' roles on a fiche
    "partner": "fiche.partners",
    "steering_committee": "fiche.steering_committee",
    "consulted": "fiche.consulted",
}


def _cited(markdown: str, row) -> None:
    """A Markdown line followed by where it is printed (row has document, line_start, line_end)."""
    st.markdown(f"{markdown}  \n  {source(row.document, row.line_start, row.line_end)}")


def as_published() -> None:
    """Document text is shown as published (Dutch); say so when the interface is in another language."""
    if language() != "nl":
        st.caption(t("fiche.dutch_original"))


def _back(parameter: str) -> None:
    if st.button(t("fiche.back"), key=f"back_{parameter}"):
        open_detail(parameter, None)
        st.rerun()


def _people(frame: pd.DataFrame, role: str, citations: list[str]) -> None:
    """The members of one role; where each is printed goes to the section's `citations`."""
    rows = frame[frame["role"] == role]
    if rows.empty:
        st.write(t("fiche.none_printed"))
        return
    for row in rows.itertuples():
        where = f" — {row.workstream_code}" if isinstance(row.workstream_code, str) else ""
        written = "" if row.as_written == row.name else f" · {labelled('fiche.as_written')} “{plain(row.as_written)}”"
        qualifier = f" ({plain(row.qualifier)})" if isinstance(row.qualifier, str) else ""  # "in overleg met …"
        why = matches.reason(row, kind=row.kind)
        name = markdown_title("member", row.member_id, row.name)
        st.markdown(
            f"- **{name}**{matches.mark(row.confidence, row.kind)}{where}{written}{qualifier}",
            help=plain(why) if why else None,
        )
        citations.append(cited(f"{name}{where}", row.document, row.line_start, row.line_end))


def _organisations(frame: pd.DataFrame, role: str, note: str | None, citations: list[str]) -> None:
    """The organisations of one role; where they are printed goes to the section's `citations`."""
    rows = frame[frame["role"] == role]
    if note:
        st.write(note)
    if rows.empty and not note:
        st.write(t("fiche.none_printed"))
    shown = rows.drop_duplicates(["org_id", "as_written"])
    stated = shown[shown["confidence"].map(matches.is_sure)]
    names = [
        f"{plain(r.name)}" + ("" if r.as_written == r.name else f" (“{plain(r.as_written)}”)")
        for r in stated.itertuples()
    ]
    if names:
        st.markdown(", ".join(names))
    for r in shown.drop(stated.index).itertuples():  # the Monitor's reading of a printed name: marked, reason in help
        st.markdown(
            f"{plain(r.name)}{matches.mark(r.confidence)} (“{plain(r.as_written)}”)",
            help=plain(matches.reason(r)),
        )
    for qualifier in rows["qualifier"].dropna().unique():  # consulted bodies: why, as printed
        st.caption(plain(qualifier))
    if not rows.empty:
        label = t(HEADINGS[role])
        citations.append(cited(label, rows["document"].iloc[0], rows["line_start"].min(), rows["line_end"].max()))


def render_objective(code: str) -> None:
    fiche = cache.query("objective_fiche", code=code).iloc[0]
    fields = cache.query("objective_field_sources", code=code).set_index("field")
    _back("objective")
    content_page_title("objective", fiche["code"], fiche["title"])
    as_published()
    objective_standing(code)
    top = st.columns(3)
    top[0].metric(t("column.pillar"), int(fiche["pillar"]), help=fiche["pillar_title"])
    top[1].metric(t("column.priority_type"), t(f"priority.{fiche['priority_type']}"))
    top[2].metric(t("fiche.status_2025"), t(f"status2025.{fiche['status_vs_2025_kind']}"))
    with st.container(border=True):
        st.markdown(f"**{labelled('fiche.priority_printed')}** {plain(fiche['priority_text'])}")
        st.markdown(f"**{labelled('fiche.status_2025')}** {plain(fiche['status_vs_2025'])}")
    st.subheader(t("fiche.general_objectives"))
    st.markdown(paragraphs(fiche["general_objectives"]))
    field = fields.loc[:, ["document", "line_start", "line_end"]]
    provenance(
        [
            cited(t("column.title"), fiche["document"], fiche["line_start"], fiche["line_end"]),
            cited(t("fiche.status_2025"), *field.loc["status_vs_2025"]),
            cited(t("fiche.general_objectives"), *field.loc["general_objectives"]),
        ],
        [t("fiche.priority_note", note=own(fiche, "priority_note"))] if isinstance(fiche["priority_note"], str) else [],
    )
    _who(code, fiche)
    _objective_workstreams(code)
    with st.expander(t("fiche.details")):  # what a reader looks up, one click away: the fiche stays short
        _cross_references(code)
        _targets(code)
        objective_indicators(code)
        _later_wording(code)


def _who(code: str, fiche: pd.Series) -> None:
    """Who initiates, is associated, sits in the committee or is consulted; partners and steering committee."""
    people = cache.query("objective_people", code=code)
    organisations = cache.query("objective_organisations", code=code)
    citations: list[str] = []
    left, right = st.columns(2)
    with left:
        st.subheader(t("fiche.initiating"))
        _people(people, "initiating", citations)
        st.subheader(t("fiche.associated"))
        _people(people, "associated", citations)
        if (people["role"] == "committee").any():
            st.subheader(t("fiche.committee_members"))
            _people(people, "committee", citations)
        if (people["role"] == "consulted").any():
            st.subheader(t("fiche.consulted"))
            _people(people, "consulted", citations)
    with right:
        for role, note in (("partner", "partners_note"), ("steering_committee", "steering_committee_note")):
            st.subheader(t(HEADINGS[role]))
            _organisations(organisations, role, fiche[note] if isinstance(fiche[note], str) else None, citations)
        if (organisations["role"] == "consulted").any():
            st.subheader(t(HEADINGS["consulted"]))
            _organisations(organisations, "consulted", None, citations)
    provenance(citations)


def _objective_workstreams(code: str) -> None:
    workstreams = cache.query("workstreams_list")
    rows, _columns = with_workstream_standing(workstreams[workstreams["objective_code"] == code])
    st.subheader(t("fiche.workstreams", count=len(rows)))
    for row in rows.itertuples():
        tag = f" · {labelled('fiche.tag')} {row.priority_tag}" if isinstance(row.priority_tag, str) else ""
        with st.expander(f"{row.status_label} · {row.code} · {markdown_title('workstream', row.code, row.title)}{tag}"):
            st.markdown(_standing_line(row))
            st.markdown(f"**{labelled('fiche.steered_by')}** {plain(row.steering or t('fiche.none_printed'))}")
            st.markdown(paragraphs(row.description))
            st.page_link(
                WORKSTREAMS_PAGE, label=t("fiche.open_workstream", code=row.code), query_params={"workstream": row.code}
            )


def _standing_line(row) -> str:
    """A workstream's official status, confidence and validation day, as one line of its expander."""
    parts = [f"**{labelled('column.official_status')}** {row.status_label}"]
    if row.confidence_label:
        parts.append(f"**{labelled('column.confidence')}** {row.confidence_label}")
    if row.validated_on:
        parts.append(f"**{labelled('column.validated_on')}** {row.validated_on}")
    return " · ".join(parts)


def _cross_references(code: str) -> None:
    references = cache.query("cross_references_of_objective", code=code)
    if references.empty:
        return
    st.subheader(t("fiche.cross_references"))
    for row in references.itertuples():
        if row.direction == "outgoing":
            target = row.target_workstream if isinstance(row.target_workstream, str) else row.target_objective
            origin = row.from_workstream if isinstance(row.from_workstream, str) else code
            label = t("fiche.refers_to", origin=origin, target=target or "?")
        else:
            target = row.from_workstream if isinstance(row.from_workstream, str) else row.from_objective
            label = t("fiche.referred_from", target=target)
        _cited(f"- “{plain(row.quote)}”", row)
        if isinstance(row.note, str):
            st.caption(t("fiche.resolution", note=own(row, "note")))
        if isinstance(target, str) and target.count(".") == 2:
            st.page_link(WORKSTREAMS_PAGE, label=label, query_params={"workstream": target})
        elif isinstance(target, str):
            st.page_link(OBJECTIVES_PAGE, label=label, query_params={"objective": target})


def _targets(code: str) -> None:
    targets = cache.query("targets_of_objective", code=code)
    if targets.empty:
        return
    st.subheader(t("fiche.targets", count=len(targets)))
    for row in targets.itertuples():
        where = f"{row.workstream_code} · " if isinstance(row.workstream_code, str) else ""
        year = f" · {t('fiche.target_year')} {int(row.target_year)}" if pd.notna(row.target_year) else ""
        base = f" · {t('fiche.base_year')} {int(row.base_year)}" if pd.notna(row.base_year) else ""
        st.markdown(
            f"- {where}“{plain(row.quote)}”{year}{base}  \n  {source(row.document, row.line_start, row.line_end)}"
        )


def _later_wording(code: str) -> None:
    items = cache.query("later_wording", code=code)
    if items.empty:
        return
    workstreams = cache.query("workstreams_list").set_index("code")
    first = items.iloc[0]
    st.subheader(t("fiche.later_wording"))
    document = f"“{cache.document_titles().get(first['version_document'], '')}”"  # its title, not its file
    st.caption(t("fiche.later_wording_caption", document=document, dated=first["dated"]))
    roles = cache.query("later_wording_roles", code=code)
    if not roles.empty:
        st.markdown(f"**{labelled('fiche.priority_printed')}** {plain(roles['priority_text'].iloc[0] or '—')}")
        for role, rows in roles.groupby("role", sort=False):
            names = "; ".join(plain(name) for name in rows["as_written"])
            st.markdown(f"**{labelled(f'fiche.later_role.{role}')}** {names}")
    for row in items.itertuples():
        linked = row.linked_workstream if isinstance(row.linked_workstream, str) else None
        left, right = st.columns(2)
        with left:
            st.markdown(f"**2020 · {linked or '—'}**")
            if linked:
                old = workstreams.loc[linked]
                st.write(old["title"])
                st.caption(f"{labelled('fiche.steered_by')} {old['steering']}")
            else:
                st.caption(t("fiche.no_2020_counterpart"))
        with right:
            later_steering = row.steering_text if isinstance(row.steering_text, str) else t("fiche.none_printed")
            changed = linked is None or _differs(workstreams.loc[linked], row)
            st.markdown(f"**{t('fiche.later')} · {row.number}** " + (f"· ⚠ {t('fiche.differs')}" if changed else ""))
            st.write(row.title)
            where = source(first["version_document"], row.line_start, row.line_end)
            st.caption(f"{labelled('fiche.steered_by')} {later_steering} · {where}")
        if isinstance(row.link_note, str):
            st.caption(t("fiche.link_note", note=own(row, "link_note")))
        st.divider()


def _differs(old: pd.Series, new) -> bool:
    """Whether the later item's title or steering differs from its 2020 workstream (white space aside)."""

    def norm(value: object) -> str:
        return " ".join(str(value or "").lower().split())

    return norm(old["title"]) != norm(new.title) or norm(old["steering"]) != norm(new.steering_text)


def render_workstream(code: str) -> None:
    row = cache.query("workstream_detail", code=code).iloc[0]
    steering = cache.query("workstream_steering", code=code)
    _back("workstream")
    content_page_title("workstream", row["code"], row["title"])
    as_published()
    proposals = proposals_switch()
    workstream_standing(code, proposals)
    cols = st.columns(3)
    cols[0].metric(
        t("column.objective"),
        row["objective_code"],
        help=markdown_title("objective", row["objective_code"], row["objective_title"]),
    )
    cols[1].metric(t("column.priority_type"), t(f"priority.{row['objective_priority_type']}"))
    cols[2].metric(t("fiche.tag"), row["priority_tag"] if isinstance(row["priority_tag"], str) else "—")
    st.page_link(
        OBJECTIVES_PAGE,
        label=t("fiche.open_objective", code=row["objective_code"]),
        query_params={"objective": row["objective_code"]},
    )
    st.subheader(t("fiche.steered_by"))
    citations = [cited(t("column.title"), row["document"], row["title_line_start"], row["title_line_end"])]
    if steering.empty:
        st.write(row["steering_note"] if isinstance(row["steering_note"], str) else t("fiche.none_printed"))
    for party in steering.itertuples():
        role = "" if party.role == "steering" else f" ({t('fiche.consulted')})"
        written = "" if party.as_written == party.name else f" · “{plain(party.as_written)}”"
        name = title_of("member", party.party_id, party.name) if party.kind == "member" else party.name
        why = matches.reason(party, name, party.member_kind)
        st.markdown(
            f"- **{plain(name)}**{matches.mark(party.confidence, party.member_kind)}{role}{written}",
            help=plain(why) if why else None,
        )
        citations.append(cited(plain(name), party.document, party.line_start, party.line_end))
        if isinstance(party.footnote, str):  # the note an asterisk refers to, with the name it explains
            st.caption(f"{labelled('match.footnote')} “{plain(party.footnote)}”")
            citations.append(
                cited(labelled("match.footnote"), party.document, party.footnote_line, party.footnote_line)
            )
    st.subheader(t("fiche.description"))
    st.markdown(paragraphs(row["description"]))
    if pd.notna(row["description_line_start"]):
        citations.append(
            cited(t("fiche.description"), row["document"], row["description_line_start"], row["description_line_end"])
        )
    corrected = isinstance(row["code_note"], str)
    provenance(
        citations, [t("fiche.code_corrected", printed=row["code_printed"], note=own(row, "code_note"))] * corrected
    )
    workstream_history(code, proposals)
