"""The Social Summit deck: slide list, slide contents from the data, snapshot isolation, fallback, theme."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from monitor import cache
from monitor.core.contrast import luminance, ratio
from monitor.core.formats import LANGUAGES
from monitor.deck import parts, playlists, slide_html, slides
from monitor.explore import looks as status_looks
from monitor.explore.looks import (
    PRINT,
    PROJECTOR,
    STATUS_LOOK,
)
from monitor.i18n import translations
from monitor.progress import sample, workflow
from monitor.progress.workflow import ALL_STATUSES
from monitor.storage import store
from monitor.storage.accounts import User

SUMMIT = date(2026, 6, 11)
ADMIN = User("secretariat", "-", "admin", None)


def render_all(source: parts.Source, language: str = "en") -> list[str]:
    return [slide_html.render(item, source, language)[0] for item in source.items()]


def counts_on(fragment: str) -> dict[str, int]:
    """Status -> count as written on an objective slide."""
    found = re.findall(r'data-status="(\w+)".*?<span class="count">([\d\s\u202f.,]+)</span>', fragment)
    return {status: int(re.sub(r"\D", "", n)) for status, n in found}


def test_parse_item_accepts_deck_slides_and_views_only():
    assert slides.parse_item("objective/1.4") == slides.Slide("objective/1.4", "objective", "1.4")
    assert slides.parse_item("priorities/3").kind == "priorities"
    assert slides.parse_item("view/objectives?pillar=1&priority=shared,mixed").kind == "view"
    for bad in (
        "",
        None,
        3,
        "objective/",
        "objective/x",
        "priorities/4",
        "priorities/0",
        "nope",
        "view/https://evil.example",
        "view/<script>",
        "view/objectives?q=<b>",
        "view/" + "a" * 2000,
    ):
        assert slides.parse_item(bad) is None, bad


def test_view_item_from_any_app_url():
    assert slides.view_item("http://localhost:8501/objectives?pillar=1") == "view/objectives?pillar=1"
    assert slides.view_item("/members?member=x&embed=true") == "view/members?member=x"
    assert slides.view_item("javascript:alert(1)") is None


def test_clamp_index():
    assert slides.clamp_index(None, 24) == (0, True)
    assert slides.clamp_index("24", 24) == (23, True)
    assert slides.clamp_index("25", 24) == (23, False)
    assert slides.clamp_index("0", 24) == (0, False)
    assert slides.clamp_index("abc", 24) == (0, False)


def test_priority_pages_never_split_a_domain_and_use_every_page():
    sizes = [("a", 2), ("b", 3), ("c", 1), ("d", 1), ("e", 5), ("f", 2), ("g", 3)]
    pages = slides.priority_pages(sizes)
    assert len(pages) == slides.PRIORITY_SLIDES
    assert [d for page in pages for d in page] == [d for d, _ in sizes]
    assert all(pages)


def test_default_deck_before_progress(app_db):
    source = parts.Source(SUMMIT, cache)
    codes = cache.query("objectives_list")["code"].tolist()
    items = source.items()
    assert items[:2] == ["title", "glance"] and items[-1] == "closing"
    assert [i.split("/")[1] for i in items if i.startswith("objective/")] == codes
    assert "changes" not in items  # no progress yet
    assert len(items) == 2 + len(codes) + slides.PRIORITY_SLIDES + 1


def test_every_slide_renders_with_its_facts(app_db):
    source = parts.Source(SUMMIT, cache)
    slides = render_all(source)
    assert all('data-state="ok"' in s for s in slides)
    priorities = cache.query("shared_priorities_list")
    shown = "".join(s for s in slides if 'data-kind="priorities"' in s)
    for number, title in zip(priorities["number"], priorities["title"], strict=True):
        assert f"<b>{number}.</b> [NL] {slide_html.escape(title)}" in shown  # English deck: Dutch original, marked
    objectives = cache.query("objectives_list").set_index("code")
    fragment = slide_html.render("objective/1.4", source, "nl")[0]
    assert slide_html.escape(objectives.loc["1.4", "title"]) in fragment
    for name in objectives.loc["1.4", "initiating"].split("; "):
        assert slide_html.escape(name) in fragment
    total = int(objectives.loc["1.4", "total_workstreams"])
    assert counts_on(fragment) == {s: (total if s == "not_assessed" else 0) for s in ALL_STATUSES}
    title = slide_html.render("title", source, "nl")[0]
    assert "Go4Brussels 2030" in title and "11 juni 2026" in title and "17 doelstellingen" in title


def test_status_shown_as_icon_label_and_colour(app_db):
    fragment = slide_html.render("objective/2.1", parts.Source(SUMMIT, cache), "fr")[0]
    for status, look in STATUS_LOOK.items():
        row = re.search(rf'data-status="{status}".*?</div>', fragment).group(0)
        assert look.colour in row and slide_html.escape(look.icon) in row
        assert slide_html.escape(slide_html.translate(f"status.{status}", "fr")) in row


def test_progress_counts_and_sample_marker(app_db):
    sample.generate(updates=300, seed=7)
    source = parts.Source(SUMMIT, cache)
    items = source.items()
    assert "changes" in items and len(items) == 24
    statuses = {
        code: s
        for code, s in zip(*[cache.progress_state().current[c] for c in ("workstream_code", "status")], strict=True)
    }
    codes = cache.query("workstreams_list").query("objective_code == '1.1'")["code"].tolist()
    fragment = slide_html.render("objective/1.1", source, "en")[0]
    expected = {s: sum(1 for c in codes if statuses.get(c, "not_assessed") == s) for s in ALL_STATUSES}
    assert counts_on(fragment) == expected
    marker = slide_html.translate("present.sample_marker", "en")
    for item in items:
        shown = slide_html.render(item, source, "en")[0]
        assert (marker in shown) == (item.startswith("objective/") or item == "changes"), item
    changes = slide_html.render("changes", source, "en")[0]
    previous = parts.previous_summit(list(cache.cycles()["summit_date"]), SUMMIT)
    count = cache.validated_since(previous)  # validated updates only: proposals are never counted as changes
    assert 0 < count < 300 and f'<p class="big">{count}</p>' in changes.replace("\u202f", "")
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", changes, re.S).group(1)
    expected = slide_html.format_date(previous, "en") if previous else "16 January 2020"
    assert expected in heading and slide_html.format_date(SUMMIT, "en") not in heading  # never the deck's own Summit


def test_frozen_deck_does_not_change_when_progress_is_written(app_db):
    content, failed = parts.freeze(SUMMIT, cache)
    assert failed == []
    snapshot_id = playlists.freeze(ADMIN, SUMMIT, content)
    row = store.run("snapshot_by_id", {"snapshot_id": snapshot_id}).iloc[0]
    frozen = parts.Source(SUMMIT, cache, frozen=json.loads(row["content"]), taken_at=row["taken_at"].to_pydatetime())
    before = render_all(frozen)
    assert "Data frozen" in before[0]

    code = cache.query("workstreams_list").query("objective_code == '1.1'")["code"].iloc[0]
    proposal = workflow.Proposal(code, "in_progress", date(2026, 7, 1), "Started.", confidence="green")
    update_id = workflow.propose(ADMIN, proposal, based_on=0)
    in_progress = lambda source: counts_on(slide_html.render("objective/1.1", source, "en")[0])["in_progress"]  # noqa: E731
    assert in_progress(parts.Source(SUMMIT, cache)) == 0  # awaiting validation: on no slide, live or frozen
    workflow.decide(ADMIN, update_id, "validated", date(2026, 6, 11))

    assert render_all(frozen) == before
    assert in_progress(frozen) == 0
    assert in_progress(parts.Source(SUMMIT, cache)) == 1  # validated: official, so live
    assert "changes" in parts.Source(SUMMIT, cache).items() and "changes" not in frozen.items()


def _official_and_proposed() -> tuple[str, str]:
    """Objective 1.1: its first workstream officially in progress with a newer proposal (delivered) awaiting
    validation, its second only proposed (stalled); returns the two codes."""
    first, second = cache.query("workstreams_list").query("objective_code == '1.1'")["code"].tolist()[:2]
    started = workflow.Proposal(first, "in_progress", date(2026, 5, 1), "Started.", confidence="green")
    workflow.decide(ADMIN, workflow.propose(ADMIN, started, based_on=0), "validated", SUMMIT)
    done = workflow.Proposal(first, "delivered", date(2026, 7, 1), "Done.")
    workflow.propose(ADMIN, done, based_on=workflow.version_of(first))
    stalled = workflow.Proposal(second, "stalled", date(2026, 7, 1), "Stuck.", "red", workflow.STALL_REASONS[0])
    workflow.propose(ADMIN, stalled, based_on=0)
    return first, second


def test_a_deck_frozen_with_proposals_holds_them_apart_and_counts_them_nowhere(app_db):
    first, second = _official_and_proposed()
    without, _ = parts.freeze(SUMMIT, cache)
    with_proposals, _ = parts.freeze(SUMMIT, cache, proposals=True)
    assert without["includes_proposals"] is False and "proposals" not in without["progress"]
    assert with_proposals["includes_proposals"] is True
    assert with_proposals["progress"]["proposals"] == {first: "delivered", second: "stalled"}
    official = {key: value for key, value in with_proposals["progress"].items() if key != "proposals"}
    assert official == without["progress"] and official["statuses"] == {first: "in_progress"}  # counts identical

    ids = {playlists.freeze(ADMIN, SUMMIT, content): content for content in (without, with_proposals)}
    listed = store.run("snapshots_list")
    assert dict(zip(listed["snapshot_id"], listed["includes_proposals"], strict=True)) == {
        snapshot_id: content["includes_proposals"] for snapshot_id, content in ids.items()
    }  # the snapshot records that it includes proposals
    plain, marked = (parts.frozen_source(snapshot_id, cache) for snapshot_id in ids)
    assert plain.proposals() == {} and parts.Source(SUMMIT, cache).proposals() == {}  # live: official only
    assert marked.proposals() == {first: "delivered", second: "stalled"}
    for language in ("en", "fr"):
        mark = slide_html.translate("status.proposed_mark", language)
        plain_slide = slide_html.render("objective/1.1", plain, language)[0]
        marked_slide = slide_html.render("objective/1.1", marked, language)[0]
        assert counts_on(marked_slide) == counts_on(plain_slide)  # the official counts, identical
        assert counts_on(marked_slide)["in_progress"] == 1 and counts_on(marked_slide)["delivered"] == 0
        assert mark not in plain_slide
        delivered = slide_html.translate("status.delivered", language)
        assert f"<b>{first}</b> {slide_html.escape(STATUS_LOOK['delivered'].icon)} {delivered} ({mark})" in marked_slide
        assert slide_html.escape(slide_html.translate("present.proposals_marker", language)) in marked_slide
        assert slide_html.escape(slide_html.translate("present.proposals_marker", language)) not in plain_slide
    other = slide_html.render("objective/2.1", marked, "en")[0]  # no proposal there: nothing to say
    assert "awaiting validation" not in other
    title = slide_html.render("title", marked, "en")[0]
    assert (
        "also shows the proposals" in title
        and "also shows the proposals" not in slide_html.render("title", plain, "en")[0]
    )
    changes = slide_html.render("changes", marked, "en")[0]
    assert "2 proposals awaiting validation, not official and not counted here" in changes
    assert "awaiting validation" not in slide_html.render("changes", plain, "en")[0]
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", changes, re.S).group(1)
    assert slide_html.format_date(SUMMIT, "en") not in heading  # the Summit before the deck's, never its own


def _top_line(fragment: str) -> str:
    return re.search(r'<div class="top".*?</div>', fragment).group(0)


def test_the_top_line_takes_a_second_row_rather_than_cutting_a_marker(app_db):
    sample.generate(updates=400, seed=11)  # leaves proposals awaiting validation, as on a Summit morning
    content, _ = parts.freeze(SUMMIT, cache, proposals=True)
    frozen = parts.frozen_source(playlists.freeze(ADMIN, SUMMIT, content), cache)
    with_proposals = next(
        o for o in frozen.part("strategy")["objectives"] if set(o["workstreams"]) & set(frozen.proposals())
    )
    item = f"objective/{with_proposals['code']}"
    for language in LANGUAGES:
        markers = [
            slide_html.escape(slide_html.translate(f"present.{m}_marker", language)) for m in ("sample", "proposals")
        ]
        live = _top_line(slide_html.render(item, parts.Source(SUMMIT, cache), language)[0])
        assert 'data-rows="1"' in live and f'<span class="sample">{markers[0]}</span>' in live  # as it was: one line
        marked = _top_line(slide_html.render(item, frozen, language)[0])
        assert 'data-rows="2"' in marked, language  # Summit + frozen moment, then both markers, each in full
        sample_html = f'<span class="sample">{markers[0]}</span>'
        assert f'<span class="marks">{sample_html}<span class="badge proposed">{markers[1]}</span></span>' in marked
    top_rules = re.findall(r"\.top[^{]*\{[^}]*\}", slide_html.css(slide_html.PRINT))
    assert top_rules and not any("ellipsis" in rule or "hidden" in rule for rule in top_rules)  # nothing cut


def test_the_top_line_rule():
    summit, live, frozen = "S" * 48, "L" * 17, "F" * 42  # the French Summit, 'Données actuelles', a frozen moment
    assert slide_html.top_rows(summit, live, ["M" * 35]) == 1  # 1.4 × 65 + 1.75 × 35 + 4 = 156 u ≤ 167 u
    assert slide_html.top_rows(summit, frozen, []) == 1
    assert slide_html.top_rows(summit, frozen, ["M" * 34]) == 2  # 189 u: the marker gets its own row


def test_frozen_deck_keeps_the_titles_it_was_frozen_with(app_db):
    typed = "Test fixture: typed for this test, not an official translation"
    translations.save(ADMIN, [translations.Entry("objective", "1.1", "fr", "Titre saisi avant le gel", typed)])
    content, _ = parts.freeze(SUMMIT, cache)
    snapshot_id = playlists.freeze(ADMIN, SUMMIT, content)
    frozen = parts.frozen_source(snapshot_id, cache)
    assert "Titre saisi avant le gel" in slide_html.render("objective/1.1", frozen, "fr")[0]

    translations.save(ADMIN, [translations.Entry("objective", "1.1", "fr", "Titre révisé après le gel", typed)])
    assert (
        "Titre saisi avant le gel"
        in slide_html.render("objective/1.1", parts.frozen_source(snapshot_id, cache), "fr")[0]
    )
    assert "Titre révisé après le gel" in slide_html.render("objective/1.1", parts.Source(SUMMIT, cache), "fr")[0]

    older = {name: part for name, part in content.items() if name != "translations"}  # frozen before titles were
    played = slide_html.render("objective/1.1", parts.Source(SUMMIT, cache, frozen=older), "fr")[0]
    assert "Titre révisé après le gel" in played  # so it plays with the titles entered now


def test_a_failing_query_gives_the_fallback_and_the_next_slide_works(app_db, monkeypatch):
    real = cache.query

    def failing(name, **params):
        if name == "shared_priorities_list":
            raise RuntimeError("simulated failure")
        return real(name, **params)

    monkeypatch.setattr(cache, "query", failing)
    source = parts.Source(SUMMIT, cache)
    items = source.items()
    first = items.index("priorities/1")
    html, ok = slide_html.render(items[first], source, "nl")
    assert not ok and slide_html.translate("present.fallback", "nl") in html and "Traceback" not in html
    nxt, ok_next = slide_html.render(items[first + 3], source, "nl")
    assert ok_next and 'data-state="ok"' in nxt


def test_a_broken_slide_never_raises(app_db, monkeypatch):
    monkeypatch.setitem(slide_html.RENDERERS, "glance", lambda ctx, slide: 1 / 0)
    html, ok = slide_html.render("glance", parts.Source(SUMMIT, cache), "en")
    assert not ok and "cannot be shown" in html
    assert slide_html.render("objective/9.9", parts.Source(SUMMIT, cache), "en")[1] is False
    assert slide_html.render("nonsense", parts.Source(SUMMIT, cache), "en")[1] is False


def test_text_from_the_data_is_escaped(app_db):
    content, _ = parts.freeze(SUMMIT, cache)
    content["strategy"]["objectives"][0]["title"] = '<script>alert("x")</script><img src="http://x">'
    frozen = parts.Source(SUMMIT, cache, frozen=content)
    html = slide_html.render(f"objective/{content['strategy']['objectives'][0]['code']}", frozen, "en")[0]
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_key_indicator_shown_when_the_indicators_feature_provides_one(app_db, monkeypatch):
    found = {
        "indicator_id": "x",
        "name": "Werkzaamheidsgraad",
        "unit": "%",
        "latest_year": 2024,
        "latest_value": 61.5,
        "direction": "improving",
    }
    monkeypatch.setattr(cache, "objective_key_indicator", lambda code: found if code == "2.1" else None)
    source = parts.Source(SUMMIT, cache)
    shown = slide_html.render("objective/2.1", source, "en")[0]
    assert "Key indicator" in shown and "Werkzaamheidsgraad" in shown and "61.5" in shown and "2024" in shown
    improving = status_looks.DIRECTION_LOOK["improving"]  # the direction is drawn as icon + label + colour
    assert improving.colour in shown and slide_html.escape(improving.icon) in shown
    assert "Key indicator" not in slide_html.render("objective/1.1", source, "en")[0]
    content, _ = parts.freeze(SUMMIT, cache)
    assert content["indicators"]["by_objective"]["2.1"]["latest_value"] == 61.5  # frozen with the deck


def test_no_indicator_and_no_error_for_an_objective_without_one(app_db, monkeypatch):
    monkeypatch.setattr(cache, "objective_key_indicator", lambda code: None)
    html, ok = slide_html.render("objective/2.1", parts.Source(SUMMIT, cache), "en")
    assert ok and "Key indicator" not in html


def test_handout_document_has_no_external_resource(app_db):
    document = slide_html.document(parts.Source(SUMMIT, cache).items(), parts.Source(SUMMIT, cache), "fr")
    assert not re.search(r"(https?:)?//[a-z]", document.replace("http://www.w3.org", ""))
    assert "@import" not in document and "url(" not in document and "<script" not in document
    assert document.count('<section class="g4b-slide"') == len(parts.Source(SUMMIT, cache).items())


THEMES = {"projector": PROJECTOR, "print": PRINT}


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("role", ["text", "muted", "accent"])
def test_deck_text_contrast_is_aaa_in_both_themes(name, role):
    theme = THEMES[name]
    assert ratio(getattr(theme, role), theme.background) >= 7
    assert ratio(getattr(theme, role), theme.panel) >= 7


@pytest.mark.parametrize("name", THEMES)
def test_the_sample_marker_is_readable_in_both_themes(name):
    theme = THEMES[name]  # background-coloured text on the accent
    assert ratio(theme.background, theme.accent) >= 7


@pytest.mark.parametrize("status", list(STATUS_LOOK))
def test_status_colours_stand_out_on_the_projector_theme(status):
    # non-text contrast (WCAG 1.4.11): at least 3:1 against both backgrounds a status is drawn on
    assert ratio(STATUS_LOOK[status].colour, PROJECTOR.background) >= 3
    assert ratio(STATUS_LOOK[status].colour, PROJECTOR.panel) >= 3


def test_the_print_theme_is_dark_on_white():
    assert luminance(PRINT.background) > 0.9 and luminance(PRINT.text) < 0.05 and luminance(PRINT.panel) > 0.8
    assert luminance(PROJECTOR.background) < 0.05  # on screen: light on black, unchanged


def test_status_signs_stay_readable_on_paper(app_db):
    """Several status colours are too light for white paper (#56B4E9 is 2.3:1): in print the icon takes the text
    colour and the chip, still in the status colour, is outlined in it and carries the status's chart pattern."""
    stylesheet = slide_html.css(PRINT)
    assert not PRINT.status_icons_in_colour and ratio(PRINT.text, PRINT.background) >= 4.5
    assert re.search(rf"\.chip \{{[^}}]*border: [^;]*solid {PRINT.text}", stylesheet)
    fragment = slide_html.render("objective/2.1", parts.Source(SUMMIT, cache), "en")[0]
    for status, look in STATUS_LOOK.items():
        name = slide_html.PATTERN_NAMES[look.pattern]
        row = re.search(rf'data-status="{status}".*?</div>', fragment).group(0)
        assert f'style="--look:{look.colour}" data-pattern="{name}"' in row
        assert name == "solid" or f'.chip[data-pattern="{name}"] {{ background-image:' in stylesheet
    drawn = {(look.icon, slide_html.PATTERN_NAMES[look.pattern]) for look in STATUS_LOOK.values()}
    assert len(drawn) == len(STATUS_LOOK)  # in black and white, no two statuses look alike


def test_icons_and_patterns_differ_between_themes():
    projector, printed = slide_html.css(PROJECTOR), slide_html.css(PRINT)
    icon_in_colour = r"\.icon \{[^}]*color: var\(--look\)"
    assert re.search(icon_in_colour, projector) and "data-pattern" not in projector  # the screen as before
    assert not re.search(icon_in_colour, printed) and "data-pattern" in printed
    assert projector == slide_html.CSS  # what the player puts on screen


def test_contrast_ratio_matches_wcag_reference_values():
    assert ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
