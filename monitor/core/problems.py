"""What is wrong with an input, said so that the interface can explain it: the field (or the row and column of
an upload) and a catalogue key with its values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One rule an input breaks: the field and a catalogue key (with its values) that says why."""

    column: str
    key: str
    values: dict[str, object] = field(default_factory=dict)


class ProposalInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.column}: {p.key}" for p in problems))


@dataclass(frozen=True)
class RowProblem:
    """One problem of an uploaded file: the row (1 = header, as a spreadsheet shows it), column and why."""

    row: int
    column: str
    key: str  # a catalogue key
    values: dict[str, object] = field(default_factory=dict)
