"""Content translations: the French and English titles in force (with their sources) for everyone; for the
secretariat, a form to add, revise or remove one and a CSV/XLSX import with a preview. None are shipped."""

import pandas as pd
import streamlit as st

from monitor import cache
from monitor.core.errors import PermissionDenied
from monitor.core.problems import ProposalInvalid
from monitor.i18n import translations
from monitor.ui import auth
from monitor.ui.flash import flash, show_flash
from monitor.ui.language import format_moment, language, t
from monitor.ui.notices import problem_list
from monitor.ui.tables import downloads, table
from monitor.ui.uploads import ImportSteps, import_wizard

st.title(t("translations.title"))
st.caption(t("translations.intro"))
known = translations.known_codes()
show_flash()

current = cache.store_query("content_translations_current")
st.subheader(t("translations.current", count=len(current)))
if current.empty:
    st.info(t("translations.none_shipped"))
else:
    shown = current.assign(
        kind_label=current["kind"].map(lambda k: t(f"translations.kind.{k}")),
        dutch=[known.get(k, {}).get(c, "") for k, c in zip(current["kind"], current["code"], strict=True)],
        entered=current["entered_at"].map(format_moment),
        language_label=current["language"].str.upper(),
    )
    table(
        shown,
        {
            "kind_label": "translations.column.kind",
            "code": "column.code",
            "dutch": "translations.column.dutch",
            "language_label": "translations.column.language",
            "text": "translations.column.text",
            "source": "column.source",
            "entered_by": "translations.column.entered_by",
            "entered": "translations.column.entered_at",
        },
        key="translations_table",
        widths={  # fit 1366 px; the titles wrap, so the Dutch and the translation can be read side by side
            "kind_label": 95,
            "code": 55,
            "dutch": 195,
            "language_label": 45,
            "text": 195,
            "source": 100,
            "entered_by": 80,
            "entered": 95,
        },
        lines=4,
        export="content_translations",
    )

user = auth.current_user()
if user is None or not user.is_admin:
    auth.sign_in_prompt("translations.admins_only", "translations")
    st.stop()

st.subheader(t("translations.add"))
kind = st.selectbox(
    t("translations.column.kind"),
    translations.KINDS,
    format_func=lambda k: t(f"translations.kind.{k}"),
    key="translations_kind",
)
codes = known.get(kind, {})
code = st.selectbox(
    t("column.code"),
    list(codes),
    format_func=lambda c: f"{c} · {codes.get(c, '')}"[:160],
    key="translations_code",
    index=None,
    placeholder=t("translations.pick_code"),
)
target = st.radio(
    t("translations.column.language"),
    translations.TARGET_LANGUAGES,
    format_func=lambda code: t(f"language.{code}"),
    key="translations_language",
    horizontal=True,
    index=translations.TARGET_LANGUAGES.index(language()) if language() in translations.TARGET_LANGUAGES else 0,
)
text = st.text_input(t("translations.column.text"), key="translations_text", max_chars=translations.MAX_TEXT)
source = st.text_input(
    t("column.source"), key="translations_source", max_chars=translations.MAX_SOURCE, help=t("translations.source_help")
)
if st.button(t("translations.save"), key="translations_save", type="primary"):
    try:
        translations.save(user, [translations.Entry(kind, code or "", target, text, source)])
    except ProposalInvalid as invalid:
        st.error(problem_list(invalid.problems))
    except PermissionDenied:
        st.error(t("translations.admins_only"))
    else:
        for name in ("translations_text", "translations_source"):
            st.session_state.pop(name, None)
        flash("translations.saved")

if not current.empty:
    st.subheader(t("translations.remove"))
    described = {
        f"{r.kind}|{r.code}|{r.language}": f"{t(f'translations.kind.{r.kind}')} {r.code} ({r.language}) {r.text}"
        for r in current.itertuples()
    }
    picked = st.selectbox(
        t("translations.remove_pick"), list(described), format_func=described.get, index=None, key="translations_pick"
    )
    reason = st.text_input(t("translations.remove_reason"), key="translations_reason")
    if picked and st.button(t("translations.remove_button"), key="translations_remove"):
        try:
            translations.remove(user, *picked.split("|"), reason)
        except ProposalInvalid as invalid:
            st.error(problem_list(invalid.problems))
        else:
            st.session_state.pop("translations_pick", None)
            flash("translations.removed")

st.subheader(t("translations.import"))
st.caption(t("translations.import_help"))
downloads(lambda: translations.template(known), "translations_template", "translations_template")


def _preview_rows(preview: translations.TranslationPreview) -> pd.DataFrame:
    """The titles the file would enter, beside the Dutch they translate."""
    rows = pd.DataFrame([{"row": number, **entry.__dict__} for number, entry in preview.entries])
    rows["dutch"] = [known[k][c] for k, c in zip(rows["kind"], rows["code"], strict=True)]
    return rows


import_wizard(
    ImportSteps(
        key="translations",
        check=lambda sheet: translations.preview(sheet, known),
        rows=_preview_rows,
        columns={
            "row": "column.row",
            "kind": "translations.column.kind",
            "code": "column.code",
            "dutch": "translations.column.dutch",
            "language": "translations.column.language",
            "text": "translations.column.text",
            "source": "column.source",
        },
        widths={"row": 50, "kind": 85, "code": 55, "dutch": 235, "language": 45, "text": 235, "source": 155},
        lines=4,  # fit 1366 px; the Dutch and the translation wrap side by side
        ready=lambda _preview, count: t("translations.ready", count=count),
        commit=lambda preview: translations.save(user, [entry for _number, entry in preview.entries]),
        commit_label="translations.commit",
        committed="translations.imported",
        conflict="transfer.conflict",
    )
)

history = cache.store_query("content_translation_history")
if not history.empty:
    st.subheader(t("translations.history"))
    history = history.assign(
        entered=history["entered_at"].map(format_moment), text=history["text"].fillna(t("translations.removed_mark"))
    )
    table(
        history,
        {
            "entered": "translations.column.entered_at",
            "entered_by": "translations.column.entered_by",
            "kind": "translations.column.kind",
            "code": "column.code",
            "language": "translations.column.language",
            "text": "translations.column.text",
            "source": "column.source",
        },
        key="translations_history_table",
        widths={"entered": 115, "entered_by": 90, "kind": 85, "code": 55, "language": 45, "text": 300, "source": 170},
        lines=3,  # fit 1366 px
    )
