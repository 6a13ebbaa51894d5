"""A deck slide as self-contained HTML and CSS: no fonts, icons, scripts or images from anywhere.

Pure (no Streamlit): the player puts the fragment on the page, the handout prints the whole deck with
headless Chromium. Every text from the data is escaped. Sizes are multiples of --u (1/100 of the slide
height), so a slide keeps its layout on any projector resolution.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from monitor.core.formats import format_date, format_number
from monitor.deck import slides
from monitor.deck.parts import SlideUnavailable, Source
from monitor.explore import looks as status_looks
from monitor.explore.looks import PRINT, PROJECTOR, STATUS_LOOK, DeckTheme, proposed_status_text
from monitor.i18n import catalogue, translate, translations
from monitor.progress.workflow import ALL_STATUSES, STRATEGY_SIGNED

log = logging.getLogger(__name__)
FONTS = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif'  # installed locally, never fetched

# The chart patterns of monitor.explore.looks (plotly shapes) by name, for the chips of the print theme.
PATTERN_NAMES = {"": "solid", ".": "dots", "/": "rising", "\\": "falling", "x": "crossed", "-": "lines"}


def _patterns(theme: DeckTheme) -> str:
    """A status chip's pattern drawn over its colour in the text colour, as the charts draw it (no image files)."""
    stripe = f"{theme.text} 0 calc(0.25 * var(--u)), transparent calc(0.25 * var(--u)) calc(0.9 * var(--u))"
    rising, falling = f"repeating-linear-gradient(135deg, {stripe})", f"repeating-linear-gradient(45deg, {stripe})"
    images = {
        "dots": f"radial-gradient(circle, {theme.text} 0 32%, transparent 38%)",
        "rising": rising,
        "falling": falling,
        "crossed": f"{rising}, {falling}",
        "lines": f"repeating-linear-gradient(0deg, {stripe})",
    }
    rules = [
        f'.g4b-slide .chip[data-pattern="{name}"] {{ background-image: {image}; }}' for name, image in images.items()
    ]
    dot_grid = '.g4b-slide .chip[data-pattern="dots"] { background-size: calc(0.9 * var(--u)) calc(0.9 * var(--u)); }'
    return "\n".join([*rules, dot_grid]) + "\n"


