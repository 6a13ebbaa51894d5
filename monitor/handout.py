"""The deck as a PDF handout, one slide per page, printed by headless Chromium from self-contained HTML.

python -m monitor.handout [--summit YYYY-MM-DD] [--snapshot ID] [--playlist ID] [--lang nl|fr|en] --out deck.pdf
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from monitor import deck_data, slide_html
from monitor.i18n import LANGUAGES

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


def handout(items: list[str], source: deck_data.Source, language: str) -> bytes:
    return pdf(slide_html.document(items, source, language))


def _frozen(snapshot_id: int) -> deck_data.Source:
    source = deck_data.frozen_source(snapshot_id)
    if source is None:
        raise SystemExit(f"no snapshot {snapshot_id}")
    return source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.handout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--summit", type=date.fromisoformat, default=date(2026, 6, 11))
    parser.add_argument("--snapshot", type=int)
    parser.add_argument("--playlist", type=int)
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    source = _frozen(args.snapshot) if args.snapshot else deck_data.Source(args.summit)
    items = source.items()
    if args.playlist:
        from monitor import playlists

        found = playlists.get(args.playlist)
        if found is None:
            print(f"no playlist {args.playlist}", file=sys.stderr)
            return 1
        items = list(found.items)
    try:
        args.out.write_bytes(handout(items, source, args.lang))
    except HandoutFailed as error:
        print(f"the handout could not be printed: {error}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(items)} slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
