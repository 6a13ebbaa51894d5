"""Who does what: one member's portfolio, the responsibility matrix (members × objectives), a flow view, and every
government member with what it initiates, joins and steers."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui import matches
from monitor.ui.language import t
from monitor.ui.markdown import plain
from monitor.ui.plots import chart, new_pick
from monitor.ui.proposals import proposals_switch
from monitor.ui.sidebar import current_filters, filter_status, request_filter
from monitor.ui.standing import attention_of, portfolio_standing, status_line
from monitor.ui.tables import table
from monitor.ui.titles import title_of, with_titles

filters = current_filters()
st.title(t("members.title"))
st.caption(t("members.caption"))
if filter_status(filters):
    if len(filters.member) == 1:
        member = filters.member[0]
        name = title_of("member", member, cache.option_labels("member")[member])
        st.subheader(t("members.portfolio", name=plain(name)))  # an entered name, as typed
        roles = ", ".join(t(f"role.{role}").lower() for role in filters.role)
        st.caption(t("members.portfolio_roles", roles=roles) if roles else t("members.portfolio_all_roles"))
        counts, own = cache.portfolio(filters, member)
        for column, (role, (stated, inferred)) in zip(st.columns(len(counts)), counts.items(), strict=True):
            column.metric(t(f"role.{role}"), stated, help=t("help.match"))
            if inferred:  # the Monitor's reading of a printed title: counted apart, never as stated
                column.caption(t("members.inferred_count", count=inferred))
        codes = cache.filtered_codes(filters)
        st.markdown(f"**{t('standing.portfolio', count=len(codes))}**")
        status_line(codes)
        attention_of(codes)
        with_proposals = proposals_switch()
        own = portfolio_standing(own, codes, with_proposals)
        own["role_label"] = own["role"].map(lambda r: t(f"role.{r}"))
        own["match"] = own["confidence"].map(matches.label)
        own = with_titles(own, "objective", "objective_code", "objective_title")
        own = with_titles(own, "workstream", "workstream_code", "workstream_title")
        steered = own["workstream_code"].astype(bool)  # a workstream it steers, else an objective it initiates or joins
        own["code"] = own["workstream_code"].where(steered, own["objective_code"])
        own["title"] = own["workstream_title"].where(steered, own["objective_title"])
        table(
            own,
            {
                "role_label": "column.role",
                "match": "column.match",
                "code": "column.code",
                "title": "column.title",
                "standing": "column.standing",
                "validated_on": "column.validated_on",
                **({"proposed_label": "column.proposed_status"} if with_proposals else {}),
            },
            key="portfolio_table",
            widths={
                "role_label": 90,
                "match": 80,
                "code": 60,
                "title": 300,
                "standing": 200,
                "validated_on": 100,
                "proposed_label": 180,
            },
            helps={"code": "help.portfolio_workstream", "standing": "help.portfolio_standing", "match": "help.match"},
            lines=4,
            export=f"portfolio-{member}",
        )
        matches.why_inferred(cache.member_alias_reasons(member), key="portfolio_why")
    st.subheader(t("members.matrix"))
    matrix = with_titles(cache.product("matrix", filters), "member", "member_id", "member_name")
    unresolved = matrix["member_kind"] == matches.UNRESOLVED  # apart from the members: labelled on its row
    matrix.loc[unresolved, "member_name"] += f" ({t('government.unresolved')})"
    figure = charts.responsibility_matrix(matrix)
    event = chart(
        figure,
        key="matrix_chart",
        filename="responsibility-matrix",
        summary=t(
            "members.matrix_summary",
            members=matrix["member_id"].nunique(),
            objectives=matrix["objective_code"].nunique(),
        ),
        on_select="rerun",
        selection_mode="points",
    )
    st.caption(t("members.legend"))
    picked = new_pick(event, "matrix_chart")
    if picked and (picked[0],) != filters.member:
        request_filter("member", [picked[0]])
    elif picked:
        st.switch_page("pages/explore/objectives.py", query_params={"objective": picked[1]})
    st.subheader(t("members.flow"))
    links = cache.product("flow", filters)
    member_titles = {name: title_of("member", code, name) for code, name in cache.option_labels("member").items()}
    links["source"] = links["source"].map(lambda node: member_titles.get(node, node))  # objectives stay codes
    chart(
        charts.responsibility_flow(links, t("match.inferred").lower()),
        key="flow_chart",
        filename="who-does-what-flow",
        summary=t("members.flow_summary", count=len(links)),
    )
    if not links["stated"].all():
        st.caption(t("members.flow_inferred", count=int((~links["stated"]).sum())))
    st.subheader(t("members.all"))
    st.caption(t("members.all_caption"))
    members = with_titles(cache.product("member_summary", filters), "member", "member_id", "name")
    members["government"] = [
        t("government.unresolved") if kind == matches.UNRESOLVED else t(f"government.{code}")
        for code, kind in zip(members["government"], members["kind"], strict=True)
    ]
    counted = ("initiating", "associated", "steering", "consulted", "committee")  # the columns above, inferred apart
    members["inferred_roles"] = [
        ", ".join(f"{t(f'column.{role}')} {row[f'{role}_inferred']}" for role in counted if row[f"{role}_inferred"])
        for row in members.to_dict("records")
    ]
    table(
        members,
        {
            "name": "column.member",
            "government": "column.government",
            "initiating": "column.initiating",
            "associated": "column.associated",
            "steering": "column.steering",
            "consulted": "column.consulted",
            "committee": "column.committee",
            "inferred_roles": "column.inferred_roles",
        },
        key="members_table",
        export="members",
        wrapped=True,
        helps={
            "government": "help.government",
            "initiating": "help.initiating",
            "associated": "help.associated",
            "steering": "help.steering",
            "consulted": "help.consulted",
            "committee": "help.committee",
            "inferred_roles": "help.inferred_roles",
        },
    )
