"""Uploads that can neither crash nor exhaust the server: damaged workbooks, zip bombs, wide or far sheets, wrong
encodings and nested playlist files all end in the module's own refusal (a catalogue key), within bounded memory
and time. Hypothesis generates well over 1,000 files; tracemalloc measures each read's peak."""

from __future__ import annotations

import contextlib
import io
import time
import tracemalloc
import warnings
import zipfile
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from monitor.core import tabular
from monitor.deck import playlists
from monitor.i18n import catalogue

FUZZ = settings(max_examples=350, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
PEAK_LIMIT = 100_000_000  # bytes a single read may hold at its peak
SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


@cache
def workbook() -> bytes:
    book = Workbook()
    for row in [["workstream", "status", "note"], ["1.1.1", "on_track", "=1+1"], ["2.3.4", "late", "é ü"]]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(sheet_xml: bytes, level: int = 9) -> bytes:
    """The small workbook with its first sheet replaced (how a hostile file is made)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = sheet_xml if part.filename == SHEET else source.read(part)
            target.writestr(part.filename, data, compresslevel=level)
    return out.getvalue()


def inline_cells(count: int, per_row: int) -> bytes:
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    rows = b"".join(b"<row>" + cell * per_row + b"</row>" for _ in range(count // per_row))
    return SHEET_HEAD + b"<sheetData>" + rows + b"</sheetData></worksheet>"


@cache
def bombs() -> tuple[bytes, ...]:
    """Small files that unpack or spread far: a million inline cells, one 60 MB part, a far cell and row, a
    sheet claiming 16,384 columns, and entities that expand."""
    far = SHEET_HEAD + b'<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    wide = SHEET_HEAD + b'<dimension ref="A1:XFD5000"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
    wide += b'<row r="5000"><c r="A5000"><v>1</v></c></row></sheetData></worksheet>'
    laughs = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    laughs += b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' + SHEET_HEAD[21:] + b"<sheetData><row><c t="
    laughs += b'"inlineStr"><is><t>&c;&c;&c;</t></is></c></row></sheetData></worksheet>'
    padding = SHEET_HEAD + b"<sheetData/>" + b" " * 60_000_000 + b"</worksheet>"
    row = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
    small_cells = (
        SHEET_HEAD + b"<sheetData>" + row * 8_000 + b"</sheetData></worksheet>"
    )  # 2.5 MB stored as is: no ratio to notice
    return (
        with_sheet(inline_cells(1_000_000, 1_000)),
        with_sheet(inline_cells(1_000_000, 1)),
        with_sheet(padding),
        with_sheet(far),
        with_sheet(wide),
        with_sheet(laughs),
        with_sheet(small_cells, level=0),
        with_sheet(inline_cells(100, 100)),
    )


def refused_within_limits(read, *arguments) -> tuple[str | None, int, float]:
    """The catalogue key of the refusal (None when read), the peak of memory and the seconds the read took.
    Any other exception escapes and fails the test."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read(*arguments)
        key = None
    except tabular.UnreadableFile as unreadable:
        key = unreadable.problem.key
    except playlists.PlaylistInvalid as invalid:
        key = invalid.key
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert key is None or key in catalogue(), key
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.0f} MB"
    return key, peak, seconds