def css(theme: DeckTheme) -> str:
    """The slides' stylesheet in a theme: PROJECTOR on screen, PRINT in the handout."""
    patterns = _patterns(theme) if theme.status_patterns else ""
    return f"""
.g4b-slide {{
  --u: calc((100vh - 5.5rem) / 100);
  box-sizing: border-box; width: 100%; height: calc(100 * var(--u)); overflow: hidden;
  display: flex; flex-direction: column; gap: calc(2 * var(--u));
  padding: calc(3.5 * var(--u)) calc(5 * var(--u)) calc(2.5 * var(--u));
  background: {theme.background}; color: {theme.text}; font-family: {FONTS};
  font-size: calc(3.4 * var(--u)); line-height: 1.25;
}}
.g4b-slide * {{ box-sizing: border-box; }}
.g4b-slide .top {{ display: flex; flex-wrap: wrap; justify-content: space-between; gap: calc(2 * var(--u));
  row-gap: calc(0.8 * var(--u)); font-size: calc(2.4 * var(--u)); color: {theme.muted};
  border-bottom: calc(0.4 * var(--u)) solid {theme.accent}; padding-bottom: calc(1 * var(--u)); }}
.g4b-slide .top .marks {{ display: flex; flex-wrap: wrap; gap: calc(2 * var(--u)); row-gap: calc(0.8 * var(--u)); }}
.g4b-slide .top .marks span {{ white-space: nowrap; }}
.g4b-slide .top[data-rows="2"] .marks {{ order: 1; flex-basis: 100%; }}
.g4b-slide:has(> .top[data-rows="2"]) {{ gap: calc(1 * var(--u)); padding-top: calc(2.5 * var(--u)); }}
.g4b-slide h1 {{ font-size: calc(7 * var(--u)); line-height: 1.1; margin: 0; color: {theme.text};
  font-family: {FONTS}; font-weight: 700; padding: 0; }}
.g4b-slide h2 {{ font-size: calc(5 * var(--u)); line-height: 1.15; margin: 0; color: {theme.text};
  font-family: {FONTS}; font-weight: 700; padding: 0; }}
.g4b-slide h3 {{ font-size: calc(3.4 * var(--u)); margin: 0 0 calc(1 * var(--u)); color: {theme.accent};
  font-family: {FONTS}; font-weight: 700; padding: 0; }}
.g4b-slide p {{ margin: 0; font-size: inherit; color: inherit; }}
.g4b-slide .kicker {{ color: {theme.accent}; font-size: calc(3 * var(--u)); font-weight: 700; }}
.g4b-slide .muted {{ color: {theme.muted}; }}
.g4b-slide .body {{ flex: 1; min-height: 0; display: flex; gap: calc(4 * var(--u)); }}
.g4b-slide .col {{ flex: 1; min-width: 0; display: flex; flex-direction: column; gap: calc(1.5 * var(--u)); }}
.g4b-slide .panel {{ background: {theme.panel}; border-radius: calc(1 * var(--u));
  padding: calc(1.5 * var(--u)) calc(2 * var(--u)); }}
.g4b-slide ul {{ margin: 0; padding-left: calc(3 * var(--u)); font-size: calc(3.4 * var(--u)); }}
.g4b-slide li {{ margin: 0 0 calc(0.6 * var(--u)); font-size: inherit; color: inherit; }}
.g4b-slide ul.plain {{ list-style: none; padding-left: 0; }}
.g4b-slide .narrow {{ flex: 0.7; }}
.g4b-slide .kind {{ display: flex; align-items: center; gap: calc(2 * var(--u)); }}
.g4b-slide .kind .big {{ min-width: calc(7 * var(--u)); text-align: right; }}
.g4b-slide .small {{ font-size: calc(2.6 * var(--u)); }}
.g4b-slide .badge {{ display: inline-block; border: calc(0.3 * var(--u)) solid {theme.text};
  border-radius: calc(0.8 * var(--u)); padding: 0 calc(1 * var(--u)); font-weight: 700; }}
.g4b-slide .sample {{ display: inline-block; background: {theme.accent}; color: {theme.background};
  font-weight: 700; padding: 0 calc(1 * var(--u)); border-radius: calc(0.5 * var(--u)); }}
.g4b-slide .status {{ display: grid; grid-template-columns: calc(3 * var(--u)) calc(3.5 * var(--u)) 1fr auto;
  align-items: center; gap: calc(1.2 * var(--u)); font-size: calc(3 * var(--u));
  padding: calc(0.3 * var(--u)) 0; }}
.g4b-slide .chip {{ width: calc(3 * var(--u)); height: calc(3 * var(--u)); border-radius: calc(0.5 * var(--u));
  border: calc(0.2 * var(--u)) solid {theme.text}; background-color: var(--look); }}
.g4b-slide .icon {{ text-align: center; font-weight: 700;
  color: {"var(--look)" if theme.status_icons_in_colour else theme.text}; }}
.g4b-slide .count {{ font-weight: 700; text-align: right; min-width: calc(5 * var(--u)); }}
.g4b-slide .zero {{ opacity: 0.75; }}
.g4b-slide .proposed {{ border-style: dashed; }}
.g4b-slide .proposals {{ border: calc(0.2 * var(--u)) dashed {theme.muted}; }}
.g4b-slide .proposals h3, .g4b-slide .proposals ul {{ font-size: calc(2.4 * var(--u));
  margin-bottom: calc(0.5 * var(--u)); }}
.g4b-slide .line {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.g4b-slide .big {{ font-size: calc(9 * var(--u)); font-weight: 700; line-height: 1; color: {theme.accent}; }}
.g4b-slide .centre {{ flex: 1; display: flex; flex-direction: column; justify-content: center;
  gap: calc(3 * var(--u)); }}
.g4b-slide .fallback {{ flex: 1; display: flex; align-items: center; justify-content: center;
  font-size: calc(5 * var(--u)); color: {theme.muted}; text-align: center; }}
.g4b-slide .clamp2 {{ display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
  overflow: hidden; }}
.g4b-slide .clamp3 {{ display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical;
  overflow: hidden; }}
{patterns}"""


CSS = css(PROJECTOR)  # the player's stylesheet


def _e(value: object) -> str:
    return escape(str(value), quote=True)


