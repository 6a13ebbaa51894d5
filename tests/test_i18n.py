"""The interface catalogue: every key in all three languages, and every key the code uses exists."""

from __future__ import annotations

import re

from monitor.i18n import LANGUAGES, catalogue
from monitor.paths import PROJECT_ROOT

SOURCES = [*PROJECT_ROOT.glob("pages/*.py"), *PROJECT_ROOT.glob("monitor/*.py"), PROJECT_ROOT / "dashboard.py"]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_0-9]+\.[a-z_0-9.]+)["']""")
CATALOGUE_VALUE = re.compile(r""""((?:column|help|filters|error)\.[a-z_0-9.]+)\"""")


def test_every_entry_has_every_language():
    for key, entry in catalogue().items():
        assert set(entry) == set(LANGUAGES), key
        assert all(isinstance(entry[language], str) and entry[language].strip() for language in LANGUAGES), key


def test_placeholders_agree_across_languages():
    for key, entry in catalogue().items():
        placeholders = {language: set(re.findall(r"{(\w+)}", entry[language])) for language in LANGUAGES}
        assert placeholders["nl"] == placeholders["fr"] == placeholders["en"], key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(LITERAL_KEY.findall(text)) | set(CATALOGUE_VALUE.findall(text))
    missing = sorted(key for key in used if key not in catalogue())
    assert used and missing == []
