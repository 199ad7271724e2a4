"""Errors raised on bad input, worded for learners (Chinese first, English term after).

Three classes, one per kind of fault, the same in every module:

- :class:`DataError`: the data is wrong (a missing column, an unparseable value, an empty
  file); the message names the file, column, row and value at fault.
- :class:`ParameterError`: an argument is wrong (an unknown option or method name, a
  negative count, a share outside 0..1); the message names the argument and the value.
- :class:`ConvergenceError`: a model fit did not converge.

All three are subclasses of :class:`ValueError`, so ``except ValueError`` keeps working.
Every message names the culprit, so a learner can fix the input without reading a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["ConvergenceError", "DataError", "ParameterError", "require_columns"]


class DataError(ValueError):
    """Bad input data: a missing column, an unparseable value, an empty file.

    The message names the file, column, row and value at fault. A subclass of
    :class:`ValueError`, so ``except ValueError`` keeps working.

    Examples
    --------
    >>> from custseg.rfm import rfm_table
    >>> import pandas as pd
    >>> rfm_table(pd.DataFrame({"客户": [1]}))
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 交易表 (transactions) 缺少必需的列 (missing required column): ...
    """


class ParameterError(ValueError):
    """A bad argument: an unknown option or method name, a negative count, a share out of range.

    The data may be fine; the call is wrong. The message names the argument, the value
    received and what is allowed. A subclass of :class:`ValueError` (as scikit-learn's
    ``InvalidParameterError`` is), so ``except ValueError`` keeps working.

    Examples
    --------
    >>> from custseg.rfm import RFMScorer
    >>> RFMScorer(bins=12).fit(None)
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: RFMScorer 的参数 bins 必须是 2 到 9 之间的整数 (an integer in [2, 9])，收到 (got) 12
    """


class ConvergenceError(RuntimeError, ValueError):
    """A model fit that did not converge (the optimiser stopped without an optimum).

    A :class:`RuntimeError` because the computation failed, not the call: the same
    arguments on other data may converge. Also a :class:`ValueError`, because the usual
    cause is data the model cannot describe (too few repeat buyers, one huge customer),
    because it was a :class:`ValueError` before this class existed, and because the
    ``lifetimes`` package's ``ConvergenceError`` is one too: ``except ValueError`` around
    a fit keeps working. It is not a :class:`DataError`: no column, row or value is wrong.

    Examples
    --------
    >>> issubclass(ConvergenceError, RuntimeError), issubclass(ConvergenceError, ValueError)
    (True, True)
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
        Naming every missing column and listing the columns found; or, when ``frame`` is
        not a table at all, naming its type and value.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"customer_id": [1]}), ["customer_id"])
    >>> require_columns(pd.DataFrame({"客户": [1]}), ["customer_id"])
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 数据 (data) 缺少必需的列 (missing required column): 'customer_id'。现有的列 (columns found): '客户'
    >>> require_columns([1, 2], ["customer_id"], what="交易表 (transactions)")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 交易表 (transactions) 应当是一张表 (must be a table, such as a pandas DataFrame)，收到的是 (got) list: [1, 2]
    """
    if not hasattr(frame, "columns"):
        given = repr(frame)
        given = given if len(given) <= 60 else given[:57] + "..."
        raise DataError(
            f"{what} 应当是一张表 (must be a table, such as a pandas DataFrame)，"
            f"收到的是 (got) {type(frame).__name__}: {given}"
        )
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        found = ", ".join(repr(str(c)) for c in frame.columns) or "（无 none）"
        wanted = ", ".join(repr(m) for m in missing)
        raise DataError(
            f"{what} 缺少必需的列 (missing required column): {wanted}。"
            f"现有的列 (columns found): {found}"
        )
