"""Numbers as the documents print them: decimal comma, thousands dot, units, "n.b." for missing."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?P<sign>[-−]?)(?P<digits>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<decimals>\d+))?$")
NOT_AVAILABLE = "n.b."


def parse_printed_number(printed: str) -> float | None:
    """'18,5 %' -> 18.5, '72.154' -> 72154.0, '-2,6 pp' -> -2.6, 'n.b.' -> None (missing, not zero)."""
    text = " ".join(printed.split())
    if text == NOT_AVAILABLE:
        return None
    token = text.split(" ")[0]
    match = _NUMBER.match(token)
    if not match:
        raise ValueError(f"not a printed number: {printed!r}")
    value = float(match["digits"].replace(".", "") + (f".{match['decimals']}" if match["decimals"] else ""))
    return -value if match["sign"] else value