class Context:
    """What every slide needs besides its data: the language, the source, the slide counter."""

    def __init__(self, source: Source, language: str):
        self.source = source
        self.language = language
        self._titles: dict[tuple[str, str, str], str] | None = None  # read once per deck

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.language, **values)

    def day(self, value: date | str | None) -> str:
        if value is None:
            return "—"
        return format_date(date.fromisoformat(value) if isinstance(value, str) else value, self.language)

    def number(self, value: float) -> str:
        return format_number(value, self.language)

    def content(self, kind: str, code: object, dutch: object) -> str:
        """A title in the slide's language when the secretariat entered one (as the deck was frozen, or live),
        else the Dutch original ([NL] outside Dutch), as on the pages (monitor.cache.content_title)."""
        if self._titles is None:
            try:
                self._titles = self.source.titles()
            except SlideUnavailable:  # no store to read (e.g. a handout made elsewhere): the originals, marked
                self._titles = {}
        return translations.choose_title(self._titles, kind, code, dutch, self.language)[0]

    def moment(self, value: datetime) -> str:
        return f"{self.day(value.date())} {value:%H:%M}"


# The top line's rule. One line of a 16:9 slide holds ~167 u (177.8 u less the padding); measured in DejaVu Sans at
# the top line's size, text takes ~1.3 u a character and the markers (bold capitals in a box) ~1.7 u: the estimates
# below round up, so a line judged to fit does fit.
TOP_LINE_U = 167
TEXT_U_PER_CHARACTER = 1.4
MARKER_U_PER_CHARACTER = 1.75
TOP_GAP_U = 2


def top_rows(summit: str, state: str, markers: list[str]) -> int:
    """1 when the Summit, the markers and the data's state fit on one line, else 2: the Summit and the state on the
    first line, the markers on a line of their own. Nothing is shortened: a marker is always written in full."""
    width = TEXT_U_PER_CHARACTER * (len(summit) + len(state)) + MARKER_U_PER_CHARACTER * sum(map(len, markers))
    width += TOP_GAP_U * (len(markers) + 1)
    return 1 if width <= TOP_LINE_U else 2


def _top(ctx: Context, sample: bool = False, proposals: bool = False) -> str:
    """The top line: the Summit, the sample marker while sample rows exist, the proposals marker on a slide that
    shows proposals awaiting validation, and whether the data is live or frozen.

    Never cut (see top_rows): too long for one line, it takes two; and should the estimate ever be short, the line
    wraps (CSS) rather than hiding anything.
    """
    summit = ctx.t("present.top", date=ctx.day(ctx.source.summit))
    if ctx.source.taken_at is not None:
        state = ctx.t("present.frozen_at", moment=ctx.moment(ctx.source.taken_at))
    else:
        state = ctx.t("present.live")
    markers = [ctx.t("present.sample_marker")] if sample else []
    markers_html = f'<span class="sample">{_e(markers[0])}</span>' if sample else ""
    if proposals:
        markers.append(ctx.t("present.proposals_marker"))
        markers_html += f'<span class="badge proposed">{_e(markers[-1])}</span>'
    marks = f'<span class="marks">{markers_html}</span>' if markers else ""
    rows = top_rows(summit, state, markers)
    summit_html, state_html = f'<span class="summit">{_e(summit)}</span>', f'<span class="state">{_e(state)}</span>'
    return f'<div class="top" data-rows="{rows}">{summit_html}{marks}{state_html}</div>'


def _centred(ctx: Context, *parts: str) -> str:
    """A slide whose content (HTML parts) stands centred under the top line: the title and closing slides."""
    return _top(ctx) + '<div class="centre">' + "".join(parts) + "</div>"


def _headed(
    ctx: Context,
    heading: str,
    body: str,
    kicker: str = "",
    sample: bool = False,
    heading_class: str = "",
    proposals: bool = False,
) -> str:
    """A slide with the top line, an optional kicker, its heading (plain text, escaped here) and its body (HTML)."""
    kicker_html = f'<p class="kicker">{_e(kicker)}</p>' if kicker else ""
    attribute = f' class="{heading_class}"' if heading_class else ""
    return _top(ctx, sample, proposals) + kicker_html + f"<h2{attribute}>{_e(heading)}</h2>" + body


def _sample(ctx: Context) -> bool:
    return bool(ctx.source.part("progress").get("sample_rows"))


