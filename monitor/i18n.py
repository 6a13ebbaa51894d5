"""Interface strings in Dutch, French and English from one catalogue.

The catalogue is the union of `monitor/messages/*.yaml` (one file per feature, so that
features add strings without touching each other's files); a key may appear in one file only.
A string that counts something has a form per plural category, chosen by its `{count}`:
`{en: {one: "{count} update", other: "{count} updates"}, …}`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).with_name("messages")


Text = str | dict[str, str]  # one string, or one per plural category ("one", "other")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.yaml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


def plural_category(count: object, language: str) -> str:
    """CLDR's cardinal category of a whole number: "one" for 1 (in French also for 0), else "other"."""
    return "one" if count == 1 or (language == "fr" and count == 0) else "other"


MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def format_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """'11 June 2026', '11 juin 2026', '11 juni 2026'."""
    months = MONTHS.get(language, MONTHS[DEFAULT_LANGUAGE]).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def main() -> None:
    """`python -m monitor.i18n`: the catalogue's size, per file and in all."""
    for path in sorted(CATALOGUE_DIR.glob("*.yaml")):
        print(f"{path.name}: {len(yaml.safe_load(path.read_text(encoding='utf-8')) or {})} keys")
    print(f"total: {len(catalogue())} keys, each in {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
