"""The Summit deck as a PDF handout, from the command line (live data read as the app reads it, or a frozen deck):

python -m monitor.ui.print_handout [--summit YYYY-MM-DD] [--snapshot ID] [--playlist ID] [--lang nl|fr|en]
    [--page a4|16x9] --out deck.pdf

--page: the page format, A4 landscape for printing on paper (the default) or 16:9, the projector's shape.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from monitor import cache
from monitor.core.formats import LANGUAGES
from monitor.deck import handout, parts, playlists, slide_html


def _frozen(snapshot_id: int) -> parts.Source:
    source = parts.frozen_source(snapshot_id, cache)
    if source is None:
        raise SystemExit(f"no snapshot {snapshot_id}")
    return source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.ui.print_handout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--summit", type=date.fromisoformat, default=date(2026, 6, 11))
    parser.add_argument("--snapshot", type=int)
    parser.add_argument("--playlist", type=int)
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    parser.add_argument(
        "--page",
        choices=list(slide_html.PAGE_FORMATS),
        default=slide_html.DEFAULT_PAGE,
        help="a4: A4 landscape, for paper (default); 16x9: the projector's shape",
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    source = _frozen(args.snapshot) if args.snapshot else parts.Source(args.summit, cache)
    items = source.items()
    if args.playlist:
        found = playlists.get(args.playlist)
        if found is None:
            print(f"no playlist {args.playlist}", file=sys.stderr)
            return 1
        items = list(found.items)
    try:
        args.out.write_bytes(handout.handout(items, source, args.lang, args.page))
    except handout.HandoutFailed as error:
        print(f"the handout could not be printed: {error}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(items)} slides, {slide_html.PAGE_FORMATS[args.page].page_size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
