"""Content translations: the rules, the append-only history, what the pages show, and the file import."""

from __future__ import annotations

import pytest

from monitor import cache
from monitor.core import exports, tabular
from monitor.core.errors import PermissionDenied
from monitor.core.paths import MIGRATIONS_DIR
from monitor.core.problems import ProposalInvalid
from monitor.i18n import translations
from monitor.i18n.translations import Entry
from monitor.storage import store
from tests.rendered import markdown_texts, open_page

SOURCE = "Test fixture: a title typed for this test, not an official translation"


def _dutch(kind: str, code: str) -> str:
    return translations.known_codes()[kind][code]


def _problem_keys(entry: Entry) -> list[str]:
    return [problem.key for problem in translations.check(entry, translations.known_codes())]


def test_the_store_has_the_table_and_no_translation_ships(app_db):
    assert 30 in {version for version, _name, _sql in store.migrations()}
    assert store.run("content_translations_current").empty
    assert cache.content_translations() == {}


def test_every_kind_has_codes_from_the_documents(app_db, con):
    known = translations.known_codes()
    assert set(known) == set(translations.KINDS)
    (objectives,) = con.execute("SELECT count(*) FROM objectives").fetchone()
    (priorities,) = con.execute("SELECT count(*) FROM shared_priorities").fetchone()
    assert len(known["objective"]) == objectives and len(known["priority"]) == priorities


@pytest.mark.parametrize(
    ("entry", "keys"),
    [
        (Entry("objective", "9.9", "fr", "Titre", SOURCE), ["translations.error.unknown_code"]),
        (Entry("objective", "1.1", "fr", "Titre", "  "), ["translations.error.source_required"]),
        (Entry("objective", "1.1", "nl", "Titel", SOURCE), ["translations.error.dutch"]),
        (Entry("objective", "1.1", "de", "Titel", SOURCE), ["translations.error.unknown_language"]),
        (Entry("pillar", "1", "fr", "Titre", SOURCE), ["translations.error.unknown_kind"]),
        (
            Entry("objective", "1.1", "fr", "", ""),
            ["translations.error.text_required", "translations.error.source_required"],
        ),
        (Entry("objective", "1.1", "fr", "x" * 501, SOURCE), ["translations.error.too_long"]),
        (Entry("priority", "1", "en", "Regional mobility plan", SOURCE), []),
    ],
)
def test_rules(app_db, entry, keys):
    assert _problem_keys(entry) == keys


def test_only_the_secretariat_writes_and_a_bad_entry_writes_nothing(people):
    good = Entry("objective", "1.1", "fr", "Titre saisi", SOURCE)
    for user in (None, people["editor"]):
        with pytest.raises(PermissionDenied):
            translations.save(user, [good])
    with pytest.raises(ProposalInvalid):
        translations.save(people["admin"], [good, Entry("objective", "1.1", "nl", "Titel", SOURCE)])
    assert store.run("content_translation_history").empty


def test_the_latest_revision_wins_and_a_removal_brings_the_dutch_back(people):
    admin = people["admin"]
    dutch = _dutch("objective", "1.2")
    translations.save(admin, [Entry("objective", "1.2", "fr", "Premier titre", SOURCE)])
    translations.save(admin, [Entry("objective", "1.2", "fr", "  Titre révisé ", SOURCE)])
    assert cache.content_title("objective", "1.2", dutch, "fr") == ("Titre révisé", False)
    assert cache.content_title("objective", "1.2", dutch, "en") == (f"[NL] {dutch}", True)
    assert cache.content_title("objective", "1.2", dutch, "nl") == (dutch, True)  # Dutch UI: the original, unmarked
    with pytest.raises(ProposalInvalid):
        translations.remove(admin, "objective", "1.2", "fr", " ")
    translations.remove(admin, "objective", "1.2", "fr", "published translation withdrawn")
    assert cache.content_title("objective", "1.2", dutch, "fr") == (f"[NL] {dutch}", True)
    history = store.run("content_translation_history")
    assert history["text"].isna().tolist() == [True, False, False]
    audit = store.connection().execute("SELECT action FROM audit_log ORDER BY audit_id").fetchall()
    assert [a for (a,) in audit] == ["save_translations", "save_translations", "remove_translation"]


def _upload(frame) -> tabular.Table:
    return tabular.read_table("translations.csv", exports.to_csv(frame))


