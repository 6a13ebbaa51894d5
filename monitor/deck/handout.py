"""The deck as a PDF handout, one slide per page, printed by headless Chromium from self-contained HTML.

From the command line: `python -m monitor.ui.print_handout` (see there).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from monitor.deck import parts, slide_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


class HandoutFailed(Exception):
    """Chromium could not print the deck (missing, timed out, or no PDF written)."""


def pdf(html: str, timeout: float = 90) -> bytes:
    """Print an HTML document to PDF with headless Chromium (offline: the document fetches nothing)."""
    with tempfile.TemporaryDirectory() as work:
        source, target = Path(work) / "deck.html", Path(work) / "deck.pdf"
        source.write_text(html, encoding="utf-8")
        command = [
            CHROMIUM,
            *CHROMIUM_ARGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise HandoutFailed(str(error)) from error
        if not target.is_file() or target.stat().st_size == 0:
            raise HandoutFailed("no PDF written")
        return target.read_bytes()


def page_count(document: bytes) -> int:
    """The number of pages of a PDF as Chromium writes it (one /Type /Page object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", document))


def page_sizes(document: bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points, from the MediaBox Chromium writes on every page."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", document)
    return [(float(right) - float(left), float(top) - float(bottom)) for left, bottom, right, top in boxes]


def handout(items: list[str], source: parts.Source, language: str, page: str = slide_html.DEFAULT_PAGE) -> bytes:
    """The deck printed in the print theme, one slide per page of the format `page` (slide_html.PAGE_FORMATS):
    the page size is the print engine's own (CSS @page), the slides laid out at that size, never scaled."""
    return pdf(slide_html.document(items, source, language, page))
