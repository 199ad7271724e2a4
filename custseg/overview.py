"""A first look at a table of orders: how many rows, customers and orders, which dates, how much.

Plain functions for the course's first module: each returns a small table with Chinese
headers that a learner can read without knowing pandas.
"""

from __future__ import annotations

import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.errors import DataError, ParameterError
from custseg.frames import canonical_columns
from custseg.vocabulary import chinese_label

__all__ = ["chinese_headers", "data_overview", "first_rows"]


def chinese_headers(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with the columns the course knows renamed to Chinese.

    The names are the course's one vocabulary (:func:`custseg.vocabulary.chinese_label`).

    Examples
    --------
    >>> import pandas as pd
    >>> chinese_headers(pd.DataFrame({"customer_id": ["C1"], "amount": [9.5], "x": [1]})).columns.tolist()
    ['客户编号', '金额', 'x']
    """
    return frame.rename(columns=chinese_label)


def first_rows(data: pd.DataFrame, rows: int = 5) -> pd.DataFrame:
    """The first ``rows`` rows of a table, with Chinese headers and dates without the time.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["C1", "C2"],
    ...                        "invoice_date": pd.to_datetime(["2024-01-05 10:30", "2024-02-01 09:00"]),
    ...                        "quantity": [3.0, 1.0], "amount": [12.345, 8.0]})
    >>> first_rows(orders, rows=1)
      客户编号        订单日期  数量     金额
    0   C1  2024-01-05   3  12.35
    """
    if not isinstance(data, pd.DataFrame):
        raise DataError(
            f"first_rows 需要一张表格 (DataFrame)，收到的是 {type(data).__name__} (not a table)"
        )
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise ParameterError(f"rows 须为正整数：收到 {rows!r} (must be a positive integer)")
    shown = data.head(rows).copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            shown[column] = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(values):
            whole = (
                column == "quantity" and values.notna().all() and (values == values.round()).all()
            )
            shown[column] = values.astype("int64") if whole else values.round(2)
    return chinese_headers(shown)


@renamed_keywords(data="transactions")
def data_overview(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Rows, customers, orders, first and last date and total sales of a table of orders.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``customer_id``, ``invoice_date`` and ``amount`` (``invoice_id``
        when there is one). Missing customer ids are counted, not dropped. Not modified.
        The old keyword ``data=`` still works, with a :class:`DeprecationWarning`.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the order date, the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present.

    Returns
    -------
    pandas.DataFrame
        One row per fact (index ``项目``), one column ``数值`` of readable text.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"invoice_id": ["A1", "A1", "A2"], "customer_id": ["C1", "C1", None],
    ...                        "invoice_date": pd.to_datetime(["2024-01-05", "2024-01-05", "2024-03-01"]),
    ...                        "amount": [1200.0, 30.5, 8.0]})
    >>> data_overview(orders)
                   数值
    项目
    行数              3
    客户数             1
    缺少客户编号的行数       1
    订单数             2
    第一天    2024-01-05
    最后一天   2024-03-01
    销售额合计       1,238
    >>> shop = orders.rename(columns={"customer_id": "会员号", "invoice_id": "单号"})
    >>> data_overview(shop, customer_col="会员号", invoice_col="单号").equals(data_overview(orders))
    True
    """
    data = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        invoice_col=invoice_col,
        what="订单数据 (orders)",
    )
    dates = pd.to_datetime(data["invoice_date"], errors="coerce")
    amounts = pd.to_numeric(data["amount"], errors="coerce")
    facts = {
        "行数": f"{len(data):,}",
        "客户数": f"{data['customer_id'].nunique():,}",
        "缺少客户编号的行数": f"{int(data['customer_id'].isna().sum()):,}",
    }
    if "invoice_id" in data.columns:
        facts["订单数"] = f"{data['invoice_id'].nunique():,}"
    facts["第一天"] = f"{dates.min():%Y-%m-%d}" if dates.notna().any() else "无"
    facts["最后一天"] = f"{dates.max():%Y-%m-%d}" if dates.notna().any() else "无"
    facts["销售额合计"] = f"{amounts.sum():,.0f}"
    return pd.DataFrame({"数值": facts}).rename_axis("项目")
