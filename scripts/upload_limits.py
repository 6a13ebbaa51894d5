"""What the worst uploads cost the server: seconds and peak memory of reading each one, and how it ends. Prints a table.

Every file is made here, then read in a fresh Python process of its own (the same code the upload pages call:
`monitor.core.tabular.read_table` for the three imports, `monitor.deck.playlists.from_file` for a playlist):

- seconds: one read, timed without tracemalloc (which slows every allocation);
- RSS growth: the process's peak resident memory (VmHWM, reset just before the read) minus its resident memory
  then, with the file already in memory and the modules imported: what the read added to the server at its peak;
- Python peak: tracemalloc's peak during a second read (Python's own allocations only).

The files: for each import, the largest workbook its limits accept (every row filled, the longest text a cell
may hold in its widest text column, generated so that it compresses as ordinary text does), the widest one the
cell limit accepts, a million-cell workbook, a zip bomb (one 60 MB part), a corrupt workbook (three bytes
flipped), a 100 kB playlist of nested brackets, the largest CSV accepted and one over the size limit.

Usage: scripts/upload_limits.py [--only NAME,...]   (from the repository, with the venv's Python)
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.core import tabular  # noqa: E402

WORDS = tuple(  # a report's vocabulary, in Dutch and French
    [
        "de",
        "voortgang",
        "van",
        "het",
        "werkpakket",
        "werd",
        "besproken",
        "met",
        "de",
        "sociale",
        "partners",
        "tijdens",
        "de",
        "top",
        "en",
        "de",
        "regering",
        "bevestigde",
        "dat",
        "de",
        "middelen",
        "voor",
        "het",
        "volgende",
        "jaar",
        "zijn",
        "vrijgemaakt",
        "voor",
        "opleiding",
        "en",
        "werk",
        "la",
        "mise",
        "en",
        "oeuvre",
        "du",
        "chantier",
        "avance",
        "selon",
        "le",
        "calendrier",
        "prevu",
        "avec",
        "les",
        "partenaires",
        "sociaux",
    ]
)
IMPORTS = {  # import: (its columns, the column that holds long text)
    "progress": (("workstream", "status", "as_of", "confidence", "stall_reason", "narrative", "evidence_url"), 5),
    "indicators": (("indicator", "year", "value", "source", "date"), 3),
    "translations": (("kind", "code", "language", "text", "source", "dutch"), 3),
}


def prose(generator: random.Random, length: int) -> str:
    """Text of about `length` characters from a small vocabulary: compresses about as a report's prose does."""
    words, size = [], 0
    while size < length:
        words.append(generator.choice(WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)[:length]


def workbook(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def largest_accepted(columns: tuple[str, ...], text_column: int) -> bytes:
    """MAX_ROWS rows, each with the longest text that fits the unzipped limit in its text column."""
    generator = random.Random(7)
    text_length = min(tabular.MAX_CELL, int(tabular.MAX_UNZIPPED_PART * 0.9) // tabular.MAX_ROWS - 60 * len(columns))
    rows: list[list[object]] = [list(columns)]
    for number in range(tabular.MAX_ROWS):
        row: list[object] = [f"{number % 100 // 10 + 1}.{number % 10 + 1}.{number % 7 + 1}"] * len(columns)
        row[text_column] = prose(generator, text_length)
        rows.append(row)
    return workbook(rows)


def widest_accepted() -> bytes:
    """As many short cells as MAX_CELLS allows over MAX_ROWS rows."""
    width = min(tabular.MAX_COLUMNS, tabular.MAX_CELLS // (tabular.MAX_ROWS + 1))
    return workbook(
        [[f"c{column}" for column in range(width)]]
        + [[row * column for column in range(width)] for row in range(tabular.MAX_ROWS)]
    )


def most_unpacked_accepted() -> bytes:
    """The cell limit filled with text that packs as tightly as the ratio check allows: the most XML accepted."""
    generator = random.Random(11)
    width = min(tabular.MAX_COLUMNS, tabular.MAX_CELLS // (tabular.MAX_ROWS + 1))
    cells = tabular.MAX_ROWS * width
    text_length = min(tabular.MAX_CELL, int(tabular.MAX_UNZIPPED_PART * 0.9) // cells - 60)  # 60: a cell's XML
    phrases = [prose(generator, text_length) for _ in range(50)]  # repeated: they pack well, but not too well
    rows: list[list[object]] = [[f"c{column}" for column in range(width)]]
    for row in range(tabular.MAX_ROWS):
        rows.append([f"{row}.{column} {generator.choice(phrases)}" for column in range(width)])
    return workbook(rows)


def replaced_sheet(sheet_xml: bytes) -> bytes:
    """A small workbook with its first sheet replaced (how a hostile file is made)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook([["workstream"], ["1.1.1"]]))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            data = sheet_xml if part.filename == "xl/worksheets/sheet1.xml" else source.read(part)
            target.writestr(part.filename, data, compresslevel=9)
    return out.getvalue()


HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def million_cells() -> bytes:
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 1_000 + b"</row>"
    return replaced_sheet(HEAD + b"<sheetData>" + row * 1_000 + b"</sheetData></worksheet>")


def zip_bomb() -> bytes:
    return replaced_sheet(HEAD + b"<sheetData/>" + b" " * 60_000_000 + b"</worksheet>")


def corrupt() -> bytes:
    content = bytearray(workbook([["workstream", "status"], ["1.1.1", "on_track"]]))
    start = content.index(b"xl/worksheets/sheet1.xml") + 40
    for offset in (0, 7, 13):
        content[start + offset] ^= 0xFF
    return bytes(content)


def csv_file(size: int) -> bytes:
    """A CSV of the progress columns, MAX_ROWS rows of narrative text filling `size` bytes."""
    generator = random.Random(3)
    header = ",".join(IMPORTS["progress"][0])
    line = '1.1.1,on_track,2026-06-01,high,,"{}",'
    text_length = (size - len(header)) // tabular.MAX_ROWS - len(line) - 1
    rows = [line.format(prose(generator, text_length)) for _ in range(tabular.MAX_ROWS)]
    content = "\n".join([header, *rows]).encode()
    return content + b" " * (size - len(content))  # padded to the size exactly


CASES = {
    **{
        f"{name} largest accepted": (lambda c=c, t=t: largest_accepted(c, t), "xlsx")
        for name, (c, t) in IMPORTS.items()
    },
    "widest accepted": (widest_accepted, "xlsx"),
    "most unpacked accepted": (most_unpacked_accepted, "xlsx"),
    "million-cell bomb": (million_cells, "xlsx"),
    "zip bomb (60 MB part)": (zip_bomb, "xlsx"),
    "corrupt workbook": (corrupt, "xlsx"),
    "nested-JSON playlist": (lambda: b"[" * 50_000 + b"]" * 50_000, "json"),
    "largest CSV accepted": (lambda: csv_file(tabular.MAX_BYTES), "csv"),
    "oversized CSV": (lambda: csv_file(tabular.MAX_BYTES + 1_000_000), "csv"),
}


def read_once(kind: str, content: bytes) -> str:
    """What the upload page would get: 'read N rows' or the refusal's key."""
    from monitor.deck import playlists

    try:
        if kind == "json":
            _name, items = playlists.from_file(content)
            return f"read ({len(items)} items)"
        table = tabular.read_table(f"upload.{kind}", content)
        return f"read ({len(table.rows)} rows)"
    except tabular.UnreadableFile as unreadable:
        return f"refused: {unreadable.problem.key}"
    except playlists.PlaylistInvalid as invalid:
        return f"refused: {invalid.key}"


def resident_bytes(field: str = "VmRSS") -> int:
    """This process's resident memory now (VmRSS) or at its peak since the last reset (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field}")


def measure(kind: str, path: Path) -> dict[str, object]:
    """In this (fresh) process: the seconds, the RSS growth and the Python peak of reading the file."""
    import openpyxl  # noqa: F401

    import monitor.deck.playlists  # noqa: F401  imported before the read, as in the server

    content = path.read_bytes()
    Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak (VmHWM) starts again from the RSS now
    before = resident_bytes()
    started = time.perf_counter()
    result = read_once(kind, content)
    seconds = time.perf_counter() - started
    peak_rss = resident_bytes("VmHWM") - before
    tracemalloc.start()
    read_once(kind, content)
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"seconds": seconds, "rss": max(peak_rss, 0), "python": python_peak, "result": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure(arguments.measure[0], Path(arguments.measure[1]))))
        return
    chosen = [name for name in CASES if not arguments.only or name in arguments.only.split(",")]
    print(
        f"limits: {tabular.MAX_BYTES / 1e6:.0f} MB file, {tabular.MAX_ROWS} rows, {tabular.MAX_COLUMNS} columns, "
        f"{tabular.MAX_CELLS} cells, {tabular.MAX_UNZIPPED_PART / 1e6:.0f} MB a part and "
        f"{tabular.MAX_UNZIPPED_TOTAL / 1e6:.0f} MB in all unzipped"
    )
    print(f"{'file':<32} {'size':>9} {'seconds':>8} {'RSS +MB':>8} {'Python MB':>10}  result")
    with tempfile.TemporaryDirectory(prefix="upload-limits-") as scratch:
        for name in chosen:
            make, kind = CASES[name]
            path = Path(scratch) / f"case.{kind}"
            path.write_bytes(make())
            answer = subprocess.run(
                [sys.executable, __file__, "--measure", kind, str(path)], capture_output=True, text=True, check=True
            )
            figures = json.loads(answer.stdout)
            print(
                f"{name:<32} {path.stat().st_size / 1000:>7.0f}kB {figures['seconds']:>8.2f} "
                f"{figures['rss'] / 1e6:>8.0f} {figures['python'] / 1e6:>10.0f}  {figures['result']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