def _status_rows(ctx: Context, counts: dict[str, int]) -> str:
    rows = []
    for status in ALL_STATUSES:
        look = STATUS_LOOK[status]
        n = counts.get(status, 0)
        rows.append(
            f'<div class="status{" zero" if not n else ""}" data-status="{status}">'
            f'<span class="chip" style="--look:{look.colour}" data-pattern="{PATTERN_NAMES[look.pattern]}"></span>'
            f'<span class="icon" style="--look:{look.colour}">{_e(look.icon)}</span>'
            f'<span class="line">{_e(ctx.t(f"status.{status}"))}</span>'
            f'<span class="count">{_e(ctx.number(n))}</span></div>'
        )
    return "".join(rows)


PROPOSALS_LISTED = 2  # proposals named on an objective slide (beside its official counts); the rest are counted


def _proposed(ctx: Context, status: str) -> str:
    """A proposed status as the pages write it (monitor.ui.proposals): icon, label, 'proposed — awaiting validation'."""
    return proposed_status_text(status, ctx.t(f"status.{status}"), ctx.t("status.proposed_mark"))


def _proposals_of(ctx: Context, codes: list[str]) -> str:
    """The proposals awaiting validation among `codes`, marked and apart from the official counts ('' when the deck
    was not frozen with proposals, or none concerns these workstreams)."""
    proposals = ctx.source.proposals()
    found = [(code, proposals[code]) for code in codes if code in proposals]
    if not found:
        return ""
    items = "".join(
        f'<li data-proposed="{_e(status)}"><b>{_e(code)}</b> {_e(_proposed(ctx, status))}</li>'
        for code, status in found[:PROPOSALS_LISTED]
    )
    if len(found) > PROPOSALS_LISTED:
        items += f'<li class="muted">{_e(ctx.t("present.more_proposals", count=len(found) - PROPOSALS_LISTED))}</li>'
    return (
        f'<div class="panel proposals"><h3 class="small">{_e(ctx.t("present.proposals", count=len(found)))}</h3>'
        f'<ul class="small plain">{items}</ul></div>'
    )


def _title(ctx: Context, slide: slides.Slide) -> str:
    strategy = ctx.source.part("strategy")
    pillars, objectives = len(strategy["pillars"]), len(strategy["objectives"])
    workstreams = sum(len(o["workstreams"]) for o in strategy["objectives"])
    return _centred(
        ctx,
        f'<p class="kicker">{_e(ctx.t("present.social_summit"))}</p>',
        "<h1>Go4Brussels 2030</h1>",
        f'<h2 class="muted">{_e(ctx.day(ctx.source.summit))}</h2>',
        f"<p>{_e(ctx.t('present.title_counts', pillars=pillars, objectives=objectives, workstreams=workstreams))}</p>",
        f'<p class="muted small">{_e(ctx.t("present.title_note"))}</p>',
        f'<p class="small"><span class="badge proposed">{_e(ctx.t("present.title_proposals"))}</span></p>'
        if ctx.source.proposals()
        else "",
        f'<p class="muted small">{_e(ctx.t("languages.original_note", mark="[NL]"))}</p>'
        if ctx.language != "nl"
        else "",
    )


def _short(ctx: Context, kind: str) -> str:
    """The one- or three-letter mark of a priority type (shared, consulted, mixed)."""
    return ctx.t(f"present.short.{kind}")


def _counts(pillar: dict) -> dict[str, int]:
    return {"objectives": pillar["objectives"], "workstreams": pillar["workstreams"]}


