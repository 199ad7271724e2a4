"""One customer's purchase history at a glance: the numbers that place a customer in a lifecycle stage."""

from __future__ import annotations

from typing import Any

import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.errors import DataError
from custseg.rfm import customer_summary

__all__ = ["customer_card"]


def _find(summary: pd.DataFrame, customer_id: Any) -> Any:
    for candidate in (customer_id, str(customer_id)):
        if candidate in summary.index:
            return candidate
    as_text = {str(key): key for key in summary.index}
    if str(customer_id) in as_text:
        return as_text[str(customer_id)]
    examples = "、".join(map(str, summary.index[:3]))
    raise DataError(
        f"数据中没有客户编号 {customer_id!r}（例如有：{examples}） (no such customer id)"
    )


@renamed_keywords(data="transactions")
def customer_card(
    transactions: Any,
    customer_id: Any,
    as_of: Any = None,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """One customer's orders, first and last purchase, days since each, and total spend.

    The facts are named as everywhere in the course (:mod:`custseg.vocabulary`): 订单数,
    首次购买日期, 最近购买日期, 成为客户天数 (tenure), 最近购买距今天数 (recency), 消费金额.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        Cleaned order lines (``customer_id``, ``invoice_date``, ``amount``, and
        ``invoice_id`` when present). Not modified. The old keyword ``data=`` still
        works, with a :class:`DeprecationWarning`.
    customer_id : str or int
        The customer; ``13748`` and ``"13748"`` both work.
    as_of : date-like, optional
        The analysis day; by default the day after the last purchase in the data, as in
        :func:`custseg.lifecycle.lifecycle_stages`.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.rfm.customer_summary`.

    Returns
    -------
    pandas.DataFrame
        One row per fact (index ``项目``), one column ``数值``.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "invoice_id": ["1", "2", "3"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-06-30"]),
    ...     "amount": [100.0, 50.0, 20.0]})
    >>> customer_card(orders, customer_id="A")
                         数值
    项目
    客户编号               A
    订单数                2
    首次购买日期    2024-01-01
    最近购买日期    2024-03-01
    分析日       2024-07-01
    成为客户天数           182
    最近购买距今天数         122
    消费金额             150
    >>> shop = orders.rename(columns={"customer_id": "会员号", "invoice_date": "下单时间"})
    >>> customer_card(shop, "A", customer_col="会员号", date_col="下单时间").equals(
    ...     customer_card(orders, "A"))
    True
    """
    summary = customer_summary(
        transactions,
        as_of,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        invoice_col=invoice_col,
    )
    key = _find(summary, customer_id)
    row = summary.loc[key]
    as_of_day = pd.Timestamp(summary.attrs["as_of"])
    facts = {
        "客户编号": str(key),
        "订单数": f"{int(row['frequency']):,}",
        "首次购买日期": f"{pd.Timestamp(row['first_purchase']):%Y-%m-%d}",
        "最近购买日期": f"{pd.Timestamp(row['last_purchase']):%Y-%m-%d}",
        "分析日": f"{as_of_day:%Y-%m-%d}",
        "成为客户天数": f"{int(row['tenure']):,}",
        "最近购买距今天数": f"{int(row['recency']):,}",
        "消费金额": f"{float(row['monetary']):,.0f}",
    }
    return pd.DataFrame({"数值": facts}).rename_axis("项目")
