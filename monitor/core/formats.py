"""Numbers and dates in the user's language: decimal comma and narrow no-break space thousands in Dutch and
French, days written out ('11 juin 2026').

One place for number and date formatting, used by tables, charts (plotly `separators`), slides and exports.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

LANGUAGES = ("nl", "fr", "en")  # the interface languages; the documents are in Dutch
DEFAULT_LANGUAGE = "en"

THIN_SPACE = "\u202f"  # narrow no-break space: the thousands separator of nl-BE/fr-BE typography
# plotly's `separators` is "<decimal><thousands>".
_SEPARATORS = {"nl": "," + THIN_SPACE, "fr": "," + THIN_SPACE, "en": ".,"}
NOT_AVAILABLE = {"nl": "n.b.", "fr": "n.d.", "en": "n/a"}


def separators(language: str = DEFAULT_LANGUAGE) -> str:
    """The two characters plotly's layout.separators takes: decimal mark, then thousands mark."""
    return _SEPARATORS.get(language, _SEPARATORS[DEFAULT_LANGUAGE])


def format_number(value: float | None, language: str = DEFAULT_LANGUAGE, decimals: int | None = None) -> str:
    """72154 -> '72 154' (nl/fr) or '72,154' (en); 18.5 -> '18,5'; None, NaN or NA -> 'n.b.' (missing, never 0)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return NOT_AVAILABLE.get(language, NOT_AVAILABLE[DEFAULT_LANGUAGE])
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1].rstrip("0"))
    english = f"{value:,.{decimals}f}"
    decimal_mark, thousands_mark = separators(language)
    return english.replace(",", "\0").replace(".", decimal_mark).replace("\0", thousands_mark)


def format_percent(value: float | None, language: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """18.5 -> '18,5 %' (nl/fr, with a no-break space) or '18.5%' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return format_number(None, language)
    number = format_number(value, language, decimals)
    return f"{number}%" if language == "en" else f"{number}\u00a0%"


def format_moment(moment, language: str = DEFAULT_LANGUAGE) -> str:
    """A timestamp as '28 novembre 2026, 14:05' (day written out in `language`, 24-hour clock); missing -> 'n.b.'."""
    if moment is None or moment != moment:  # None, NaN or NaT
        return format_number(None, language)
    return f"{format_date(moment.date(), language)}, {moment:%H:%M}"


MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def format_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """'11 June 2026', '11 juin 2026', '11 juni 2026'."""
    months = MONTHS.get(language, MONTHS[DEFAULT_LANGUAGE]).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"