def flipped(content: bytes, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(content)
    for position, value in flips:
        data[position % len(data)] = value
    return bytes(data)


FLIPS = st.lists(st.tuples(st.integers(0, 1 << 24), st.integers(0, 255)), min_size=1, max_size=6)


@FUZZ
@given(which=st.integers(0, 8), flips=FLIPS, cut=st.one_of(st.none(), st.integers(0, 1 << 20)))
def test_damaged_workbooks_and_bombs_are_refused_not_crashed(which, flips, cut):
    content = workbook() if which == 8 else bombs()[which]
    content = flipped(content, flips)[:cut]
    refused_within_limits(tabular.read_table, "upload.xlsx", content)


@FUZZ
@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from([SHEET, "[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml", "x.bin"]),
            st.one_of(st.binary(max_size=300), st.integers(0, 30_000_000).map(lambda size: b"<" * size)),
        ),
        max_size=4,
    )
)
def test_any_zip_archive_is_refused_or_read(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a name twice is one of the cases
        for name, data in parts:
            archive.writestr(name, data)
    refused_within_limits(tabular.read_table, "upload.xlsx", out.getvalue())


@FUZZ
@given(content=st.one_of(st.binary(max_size=2_000), st.text(max_size=2_000).map(lambda text: text.encode("utf-16"))))
def test_any_bytes_as_csv_or_workbook_are_refused_or_read(content):
    refused_within_limits(tabular.read_table, "upload.csv", content)
    refused_within_limits(tabular.read_table, "upload.xlsx", content)


JSON_PIECES = st.sampled_from(['{"format": "go4brussels-monitor-playlist", ', '"version": 1, ', '"items": ', "[", "]"])
JSON_PIECES = st.one_of(JSON_PIECES, st.sampled_from(["{", "}", '"', "\\", ",", ":", "1e999", "9" * 5000, "null"]))


@FUZZ
@given(
    pieces=st.lists(JSON_PIECES, max_size=60),
    nesting=st.integers(0, 60_000),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_any_playlist_file_is_refused_or_read(pieces, nesting, encoding):
    text = "[" * nesting + "".join(pieces) + "]" * nesting
    refused_within_limits(playlists.from_file, text.encode(encoding, errors="replace"))


BOMB_REFUSALS = [
    "import.error.unpacks_too_big",  # a million cells, a thousand a row (ratio)
    "import.error.unpacks_too_big",  # a million rows of one cell (ratio)
    "import.error.unpacks_too_big",  # one part of 60 MB
    "import.error.too_many_rows",  # a cell on row 1,048,576 (openpyxl would fill the rows before it)
    None,  # a sheet that claims 16,384 columns is read as the two short rows it holds
    "import.error.bad_xlsx",  # entities that expand
    "import.error.too_many_cells",  # 160,000 cells stored without compression
    "import.error.too_many_columns",  # one row of 100 cells
]


@pytest.mark.parametrize("which", range(len(BOMB_REFUSALS)))
def test_each_bomb_is_refused_fast_and_small(which):
    key, peak, _ = refused_within_limits(tabular.read_table, "upload.xlsx", bombs()[which])
    assert key == BOMB_REFUSALS[which]
    assert len(bombs()[which]) < tabular.MAX_BYTES
    started = time.perf_counter()  # timed again without tracemalloc, which slows every allocation
    with contextlib.suppress(tabular.UnreadableFile):
        tabular.read_table("upload.xlsx", bombs()[which])
    seconds = time.perf_counter() - started
    assert seconds < 2, seconds
    print(
        f"bomb {which}: {len(bombs()[which]) // 1000} kB refused ({key}) in {seconds:.2f} s, peak {peak / 1e6:.1f} MB"
    )


def corrupt_workbook() -> bytes:
    """A valid workbook with three bytes flipped inside its sheet's compressed data (the probe of issue 21)."""
    content = bytearray(workbook())
    start = content.index(b"xl/worksheets/sheet1.xml") + 40
    for offset in (0, 7, 13):
        content[start + offset] ^= 0xFF
    return bytes(content)


def test_the_probed_corrupt_workbook_and_nested_playlist_get_their_reasons():
    assert refused_within_limits(tabular.read_table, "upload.xlsx", corrupt_workbook())[0] == "import.error.bad_xlsx"
    nested = b"[" * 50_000 + b"]" * 50_000
    assert refused_within_limits(playlists.from_file, nested)[0] == "playlist.error.too_deep"


def test_an_ordinary_workbook_still_reads():
    table = tabular.read_table("upload.xlsx", workbook())
    assert table.header == ["workstream", "status", "note"]
    assert table.rows[1] == ["2.3.4", "late", "é ü"]