def _glance(ctx: Context, slide: slides.Slide) -> str:
    strategy = ctx.source.part("strategy")
    columns = []
    for pillar in strategy["pillars"]:
        items = "".join(
            f'<li class="line"><b>{_e(o["code"])}</b> '
            f'<span class="badge">{_e(_short(ctx, o["priority_type"]))}</span> '
            f"{_e(ctx.content('objective', o['code'], o['title']))}</li>"
            for o in strategy["objectives"]
            if o["pillar"] == pillar["pillar"]
        )
        columns.append(
            '<div class="col panel">'
            f"<h3>{_e(ctx.t('present.pillar', pillar=pillar['pillar']))}</h3>"
            f'<p class="small clamp2">{_e(pillar["title"])}</p>'
            f'<p class="small muted">{_e(ctx.t("present.pillar_counts", **_counts(pillar)))}</p>'
            f'<ul class="small plain">{items}</ul></div>'
        )
    kinds = {kind: 0 for kind in ("shared", "consulted", "mixed")}
    for objective in strategy["objectives"]:
        kinds[objective["priority_type"]] = kinds.get(objective["priority_type"], 0) + 1
    totals = "".join(
        f'<div class="kind"><span class="big">{_e(ctx.number(n))}</span>'
        f'<span><span class="badge">{_e(_short(ctx, kind))}</span> '
        f"{_e(ctx.t(f'priority.{kind}'))}</span></div>"
        for kind, n in kinds.items()
    )
    return _headed(
        ctx,
        ctx.t("present.glance"),
        f'<div class="body">{"".join(columns)}<div class="col narrow"><h3>{_e(ctx.t("present.priority_types"))}</h3>'
        f'{totals}<p class="small muted">{_e(ctx.t("present.priority_types_note"))}</p></div></div>',
    )


def _objective(ctx: Context, slide: slides.Slide) -> str:
    strategy = ctx.source.part("strategy")
    found = [o for o in strategy["objectives"] if o["code"] == slide.arg]
    if not found:
        raise SlideUnavailable(slide.item)
    objective = found[0]
    progress = ctx.source.part("progress")
    counts = slides.status_counts(objective["workstreams"], progress["statuses"], ALL_STATUSES)
    indicator = ctx.source.part("indicators")["by_objective"].get(objective["code"]) if _has_indicators(ctx) else None
    inferred = set(objective.get("initiating_inferred", []))  # absent from decks frozen before it was kept
    mark = f" <em>({_e(ctx.t('match.inferred').lower())})</em>"
    initiating = (
        "".join(f"<li>{_e(name)}{mark if name in inferred else ''}</li>" for name in objective["initiating"])
        or "<li>—</li>"
    )
    proposed = _proposals_of(ctx, objective["workstreams"])  # beside the official counts, on the left
    left = (
        f'<div class="col"><p><span class="badge">{_e(ctx.t("priority." + objective["priority_type"]))}</span></p>'
        f'<h3>{_e(ctx.t("present.initiating"))}</h3><ul class="small">{initiating}</ul>'
        f"{_indicator(ctx, indicator)}{proposed}</div>"
    )
    right = (
        f'<div class="col panel"><h3>{_e(ctx.t("present.workstream_status", count=len(objective["workstreams"])))}</h3>'
        f"{_status_rows(ctx, counts)}</div>"
    )
    return _headed(
        ctx,
        ctx.content("objective", objective["code"], objective["title"]),
        f'<div class="body">{left}{right}</div>',
        kicker=ctx.t("present.objective", code=objective["code"], pillar=objective["pillar"]),
        sample=_sample(ctx),
        heading_class="clamp3",
        proposals=bool(proposed),
    )


def _has_indicators(ctx: Context) -> bool:
    try:
        ctx.source.part("indicators")
    except SlideUnavailable:
        return False  # an indicator is extra: the objective slide stands without it
    return True


def _indicator(ctx: Context, indicator: dict | None) -> str:
    """The key indicator box: name, latest value with unit and year, and its direction (icon + label + colour)."""
    if not indicator:
        return ""
    value = indicator.get("latest_value", indicator.get("value"))
    year = indicator.get("latest_year", indicator.get("year"))
    shown = ctx.number(value) if isinstance(value, (int, float)) else "—"
    return (
        f'<div class="panel"><h3>{_e(ctx.t("present.key_indicator"))}</h3>'
        f'<p class="small clamp2">{_e(indicator.get("name") or "")}</p>'
        f'<p><b>{_e(shown)}</b> {_e(indicator.get("unit") or "")} <span class="muted">{_e(year or "")}</span>'
        f"{_trend(ctx, indicator.get('direction'))}</p></div>"
    )


def _trend(ctx: Context, state: object) -> str:
    """The indicator's direction as the indicators feature draws it (monitor.explore.looks.DIRECTION_LOOK), if known."""
    look = getattr(status_looks, "DIRECTION_LOOK", {}).get(str(state))
    key = f"direction.{state}"
    if look is None or key not in catalogue():
        return ""
    return f' · <span class="icon" style="--look:{look.colour}">{_e(look.icon)}</span> <span>{_e(ctx.t(key))}</span>'


