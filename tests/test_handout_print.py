"""The printed handout in real headless Chromium: a light page of the chosen size for every slide, the top line whole.

The PDF is printed by Chromium (monitor.deck.handout); its pages' count and sizes are read from the PDF itself. No PDF
rasteriser is installed here (neither pdftoppm nor pypdfium2), so the images are Chromium's screenshots of the same
print HTML, laid out at the page's size with print media.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image, ImageStat

from monitor import cache
from monitor.core.formats import LANGUAGES
from monitor.deck import handout, parts, playlists, slide_html
from monitor.deck.handout import page_count, page_sizes
from monitor.deck.slide_html import PAGE_FORMATS
from monitor.progress import sample
from monitor.storage.accounts import User
from monitor.ui import print_handout
from tests.test_browser import ARTIFACTS, chromium  # noqa: F401 - the shared browser fixture

pytestmark = pytest.mark.browser
SUMMIT = date(2026, 6, 11)
PRESENTER = User("presenter", "-", "admin", None)
CSS_PIXELS = {"mm": 96 / 25.4, "px": 1.0}
# Where the page's own background shows on every slide: the corners and the middles of the edges, 1 % inside.
BACKGROUND_POINTS = [(x, y) for x in (0.01, 0.5, 0.99) for y in (0.01, 0.99)] + [(0.01, 0.5), (0.99, 0.5)]

TOP_LINE_PROBLEMS = """() => [...document.querySelectorAll('section.g4b-slide')].flatMap((slide, index) => {
  const problems = [], page = slide.getBoundingClientRect(), top = slide.querySelector('.top');
  for (const element of slide.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.height && box.bottom > page.bottom + 0.5) problems.push(`${index}: below the page: ${element.className}`);
  }
  if (!top) return problems;
  const parts = [...top.querySelectorAll('.summit, .marks > span, .state')];
  for (const part of parts) {
    const box = part.getBoundingClientRect(), style = getComputedStyle(part);
    if (part.scrollWidth > part.clientWidth + 1 || box.right > page.right || box.left < page.left)
      problems.push(`${index}: cut: ${part.textContent}`);
    if (part.closest('.marks') && box.height > 1.6 * parseFloat(style.fontSize))
      problems.push(`${index}: a marker on more than one line: ${part.textContent}`);
  }
  const rows = new Set(parts.map(part => Math.round(part.getBoundingClientRect().top / 4))).size;
  if (rows !== Number(top.dataset.rows)) problems.push(`${index}: ${rows} rows, the rule says ${top.dataset.rows}`);
  return problems;
})"""


@pytest.fixture()
def frozen_deck(app_db) -> parts.Source:
    """A deck frozen with sample progress and the proposals it leaves awaiting validation: both markers shown."""
    sample.generate(updates=400, seed=11)
    content, _failed = parts.freeze(SUMMIT, cache, proposals=True)
    return parts.frozen_source(playlists.freeze(PRESENTER, SUMMIT, content), cache)


def _assert_pages(document: bytes, slides: int, page: str) -> None:
    width, height = PAGE_FORMATS[page].points
    sizes = page_sizes(document)
    assert document.startswith(b"%PDF") and page_count(document) == len(sizes) == slides
    assert all(w == pytest.approx(width, abs=0.5) and h == pytest.approx(height, abs=0.5) for w, h in sizes), sizes


@pytest.mark.parametrize("page", list(PAGE_FORMATS))
def test_the_pdf_has_one_page_of_the_chosen_size_per_slide(frozen_deck, page):
    items = frozen_deck.items()
    document = handout.handout(items, frozen_deck, "fr", page)
    _assert_pages(document, len(items), page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"handout-frozen-fr-{page}.pdf").write_bytes(document)


def test_the_command_line_prints_a4_landscape_unless_told_otherwise(app_db, tmp_path):
    slides = len(parts.Source(SUMMIT, cache).items())
    assert print_handout.main(["--out", str(tmp_path / "default.pdf")]) == 0
    _assert_pages((tmp_path / "default.pdf").read_bytes(), slides, "a4")
    assert print_handout.main(["--page", "16x9", "--lang", "en", "--out", str(tmp_path / "wide.pdf")]) == 0
    _assert_pages((tmp_path / "wide.pdf").read_bytes(), slides, "16x9")
    assert PAGE_FORMATS["a4"].points == pytest.approx((841.89, 595.28), abs=0.01)  # A4 is 297 × 210 mm
    assert PAGE_FORMATS["16x9"].points[0] / PAGE_FORMATS["16x9"].points[1] == pytest.approx(16 / 9)


@pytest.mark.parametrize("page", list(PAGE_FORMATS))
def test_printed_pages_are_light_and_their_top_line_whole(chromium, frozen_deck, page):  # noqa: F811 - fixture
    fmt, items = PAGE_FORMATS[page], frozen_deck.items()
    scale = CSS_PIXELS[fmt.unit]
    viewport = {"width": round(fmt.width * scale), "height": round(fmt.height * scale)}
    for language in LANGUAGES:
        html = slide_html.document(items, frozen_deck, language, page)
        tab = chromium.new_page(viewport=viewport)
        tab.set_content(html)
        tab.emulate_media(media="print")
        slides = tab.locator("section.g4b-slide")
        assert slides.count() == len(items)
        assert tab.evaluate(TOP_LINE_PROBLEMS) == []
        summit = slide_html.translate("present.top", language, date=slide_html.format_date(SUMMIT, language))
        assert set(tab.locator(".top .summit").all_inner_texts()) == {summit}  # the Summit in full, every slide
        for marker, selector in (("sample", ".top .sample"), ("proposals", ".top .badge.proposed")):
            shown = tab.locator(selector).all_inner_texts()
            assert shown and set(shown) == {slide_html.translate(f"present.{marker}_marker", language)}
        if language == "nl":
            _assert_light(slides, len(items), page)
        tab.close()


def _assert_light(slides, count: int, page: str) -> None:
    """Every page's background is light where it shows (and the page as a whole mostly light)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for index in range(count):
        image = Image.open(io.BytesIO(slides.nth(index).screenshot())).convert("L")  # as a black-and-white printer
        if index in (0, 2):
            image.save(ARTIFACTS / f"handout-{page}-slide-{index + 1}.png")
        width, height = image.size
        dark = [
            (x, y) for x, y in BACKGROUND_POINTS if image.getpixel((int(x * (width - 1)), int(y * (height - 1)))) < 230
        ]
        assert dark == [], f"slide {index + 1}: dark background at {dark}"
        assert ImageStat.Stat(image).mean[0] > 200, f"slide {index + 1} is mostly dark"
