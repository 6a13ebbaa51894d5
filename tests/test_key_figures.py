"""Key figures: the numbers in the database are the numbers printed in the document."""

from __future__ import annotations

import pytest

from monitor.core.numbers import parse_printed_number
from monitor.core.paths import DOCUMENTS_DIR
from monitor.core.text import document_lines, squeeze


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("18,5 %", 18.5),
        ("72.154", 72154.0),
        ("-2,6 pp", -2.6),
        ("3471,62", 3471.62),
        ("n.b.", None),
        ("104.705", 104705.0),
        ("3,0", 3.0),
    ],
)
def test_parse_printed_number(printed, value):
    assert parse_printed_number(printed) == value


@pytest.mark.parametrize("printed", ["", "abc", "1,2,3", "12.34", "--4"])
def test_parse_rejects_what_is_not_a_printed_number(printed):
    with pytest.raises(ValueError):
        parse_printed_number(printed)


def test_every_value_equals_the_number_printed_at_its_lines(con):
    rows = con.execute("""
        SELECT v.indicator_id, v.year, v.value, v.value_printed, v.document, v.line_start, v.line_end
        FROM indicator_values AS v ORDER BY v.indicator_id, v.year""").fetchall()
    assert len(rows) == 5 * con.execute("SELECT count(*) FROM indicators").fetchone()[0]
    for indicator, year, value, printed, document, start, end in rows:
        text = squeeze(" ".join(document_lines(DOCUMENTS_DIR / document)[start - 1 : end]))
        assert squeeze(printed) in text, (indicator, year)
        expected = parse_printed_number(printed)
        assert value == pytest.approx(expected) if expected is not None else value is None, (indicator, year)


def test_not_available_is_missing_not_zero(con):
    missing = con.execute("SELECT count(*) FROM indicator_values WHERE value_printed = 'n.b.'").fetchone()[0]
    nulls = con.execute("SELECT count(*) FROM indicator_values WHERE value IS NULL").fetchone()[0]
    zeros = con.execute("SELECT count(*) FROM indicator_values WHERE value = 0").fetchone()[0]
    assert missing == nulls > 0 and zeros == 0


def test_values_read_in_table_order_match_the_printed_rows(con):
    """Re-read each indicator's row of the printed table in order and compare all five years at once."""
    lines = document_lines(DOCUMENTS_DIR / "001_bf1477ece2e32ef4.txt")
    for indicator_id, start, end in con.execute(
        "SELECT indicator_id, min(line_start), max(line_end) FROM indicator_values GROUP BY ALL"
    ).fetchall():
        tokens = " ".join(lines[start - 1 : end]).replace(" pp", "").replace(" %", "").split()
        printed_numbers = [t for t in tokens if t == "n.b." or t[-1].isdigit()][-5:]
        values = [
            v
            for (v,) in con.execute(
                "SELECT value FROM indicator_values WHERE indicator_id = $id ORDER BY year", {"id": indicator_id}
            ).fetchall()
        ]
        assert [parse_printed_number(t) for t in printed_numbers] == values, indicator_id