def _priorities(ctx: Context, slide: slides.Slide) -> str:
    found = ctx.source.part("priorities")["priorities"]
    sizes: dict[str, int] = {}
    for priority in found:
        sizes[priority["domain_id"]] = sizes.get(priority["domain_id"], 0) + 1
    pages = slides.priority_pages(list(sizes.items()))
    domains = pages[int(slide.arg) - 1]
    if not domains:
        raise SlideUnavailable(slide.item)
    blocks = []
    for domain in domains:
        rows = [p for p in found if p["domain_id"] == domain]
        items = "".join(
            f"<li><b>{p['number']}.</b> {_e(ctx.content('priority', p['number'], p['title']))}</li>" for p in rows
        )
        heading = _e(ctx.content("domain", domain, rows[0]["domain"]))
        blocks.append(f'<div class="panel"><h3>{heading}</h3><ul class="plain">{items}</ul></div>')
    return _headed(
        ctx,
        ctx.t("present.priorities", count=len(found)),
        f'<div class="col">{"".join(blocks)}</div>',
        kicker=ctx.t("present.priorities_page", page=slide.arg, pages=len(pages)),
    )


def _changes(ctx: Context, slide: slides.Slide) -> str:
    progress = ctx.source.part("progress")
    if not progress["statuses"]:
        raise SlideUnavailable(slide.item)
    moves = sorted(progress["transitions"], key=lambda m: -m["workstreams"])
    all_codes = [code for o in ctx.source.part("strategy")["objectives"] for code in o["workstreams"]]
    waiting = sum(1 for code in all_codes if code in ctx.source.proposals())
    shown = moves[: 6 if waiting else 7]  # a line fewer when the proposals' line needs the room
    rows = "".join(
        '<div class="status">'
        f'<span class="icon" style="--look:{STATUS_LOOK[m["from"]].colour}">{_e(STATUS_LOOK[m["from"]].icon)}</span>'
        f'<span class="icon" style="--look:{STATUS_LOOK[m["to"]].colour}">{_e(STATUS_LOOK[m["to"]].icon)}</span>'
        f'<span class="line">{_e(ctx.t("status." + m["from"]))} → {_e(ctx.t("status." + m["to"]))}</span>'
        f'<span class="count">{_e(ctx.number(m["workstreams"]))}</span></div>'
        for m in shown
    )
    if len(moves) > len(shown):
        rows += f'<p class="small muted">{_e(ctx.t("present.more_moves", count=len(moves) - len(shown)))}</p>'
    if not moves:
        rows = f"<p>{_e(ctx.t('present.no_moves'))}</p>"
    counts = slides.status_counts(all_codes, progress["statuses"], ALL_STATUSES)
    if waiting:  # beside the official counts, never in them
        rows += f'<p class="small panel proposals">{_e(ctx.t("present.proposals_waiting", count=waiting))}</p>'
    return _headed(
        ctx,
        ctx.t("present.changes", since=ctx.day(progress["last_summit"]))
        if progress["last_summit"]
        else ctx.t("present.changes_since_signing", since=ctx.day(STRATEGY_SIGNED)),
        f'<div class="body"><div class="col"><p class="big">{_e(ctx.number(progress["changes"]))}</p>'
        f"<p>{_e(ctx.t('present.updates_since'))}</p><h3>{_e(ctx.t('present.moves'))}</h3>{rows}</div>"
        f'<div class="col panel"><h3>{_e(ctx.t("present.now"))}</h3>{_status_rows(ctx, counts)}</div></div>',
        sample=_sample(ctx),
        proposals=bool(waiting),
    )


def _closing(ctx: Context, slide: slides.Slide) -> str:
    return _centred(
        ctx,
        f"<h1>{_e(ctx.t('present.thanks'))}</h1>",
        f'<p class="kicker">Go4Brussels 2030 · {_e(ctx.day(ctx.source.summit))}</p>',
        f'<p class="muted">{_e(ctx.t("present.closing_note"))}</p>',
    )