def test_the_template_filled_in_imports_and_bad_rows_are_reported_by_row(people):
    known = translations.known_codes()
    template = translations.template(known, kinds=["objective"])
    assert len(template) == len(known["objective"]) and (template["text"] == "").all()
    filled = template.head(3).copy()
    filled["text"] = ["Un", "Deux", "Trois"]
    filled["source"] = SOURCE
    preview = translations.preview(_upload(filled), known)
    assert preview.problems == [] and [e.text for _n, e in preview.entries] == ["Un", "Deux", "Trois"]
    assert translations.save(people["admin"], [e for _n, e in preview.entries]) == 3

    bad = filled.copy()
    bad.loc[0, "source"] = ""
    bad.loc[1, "language"] = "nl"
    bad.loc[2, "code"] = bad.loc[0, "code"]
    problems = translations.preview(_upload(bad), known).problems
    assert [(p.row, p.key) for p in problems] == [
        (2, "translations.error.source_required"),
        (3, "translations.error.dutch"),
        (4, "translations.error.repeated"),
    ]
    missing_column = translations.preview(_upload(filled.drop(columns=["source"])), known).problems
    assert [(p.row, p.column, p.key) for p in missing_column] == [(1, "source", "import.error.missing_column")]


def test_a_french_title_shows_on_the_explore_pages_and_the_rest_is_marked_dutch(people):
    admin = people["admin"]
    translations.save(admin, [Entry("objective", "1.1", "fr", "Créer les conditions de la transition", SOURCE)])
    app = open_page("pages/explore/objectives.py", lang="fr")
    titles = app.dataframe[0].value["Titre de l’objectif"].tolist()
    assert titles[0] == "Créer les conditions de la transition"
    assert all(title.startswith("[NL] ") for title in titles[1:]) and len(titles) == 17
    assert any("[NL] = " in caption.value for caption in app.caption)
    dutch = open_page("pages/explore/objectives.py", lang="nl")
    dutch_titles = dutch.dataframe[0].value.iloc[:, 1].tolist()
    assert dutch_titles[0] == _dutch("objective", "1.1") and not any("[NL]" in t for t in dutch_titles)
    assert not any("[NL] = " in caption.value for caption in dutch.caption)


def test_the_page_says_none_ship_and_lets_the_secretariat_add_one(people):
    viewer = open_page("pages/more/translations.py", lang="fr")
    assert not viewer.exception
    assert "Aucune traduction n’a été saisie" in viewer.info[0].value
    assert not viewer.get("button") or all(b.key != "translations_save" for b in viewer.button)

    app = open_page("pages/more/translations.py", people["admin"].username, lang="fr")
    app.selectbox(key="translations_kind").set_value("priority").run()
    app.selectbox(key="translations_code").set_value("1").run()
    app.radio(key="translations_language").set_value("fr")
    app.text_input(key="translations_text").input("Plan régional de mobilité")
    app.text_input(key="translations_source").input("").run()
    app.button(key="translations_save").click().run()
    assert "Indiquez d’où vient la traduction" in app.error[0].value
    assert store.run("content_translation_history").empty
    app.text_input(key="translations_source").input(SOURCE)
    app.button(key="translations_save").click().run()
    assert not app.exception and app.success[0].value == "Traduction enregistrée."
    assert cache.content_translations() == {("priority", "1", "fr"): "Plan régional de mobilité"}
    partners = open_page("pages/explore/partners.py", lang="fr")
    priorities = partners.table[-1].value
    assert priorities.iloc[0, 1] == "Plan régional de mobilité"
    entered = open_page("pages/more/translations.py", people["admin"].username, lang="fr").dataframe
    # what is in force, and its history: the Dutch and the translation wrap (rows taller than 64 px)
    assert [(grid.proto.row_height > 64, len(grid.value)) for grid in entered] == [(True, 1), (True, 1)]


def test_an_uploaded_file_is_previewed_beside_the_dutch_before_anything_is_written(people):
    app = open_page("pages/more/translations.py", people["admin"].username, lang="en")
    upload = f"kind,code,language,text,source\nobjective,1.1,en,Climate-neutral economy,{SOURCE}\n".encode()
    app.file_uploader(key="translations_file").set_value(("titles.csv", upload, "text/csv"))
    app.run()
    preview = app.dataframe[-1]
    assert (
        preview.value.iloc[0, 3].startswith("De voorwaarden creëren")
        and preview.value.iloc[0, 5] == "Climate-neutral economy"
    )
    assert preview.proto.row_height > 64  # the Dutch and the translation wrap side by side
    assert store.run("content_translation_history").empty  # nothing written until the secretariat confirms


