"""Interface strings in Dutch, French and English from one catalogue (monitor/messages.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "en"
CATALOGUE = Path(__file__).with_name("messages.yaml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The string for `key` in `language`, with {placeholders} filled; a missing key shows as ⟦key⟧."""
    entry = catalogue().get(key)
    if entry is None:
        return f"⟦{key}⟧"
    text = entry.get(language) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