def _view(ctx: Context, slide: slides.Slide) -> str:
    """A saved view in the printed handout (the player shows the page itself)."""
    return _centred(
        ctx,
        f"<h2>{_e(ctx.t('present.view'))}</h2>",
        f'<p class="line">/{_e(slide.arg)}</p>',
        f'<p class="muted small">{_e(ctx.t("present.view_note"))}</p>',
    )


RENDERERS: dict[str, Callable[[Context, slides.Slide], str]] = {
    "title": _title,
    "glance": _glance,
    "objective": _objective,
    "priorities": _priorities,
    "changes": _changes,
    "closing": _closing,
    "view": _view,
}


def fallback(ctx: Context) -> str:
    return f'<div class="fallback">{_e(ctx.t("present.fallback"))}</div>'


def render(item: str, source: Source, language: str) -> tuple[str, bool]:
    """The slide `item` as an HTML fragment, and whether it rendered (False: the neutral fallback instead).

    Never raises: whatever fails (an unknown item, a part of the data that cannot be read, a bug) gives the
    fallback, so the deck goes on.
    """
    ctx = Context(source, language)
    slide = slides.parse_item(item)
    try:
        if slide is None:
            raise SlideUnavailable(str(item))
        inner, ok = RENDERERS[slide.kind](ctx, slide), True
    except Exception as error:
        log.warning("slide %r shows the fallback: %r", item, error)
        try:
            inner = _top(ctx) + fallback(ctx)
        except Exception:
            inner = fallback(ctx)
        ok = False
    kind = slide.kind if slide else "unknown"
    state = "ok" if ok else "fallback"
    return (
        f'<section class="g4b-slide" data-slide="{_e(item)}" data-kind="{kind}" data-state="{state}">{inner}</section>',
        ok,
    )


def fallback_slide(language: str) -> str:
    """A whole slide with only the neutral message (when not even the deck's data source can be made)."""
    message = _e(translate("present.fallback", language))
    return (
        '<section class="g4b-slide" data-slide="" data-kind="unknown" data-state="fallback">'
        f'<div class="fallback">{message}</div></section>'
    )


@dataclass(frozen=True)
class PageFormat:
    """A handout page, as the print engine names its size (CSS @page), and its size in `unit`."""

    page_size: str
    width: float
    height: float
    unit: str  # "mm" or "px" (CSS pixels, 1/96 inch)

    @property
    def points(self) -> tuple[float, float]:
        """The page's width and height in PDF points (1/72 inch), as the PDF's MediaBox gives them."""
        per_unit = {"mm": 72 / 25.4, "px": 72 / 96}[self.unit]
        return self.width * per_unit, self.height * per_unit

    @property
    def slide_unit(self) -> str:
        """--u, 1/100 of a 16:9 slide's height: the largest 16:9 slide that fits the page. On a narrower page
        (A4 is 1.41:1) the slide keeps its 16:9 layout across and gains room below (its body grows)."""
        return f"{min(self.height / 100, self.width / (100 * 16 / 9)):.4f}{self.unit}"


PAGE_FORMATS = {
    "a4": PageFormat("A4 landscape", 297, 210, "mm"),  # for printing on paper
    "16x9": PageFormat("1920px 1080px", 1920, 1080, "px"),  # the projector's shape
}
DEFAULT_PAGE = "a4"


def _print_css(page: PageFormat) -> str:
    """One slide per page, at the page's size, in the print theme (backgrounds and status colours printed)."""
    return f"""
@page {{ size: {page.page_size}; margin: 0; }}
html, body {{ margin: 0; padding: 0; background: {PRINT.background};
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.g4b-slide {{ --u: {page.slide_unit}; width: {page.width}{page.unit}; height: {page.height}{page.unit};
  break-after: page; page-break-after: always; }}
.g4b-slide:last-child {{ break-after: auto; page-break-after: auto; }}
"""


def document(items: list[str], source: Source, language: str, page: str = DEFAULT_PAGE) -> str:
    """The whole deck as one HTML document for the PDF handout: one slide per page of the format `page` (a key of
    PAGE_FORMATS), in the print theme."""
    slides = "".join(render(item, source, language)[0] for item in items)
    return (
        f'<!doctype html><html lang="{_e(language)}"><head><meta charset="utf-8">'
        f"<title>Go4Brussels 2030</title><style>{css(PRINT)}{_print_css(PAGE_FORMATS[page])}</style></head>"
        f"<body>{slides}</body></html>"
    )
