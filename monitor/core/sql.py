"""Every SQL statement of the Monitor lives in queries/, one file each, named after what it does:

- queries/strategy/: reads of the strategy database;
- queries/build/: the strategy schema and the build's own statements;
- queries/store/: reads and writes of the user store; queries/store/migrations/: its numbered migrations.

Each file opens with a comment that gives its grain or purpose and its parameters. Statements take named
parameters ($name) only: nothing is ever formatted into SQL.
"""

from __future__ import annotations

from functools import cache

from monitor.core.paths import QUERIES_DIR


@cache
def statement(name: str) -> str:
    """The SQL of queries/<name>.sql, e.g. "strategy/objectives_list" (names are code, never user input)."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no SQL statement named {name!r} in {QUERIES_DIR}")
    return path.read_text(encoding="utf-8")
