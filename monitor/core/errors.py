"""Errors that name the place in a source file where the problem is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceProblem:
    """One problem in one curated source file: which file, which row (or YAML path), which column."""

    file: str
    row: str
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, column '{self.column}': {self.message}"


class SourceError(Exception):
    """The curated sources are malformed; nothing was written."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        shown = "\n".join(f"  - {problem}" for problem in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the curated sources:\n{shown}{more}")

    @classmethod
    def from_constraint(cls, table: str, message: str) -> SourceError:
        """A database constraint that the validation did not catch first (a backstop, named by table)."""
        return cls([SourceProblem(f"table {table}", "-", "-", message)])


class DatabaseUnavailable(Exception):
    """The strategy database cannot be opened (missing and not buildable, locked, or corrupt)."""

    REASONS = ("missing", "locked", "corrupt", "stale")  # each is a catalogue key error.database.<reason>

    def __init__(self, reason: str, path: str):
        if reason not in self.REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        self.reason = reason
        self.path = path
        super().__init__(f"{reason}: {path}")


class StoreUnavailable(Exception):
    """The user store cannot be opened (locked by another process, or not a store file; `unreachable`: its
    PostgreSQL server does not answer), or cannot be written (`denied`: no permission or a read-only disk;
    `full`: no space left), which is not corruption."""

    REASONS = (
        "locked",
        "corrupt",
        "newer",
        "denied",
        "full",
        "unreachable",
    )  # each is a catalogue key error.store.<reason>

    def __init__(self, reason: str, path: str):
        if reason not in self.REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        self.reason = reason
        self.path = path
        super().__init__(f"{reason}: {path}")


class PermissionDenied(Exception):
    """The signed-in user (or nobody) may not make this change; checked in the write path itself."""


class Conflict(Exception):
    """The record changed since the user read it; the newer version is attached, nothing was written."""

    def __init__(self, current_version: int, message: str = "changed meanwhile"):
        self.current_version = current_version
        super().__init__(message)


class AlreadyDecided(Conflict):
    """Proposed updates someone decided on meanwhile (all of them named); nothing was written."""

    def __init__(self, update_ids: list[int]):
        self.update_ids = list(update_ids)
        super().__init__(self.update_ids[0], "already decided")  # an update's "version" is its own id
