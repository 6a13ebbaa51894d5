"""People in histories: who proposed or decided an update, shown by the full name of their account.

The store keeps account names (stable, and what the audit log says); the people behind them live in the accounts
file. An account that no longer exists, or rows made by a tool (the sample generator), keep their account name.
"""

from __future__ import annotations

import pandas as pd

from monitor import cache


def full_name(account: object) -> str:
    """The full name of the person with this account; the account name itself when there is no such account."""
    if not isinstance(account, str):
        return ""
    return cache.full_names().get(account, account)


def with_full_names(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of `frame` whose `columns` of account names hold the people's full names."""
    names = cache.full_names()
    named = {column: [names.get(a, a) if isinstance(a, str) else a for a in frame[column]] for column in columns}
    return frame.assign(**named)
