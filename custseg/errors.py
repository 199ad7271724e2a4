"""Errors raised on bad input, worded for learners (Chinese first, English term after).

Every message names the culprit: the column, the file, the row or the value at fault,
so a learner can fix the input without reading a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["DataError", "require_columns"]


class DataError(ValueError):
    """Bad input data: a missing column, an unparseable value, an empty file.

    A subclass of :class:`ValueError`, so ``except ValueError`` keeps working.
    """


def require_columns(
    frame: pd.DataFrame, columns: Iterable[str], *, what: str = "数据 (data)"
) -> None:
    """Raise :class:`DataError` unless every name in ``columns`` is a column of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to check.
    columns : iterable of str
        The column names that must be present.
    what : str, default "数据 (data)"
        How the table is called in the message.

    Raises
    ------
    DataError
        Naming every missing column and listing the columns found.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"customer_id": [1]}), ["customer_id"])
    >>> require_columns(pd.DataFrame({"客户": [1]}), ["customer_id"])
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 数据 (data) 缺少必需的列 (missing required column): 'customer_id'。现有的列 (columns found): '客户'
    """
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        found = ", ".join(repr(str(c)) for c in frame.columns) or "（无 none）"
        wanted = ", ".join(repr(m) for m in missing)
        raise DataError(
            f"{what} 缺少必需的列 (missing required column): {wanted}。"
            f"现有的列 (columns found): {found}"
        )