def test_the_sidebar_names_members_and_domains_in_the_language_and_explains_the_mark(people):
    translations.save(
        people["admin"],
        [
            Entry("member", "brussels_minister_president", "fr", "Ministre-Président (titre saisi)", SOURCE),
            Entry("domain", "employment", "fr", "EMPLOI (titre saisi)", SOURCE),
        ],
    )
    note = "[NL] = tel que publié"
    french = open_page("pages/explore/targets.py", lang="fr")
    for key, translated in (("filter_member", "Ministre-Président (titre saisi)"), ("filter_theme", "EMPLOI")):
        widget = french.sidebar.multiselect(key=key)
        entered = [option for option in widget.options if option.startswith(translated)]
        assert len(entered) == 1, widget.options
        assert all(option.startswith("[NL] ") for option in widget.options if option not in entered)
        assert note in widget.help
    assert "Ministre-Président (titre saisi)" in french.sidebar.selectbox(key="preset_member").options
    dutch = open_page("pages/explore/targets.py", lang="nl")
    members = dutch.sidebar.multiselect(key="filter_member")
    assert not any("[NL]" in option for option in members.options) and "[NL]" not in members.help
    assert any(option.startswith(_dutch("member", "brussels_minister_president")) for option in members.options)


def test_a_store_from_before_domain_titles_keeps_its_translations(people, tmp_path, monkeypatch):
    """Migration 040 rebuilds the table to accept policy domains: every earlier revision survives as it was."""
    older = tmp_path / "migrations"
    older.mkdir()
    for version, name, sql in store.migrations():
        if version <= 30:
            (older / name).write_text(sql, encoding="utf-8")
    store.close_all()
    store.store_path().unlink(missing_ok=True)  # a store made by the code of migration 030
    monkeypatch.setattr(store, "MIGRATIONS_DIR", older)
    translations.save(people["admin"], [Entry("objective", "1.1", "fr", "Titre d’avant", SOURCE)])
    before = store.connection().execute("SELECT * FROM content_translations").fetchall()
    with pytest.raises(Exception, match="CHECK"):
        translations.save(people["admin"], [Entry("domain", "employment", "fr", "Emploi", SOURCE)])
    store.close_all()
    monkeypatch.setattr(store, "MIGRATIONS_DIR", MIGRATIONS_DIR)  # this version's code opens it again
    assert store.connection().execute("SELECT * FROM content_translations").fetchall() == before
    translations.save(people["admin"], [Entry("domain", "employment", "fr", "Emploi", SOURCE)])
    assert cache.content_translations()[("domain", "employment", "fr")] == "Emploi"
    assert cache.content_translations()[("objective", "1.1", "fr")] == "Titre d’avant"


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("pages/explore/objectives.py", {"objective": "1.4"}),
        ("pages/explore/workstreams.py", {"workstream": "1.4.1"}),
        ("pages/explore/indicators.py", {}),
        ("pages/explore/targets.py", {}),
        ("pages/explore/members.py", {"member": "brussels_minister_employment"}),
        ("pages/explore/partners.py", {}),
        ("pages/explore/overview.py", {}),
        ("pages/progress/progress.py", {}),
    ],
)
def test_entered_titles_show_as_typed_wherever_markdown_is_read(people, page, query):
    """Expander labels, links, headings and tooltips read Markdown: a title typed with Markdown's signs is escaped."""
    known = translations.known_codes()
    typed = {kind: {code: f"Titre *{code}* :tada:" for code in codes} for kind, codes in known.items()}
    entries = [Entry(kind, code, "fr", text, SOURCE) for kind, texts in typed.items() for code, text in texts.items()]
    translations.save(people["admin"], entries)
    if page == "pages/explore/indicators.py":  # the first indicator linked to an objective, in its detail view
        query = {"indicator": cache.query("indicator_objective_links")["indicator_id"].iloc[0]}
    app = open_page(page, lang="fr", **query)
    assert not app.exception
    texts = markdown_texts(app)
    assert not [text for text in texts if "Titre *" in text]  # typed, unescaped: would show as italics
    if page not in (
        "pages/explore/partners.py",
        "pages/explore/overview.py",
        "pages/progress/progress.py",
    ):  # titles in tables, charts only
        assert any("Titre \\*" in text for text in texts)
