"""How concentrated is customer value? The share of sales held by the top x % of customers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from custseg.abc_analysis import customer_values, top_share
from custseg.errors import DataError

__all__ = ["concentration_table"]


def concentration_table(data: Any, top_percents: Sequence[int] = (20, 50)) -> pd.DataFrame:
    """For each "top x % of customers": how many customers that is and their share of sales.

    The share is read from the Lorenz curve exactly as the widget
    :func:`custseg.widgets.concentration_explorer` shows it
    (:func:`custseg.abc_analysis.top_share`).

    Parameters
    ----------
    data : transactions, or values per customer
        Order lines with ``customer_id`` and ``amount`` (summed per customer), or one
        value per customer (see :func:`custseg.abc_analysis.customer_values`).
    top_percents : sequence of int, default (20, 50)
        Whole percentages between 1 and 100.

    Returns
    -------
    pandas.DataFrame
        One row per percentage, columns ``客户范围``, ``客户数``, ``销售额占比`` (text with %).

    Examples
    --------
    >>> concentration_table([70.0, 10.0, 10.0, 5.0, 5.0], top_percents=[20, 40])
        客户范围  客户数 销售额占比
    0  前 20% 客户    1   70.0%
    1  前 40% 客户    2   80.0%
    """
    values = customer_values(data)
    percents = list(top_percents)
    if not percents or any(
        isinstance(p, bool) or not isinstance(p, int) or not 1 <= p <= 100 for p in percents
    ):
        raise DataError(
            f"top_percents 须为 1 到 100 之间的整数，例如 [10, 20]：收到 {top_percents!r}"
        )
    return pd.DataFrame(
        {
            "客户范围": [f"前 {p}% 客户" for p in percents],
            "客户数": [round(len(values) * p / 100) for p in percents],
            "销售额占比": [f"{top_share(values, top=p / 100):.1%}" for p in percents],
        }
    )
