"""Interface strings in Dutch, French and English from one catalogue.

The catalogue is the union of `monitor/i18n/messages/*.yaml` (one file per feature, so that
features add strings without touching each other's files); a key may appear in one file only.
A string that counts something has a form per plural category, chosen by its `{count}`:
`{en: {one: "{count} update", other: "{count} updates"}, …}`.

The Monitor's own words curated beside the documents (rationales, notes, resolutions; see
monitor/build/own_texts.py) come with the data, one column per language: own_text() and own_texts() pick the
interface language's.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from monitor.build.own_texts import translated_column
from monitor.core.formats import DEFAULT_LANGUAGE, LANGUAGES, format_date

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "catalogue",
    "format_date",
    "own_text",
    "own_texts",
    "plural_category",
    "translate",
]

CATALOGUE_DIR = Path(__file__).with_name("messages")
# libyaml's parser (shipped in PyYAML's wheels) reads the catalogue in ~80 ms where the pure-Python one took
# ~520 ms, with the same result; the first visitor after a start waited for it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


Text = str | dict[str, str]  # one string, or one per plural category ("one", "other")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.yaml")):
        part = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        clash = sorted(merged.keys() & part.keys())
        if clash:
            raise ValueError(f"{path.name} repeats catalogue keys: {', '.join(clash)}")
        merged.update(part)
    return merged


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string for `key` in `language`, with {placeholders} filled; a missing key shows as ⟦key⟧."""
    entry = catalogue().get(key)
    if entry is None:
        return f"⟦{key}⟧"
    text = entry.get(language) or entry[DEFAULT_LANGUAGE]
    if isinstance(text, dict):
        text = text[plural_category(values["count"], language)]
    return text.format(**values) if values else text


def own_text(row: Any, column: str, language: str) -> Any:
    """The Monitor's own text `column` of a row (a mapping, a Series or an itertuples row) in `language`."""
    name = translated_column(column, language)
    return getattr(row, name) if isinstance(row, tuple) else row[name]


def own_texts(frame: pd.DataFrame, columns: Iterable[str], language: str) -> pd.DataFrame:
    """A copy of `frame` whose `columns` hold the Monitor's own texts in `language` (as shown and exported)."""
    shown = frame.copy()
    for column in columns:
        shown[column] = frame[translated_column(column, language)]
    return shown


def plural_category(count: object, language: str) -> str:
    """CLDR's cardinal category of a whole number: "one" for 1 (in French also for 0), else "other"."""
    return "one" if count == 1 or (language == "fr" and count == 0) else "other"


def main() -> None:
    """`python -m monitor.i18n`: the catalogue's size, per file and in all."""
    for path in sorted(CATALOGUE_DIR.glob("*.yaml")):
        print(f"{path.name}: {len(yaml.safe_load(path.read_text(encoding='utf-8')) or {})} keys")
    print(f"total: {len(catalogue())} keys, each in {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
