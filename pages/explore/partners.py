"""Partners and themes: how the strategy stands per policy domain of the 2026 Social Summit and for what is shared
with the social partners; where the social partners take part; the domains' objectives and shared priorities."""

import streamlit as st

from monitor import cache
from monitor.explore import charts
from monitor.ui.language import in_language, t
from monitor.ui.plots import chart
from monitor.ui.sidebar import current_filters, filter_status
from monitor.ui.standing import (
    official_counts,
    shared_delivery_line,
    status_label,
    status_summary,
    with_objective_standing,
)
from monitor.ui.tables import table
from monitor.ui.titles import title_of, with_titles

filters = current_filters()
st.title(t("partners.title"))
if filter_status(filters):
    codes = cache.filtered_codes(filters)
    st.subheader(t("partners.by_domain"))
    counts = official_counts("theme", codes)
    if filters.theme:  # a workstream's objective may belong to other domains too: show the chosen ones only
        counts = counts[counts["group"].isin(filters.theme)]
    domains = cache.option_labels("theme")
    chart(
        charts.status_bars(
            counts, status_label, t("column.workstreams"), group_label=lambda d: title_of("domain", d, domains[d])
        ),
        key="themes_chart",
        filename="official_status_by_domain",
        summary=status_summary(counts, len(codes)),
    )
    st.caption(t("partners.editorial"))

    partners = cache.partner_table(filters)
    partners = with_objective_standing(partners, codes, code_column="objective_code")
    st.markdown(shared_delivery_line(filters))
    st.subheader(t("partners.social_partners"))
    st.caption(t("partners.social_partners_caption") if not filters.org else t("partners.org_caption"))
    partners = with_titles(partners, "objective", "objective_code", "objective_title")
    partners["priority"] = partners["objective_priority_type"].map(lambda p: t(f"priority.{p}"))
    partners["standing"] = [  # one column: the grid fits 1366 px
        f"{delivery} · {strip}" for delivery, strip in zip(partners["delivery"], partners["strip"], strict=True)
    ]
    role_names = {
        "partner": "column.as_partner",
        "steering_committee": "column.in_committee",
        "steering": "column.steers",
    }
    role_names["consulted"] = "column.consulted_on"
    partners["inferred"] = [  # (name, role) pairs the Monitor only reads: apart from the stated columns, labelled
        "; ".join(f"{name} ({t(role_names[role]).lower()})" for name, role in pairs) for pairs in partners["inferred"]
    ]
    table(
        partners,
        {
            "objective_code": "column.code",
            "objective_title": "column.objective_title",
            "standing": "column.standing",
            "priority": "column.priority_type",
            "partner": "column.as_partner",
            "steering_committee": "column.in_committee",
            "steering": "column.steers",
            **({"consulted": "column.consulted_on"} if partners["consulted"].astype(bool).any() else {}),
            "inferred": "column.inferred_partners",
        },
        key="partners_table",
        helps={"inferred": "help.inferred_partners"},
        widths={  # the organisations' names in full, at 1366 px too
            "objective_code": 40,
            "objective_title": 150,
            "standing": 135,
            "priority": 75,
            "partner": 105,
            "steering_committee": 105,
            "steering": 90,
            "consulted": 90,
            "inferred": 100,
        },
        lines=6,
        export="social-partners",
    )

    st.subheader(t("partners.themes"))
    themes = in_language(cache.themes(filters), "rationale")  # the Monitor's reasons, in the interface language
    themes = with_titles(themes, "objective", "objective_code", "objective_title")
    if filters.theme:
        themes = themes[themes["domain_id"].isin(filters.theme)]
    themes = with_titles(themes, "domain", "domain_id", "domain")
    themes = with_objective_standing(themes, codes, code_column="objective_code")
    themes["link"] = themes["is_primary"].map(lambda p: t("partners.primary") if p else t("partners.secondary"))
    table(
        themes,
        {
            "domain": "column.domain",
            "objective_code": "column.code",
            "objective_title": "column.objective_title",
            "delivery": "column.delivery",
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
