"""Historic customer lifetime value: what each customer has already been worth.

The simplest CLV, computed from the past only: ``historic CLV = number of orders x average
order value x margin = revenue x margin``. No model, no forecast: a baseline to compare the
BG/NBD / Gamma-Gamma forecasts with.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.clv._fitting import first_bad_row
from custseg.errors import DataError, ParameterError, require_columns

__all__ = ["historic_clv"]


def historic_clv(
    transactions: pd.DataFrame,
    *,
    margin: float = 1.0,
    customer_col: str = "customer_id",
    invoice_col: str = "invoice_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Orders, revenue, average order value and historic CLV of every customer.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with customer, date and amount columns (and, optionally, an invoice
        column).
    margin : float, default 1.0
        Profit margin in (0, 1]: the share of revenue that is profit. 1 gives revenue.
    customer_col, invoice_col, date_col, amount_col : str
        Column names. An order is a distinct ``invoice_col`` value of the customer; without
        that column, each distinct (customer, ``date_col`` timestamp) counts as one order.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (sorted), with columns ``orders``, ``revenue`` (sum of the
        amounts), ``average_order_value`` (revenue / orders), ``first_purchase``,
        ``last_purchase`` and ``historic_clv`` (revenue x margin), sorted by customer.

    Raises
    ------
    DataError
        A missing column, a missing customer id or amount.
    ParameterError
        A margin outside (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 1, 2],
    ...     "invoice_id": ["A1", "A1", "A2", "B1"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-03-01"]),
    ...     "amount": [10.0, 20.0, 50.0, 40.0],
    ... })
    >>> historic_clv(tx, margin=0.25)[["orders", "revenue", "average_order_value", "historic_clv"]]
                 orders  revenue  average_order_value  historic_clv
    customer_id
    1                 2     80.0                 40.0          20.0
    2                 1     40.0                 40.0          10.0
    """
    try:
        margin_value = float(margin)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"参数 margin (利润率) 必须是数值 (number): {margin!r}") from exc
    if not (0 < margin_value <= 1):
        raise ParameterError(
            f"参数 margin (利润率 profit margin) 必须在 (0, 1] 之间, 收到 (got): {margin!r}"
        )
    require_columns(
        transactions, [customer_col, date_col, amount_col], what="交易数据 (transactions)"
    )
    order_col = invoice_col if invoice_col in transactions.columns else date_col
    for column in (customer_col, order_col, amount_col):
        missing = transactions[column].isna().to_numpy()
        if missing.any():
            row = first_bad_row(transactions, missing)
            raise DataError(f"列 '{column}' 有缺失值 (missing value), 第一处在行 (row) {row}")
    amount = pd.to_numeric(transactions[amount_col], errors="coerce")
    if amount.isna().any():
        row = first_bad_row(amount, amount.isna().to_numpy())
        raise DataError(f"列 '{amount_col}' 有非数值的金额 (non-numeric amount), 行 (row) {row}")

    frame = pd.DataFrame(
        {
            "customer": transactions[customer_col].to_numpy(),
            "order": transactions[order_col].to_numpy(),
            "date": transactions[date_col].to_numpy(),
            "amount": amount.to_numpy(np.float64),
        }
    )
    per_customer = frame.groupby("customer", sort=True).agg(
        orders=("order", "nunique"),
        revenue=("amount", "sum"),
        first_purchase=("date", "min"),
        last_purchase=("date", "max"),
    )
    per_customer["average_order_value"] = per_customer["revenue"] / per_customer["orders"]
    per_customer["historic_clv"] = per_customer["revenue"] * margin_value
    per_customer.index.name = customer_col
    return per_customer[
        [
            "orders",
            "revenue",
            "average_order_value",
            "first_purchase",
            "last_purchase",
            "historic_clv",
        ]
    ]
