"""The matching rule that the fidelity tests rely on."""

from monitor.core.text import found_in_lines, normalize_space

LINES = (
    "Strategie Go4Brussels 2030   12 ",
    "1.4.5 Welzijn en ",
    "gezondheid ",
    "Cf. Doelstelling 1.3 – Beleidswerf “De Brusselse RDI-",
    "ecosystemen versterken”. ",
    " Beleidswerven Sturende instanties Korte omschrijving van de beleidswerf, de uitdagingen ",
    "en de verwachte resultaten ",
    "Minister van ",
    "Werk ",
)


def test_wrapped_text_is_found_across_lines():
    assert found_in_lines("Welzijn en gezondheid", LINES, 2, 3)


def test_hyphenated_line_break_is_joined():
    assert found_in_lines("De Brusselse RDI-ecosystemen versterken", LINES, 4, 5)


def test_page_furniture_between_lines_is_ignored():
    assert found_in_lines("versterken”. Minister van Werk", LINES, 5, 9)


def test_text_outside_the_cited_lines_is_not_found():
    assert not found_in_lines("Welzijn en gezondheid", LINES, 4, 9)


def test_altered_text_is_not_found():
    assert not found_in_lines("Welzijn en gezondheidszorg", LINES, 2, 3)
    assert not found_in_lines("Minister van Werk", LINES, 8, 8)


def test_range_outside_the_document_is_rejected():
    assert not found_in_lines("Werk", LINES, 9, 10)
    assert not found_in_lines("Werk", LINES, 0, 2)


def test_interleaved_cells_match_as_a_few_runs_in_order():
    lines = ("De eerste helft van de zin ", "Minister van Werk ", "en de tweede helft ervan. ")
    assert found_in_lines("De eerste helft van de zin en de tweede helft ervan.", lines, 1, 3)
    assert not found_in_lines("en de tweede helft ervan. De eerste helft van de zin", lines, 1, 3)


def test_normalize_space():
    assert normalize_space("  a \n b\t c ") == "a b c"
