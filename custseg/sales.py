"""Sales per calendar month: the first chart of the course (module 00)."""

from __future__ import annotations

import pandas as pd

from custseg.errors import DataError, require_columns

__all__ = ["ALL_COUNTRIES", "monthly_sales", "monthly_sales_table", "sales_month_key"]

ALL_COUNTRIES = "全部国家"
"""The choice that means "every country" in :func:`monthly_sales`."""


def sales_month_key(transactions: pd.DataFrame) -> pd.Series:
    """The calendar month of each line, the key of the monthly sums."""
    return pd.to_datetime(transactions["invoice_date"]).dt.to_period("M").rename("month")


def monthly_sales(transactions: pd.DataFrame, country: str = ALL_COUNTRIES) -> pd.Series:
    """Sales per calendar month (``amount`` summed), for one country or all.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01"]),
    ...                    "amount": [10.0, 5.0, 7.0], "country": ["中国", "日本", "中国"]})
    >>> monthly_sales(tx).tolist(), monthly_sales(tx, "中国").tolist()
    ([15.0, 7.0], [10.0, 7.0])
    """
    require_columns(transactions, ["invoice_date", "amount"], what="订单数据 (orders)")
    if country != ALL_COUNTRIES:
        require_columns(transactions, ["country"], what="订单数据 (orders)")
        if not (transactions["country"] == country).any():
            known = transactions["country"].dropna().unique().tolist()[:8]
            raise DataError(f"数据中没有国家/地区 {country!r}；例如有：{known}")
        transactions = transactions[transactions["country"] == country]
    return transactions.groupby(sales_month_key(transactions))["amount"].sum()


def monthly_sales_table(data: pd.DataFrame, country: str = ALL_COUNTRIES) -> pd.DataFrame:
    """Sales per month as a readable table: 月份 and 销售额 (rounded to whole units).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-02-01"]),
    ...                    "amount": [10.4, 7.0]})
    >>> monthly_sales_table(tx)
            月份  销售额
    0  2024-01   10
    1  2024-02    7
    """
    sales = monthly_sales(data, country)
    return pd.DataFrame(
        {"月份": sales.index.astype(str), "销售额": sales.round(0).astype("int64").to_numpy()}
    )
