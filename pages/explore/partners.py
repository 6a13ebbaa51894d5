"""Partners and themes: where the social partners take part, shared vs consulted, and the 7 policy domains."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui.language import t
from monitor.ui.plots import chart
from monitor.ui.sidebar import current_filters, filter_status
from monitor.ui.tables import table
from monitor.ui.titles import with_titles

filters = current_filters()
st.title(t("partners.title"))
if filter_status(filters):
    st.subheader(t("partners.social_partners"))
    st.caption(t("partners.social_partners_caption") if not filters.org else t("partners.org_caption"))
    partners = cache.partner_table(filters)
    partners = with_titles(partners, "objective", "objective_code", "objective_title")
    partners["priority"] = partners["objective_priority_type"].map(lambda p: t(f"priority.{p}"))
    table(
        partners,
        {
            "objective_code": "column.code",
            "objective_title": "column.objective_title",
            "priority": "column.priority_type",
            "partner": "column.as_partner",
            "steering_committee": "column.in_committee",
            "steering": "column.steers",
        },
        key="partners_table",
        wrapped=True,
        export="social-partners",
    )

    st.subheader(t("partners.themes"))
    st.warning(t("partners.editorial"))
    themes = with_titles(cache.themes(filters), "objective", "objective_code", "objective_title")
    themes = with_titles(themes, "domain", "domain_id", "domain")
    chart(
        charts.objectives_by_theme(themes, lambda p: t(f"priority.{p}"), t("column.objectives")),
        key="themes_chart",
        filename="themes",
        summary=t("partners.themes_summary", links=len(themes), domains=themes["domain_id"].nunique()),
    )
    themes["link"] = themes["is_primary"].map(lambda p: t("partners.primary") if p else t("partners.secondary"))
    themes["priority"] = themes["priority_type"].map(lambda p: t(f"priority.{p}"))
    table(
        themes,
        {
            "domain": "column.domain",
            "objective_code": "column.code",
            "objective_title": "column.objective_title",
            "link": "column.link",
            "rationale": "column.rationale",
        },
        key="themes_table",
        wrapped=True,
        export="themes",
    )

    st.subheader(t("partners.priorities"))
    st.caption(t("partners.priorities_caption"))
    priorities = cache.query("shared_priorities_list")
    if filters.theme:
        priorities = priorities[priorities["domain_id"].isin(filters.theme)]
    priorities = with_titles(priorities.assign(key=priorities["number"].astype(str)), "priority", "key", "title")
    priorities = with_titles(priorities, "domain", "domain_id", "domain")
    table(
        priorities,
        {
            "number": "column.number",
            "title": "column.priority_title",
            "domain": "column.domain",
            "description": "column.description",
        },
        key="priorities_table",
        wrapped=True,
        export="shared-priorities",
    )
