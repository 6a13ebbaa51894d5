"""Text rules shared by the build, the validation and the fidelity tests.

The curated sources copy text from the documents with wrapped lines joined (see
data/sources/EXTRACTION_SPEC.md). To check a copy against the document we compare both sides with all
white space removed, after dropping page furniture (running headers, repeated table headers).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Lines that the PDF conversion repeats on every page; they are never part of a fact.
_FURNITURE = [
    re.compile(r"^\s*Strategie Go4Brussels 2030\s+\d+\s*$"),
    re.compile(r"^\s*Beleidswerven\s+Sturende(\s+instanties)?(\s+Korte omschrijving.*)?\s*$"),
    re.compile(r"^\s*instanties\s*$"),
    re.compile(r"^\s*Korte omschrijving van de beleidswerf, de uitdagingen en de\s*$"),
    re.compile(r"^\s*(uitdagingen\s+)?en de verwachte resultaten\s*$"),
    re.compile(r"^\s*verwachte resultaten\s*$"),
]
_WHITESPACE = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def squeeze(text: str) -> str:
    """The comparison form: NFC, no white space at all (wrapping and hyphen joins do not matter)."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFC", text))


def is_furniture(line: str) -> bool:
    return any(pattern.match(line) for pattern in _FURNITURE)


@lru_cache(maxsize=16)
def document_lines(path: Path) -> tuple[str, ...]:
    """The lines of a document, 1-based through index - 1 (so lines[n - 1] is line n)."""
    return tuple(path.read_text(encoding="utf-8").splitlines())


def cited_text(lines: tuple[str, ...], start: int, end: int) -> str:
    """The squeezed text of lines start..end (1-based, inclusive) without page furniture."""
    kept = (line for line in lines[start - 1 : end] if not is_furniture(line))
    return squeeze("".join(kept))


def found_in_lines(text: str, lines: tuple[str, ...], start: int, end: int) -> bool:
    """Is `text` printed within lines start..end?

    Contiguous after squeezing; or, for flattened tables whose cells are interleaved (another cell's
    lines standing in the middle of this one), as a few long runs in order within the range.
    """
    if not 1 <= start <= end <= len(lines):
        return False
    haystack = cited_text(lines, start, end)
    needle = squeeze(text)
    if not needle:
        return False
    if needle in haystack:
        return True
    runs = _ordered_runs(needle, haystack)
    return runs is not None and runs <= MAX_INTERLEAVED_RUNS


MAX_INTERLEAVED_RUNS = 6


def _ordered_runs(needle: str, haystack: str) -> int | None:
    """How many contiguous pieces of the haystack, in order, spell the needle (greedy); None if none."""
    position, index, runs = 0, 0, 0
    while index < len(needle):
        low, high = index + 1, len(needle)
        if haystack.find(needle[index:low], position) < 0:
            return None
        while low < high:  # longest prefix of needle[index:] that occurs at or after `position`
            middle = (low + high + 1) // 2
            if haystack.find(needle[index:middle], position) >= 0:
                low = middle
            else:
                high = middle - 1
        position = haystack.find(needle[index:low], position) + (low - index)
        index, runs = low, runs + 1
    return runs


def mark_names(names: object, marked: object, mark: str) -> str:
    """'A; B (mark)': the '; '-separated `names`, each one also listed in `marked` followed by its mark."""
    chosen = set(marked.split("; ")) if isinstance(marked, str) else set()
    listed = names.split("; ") if isinstance(names, str) and names else []
    return "; ".join(f"{name} ({mark})" if name in chosen else name for name in listed)
