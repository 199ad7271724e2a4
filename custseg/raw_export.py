"""The simulated orders as a shop system exports them, faults included (模拟数据), for practice.

:func:`custseg.datasets.load_cn_orders` is already clean. A real export is not: walk-in
customers have no customer id, the system sometimes exports a batch twice, refunds are
separate lines with a negative amount, and a typing slip puts an order in 2042.
:func:`raw_cn_orders` adds exactly these faults to the clean orders, seeded, so that the
final project can decide how to clean them; :func:`export_problems` counts them in Chinese.

The faults (all rows keep the columns of the clean orders):

- 散客 (walk-in) lines: copies of random lines with a new invoice id ``"SW…"`` and no
  ``customer_id``;
- double export: random lines repeated exactly;
- refunds: for random orders, a line ``"RT…"`` some days later with minus the amount of one
  of its lines (customers returning what they bought);
- date slips: a few lines whose year 2024 was typed as 2042.

Examples
--------
>>> raw = raw_cn_orders()
>>> export_problems(raw)["问题"].tolist()
['没有客户编号（散客）', '完全重复的行', '金额为负（退款）', '日期异常（远离其他订单）']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.frames import canonical_columns
from custseg.text_table import WholeTextTable
from custseg.vocabulary import chinese_label

__all__ = ["export_problems", "raw_cn_orders"]

SEED = 2025
WALK_IN_SHARE = 0.03
DUPLICATE_SHARE = 0.01
REFUND_SHARE = 0.01
DATE_SLIPS = 3


def raw_cn_orders(seed: int = SEED) -> pd.DataFrame:
    """The simulated orders with the faults of a raw system export (see the module docstring).

    Parameters
    ----------
    seed : int
        Seed of the random choices; the same seed gives the same table.

    Returns
    -------
    pandas.DataFrame
        The clean orders of :func:`custseg.datasets.load_cn_orders` plus the faulty lines,
        sorted by date, with a fresh index.

    Examples
    --------
    >>> from custseg.datasets import load_cn_orders
    >>> raw, clean = raw_cn_orders(), load_cn_orders()
    >>> len(raw) > len(clean), bool(raw["customer_id"].isna().any()), bool((raw["amount"] < 0).any())
    (True, True, True)
    >>> raw.equals(raw_cn_orders())
    True
    """
    from custseg.datasets import load_cn_orders

    rng = np.random.default_rng(seed)
    orders = load_cn_orders()
    n = len(orders)

    walk_in = orders.iloc[rng.choice(n, int(n * WALK_IN_SHARE), replace=False)].copy()
    walk_in["customer_id"] = pd.NA
    walk_in["invoice_id"] = [f"SW{i:06d}" for i in range(1, len(walk_in) + 1)]

    doubled = orders.iloc[rng.choice(n, int(n * DUPLICATE_SHARE), replace=False)].copy()

    returned = orders.iloc[rng.choice(n, int(n * REFUND_SHARE), replace=False)].copy()
    last_day = orders["invoice_date"].max()
    later = pd.to_timedelta(rng.integers(1, 15, len(returned)), unit="D")
    returned["invoice_date"] = (returned["invoice_date"] + later).clip(upper=last_day)
    returned["amount"] = -returned["amount"]
    returned["invoice_id"] = [f"RT{i:06d}" for i in range(1, len(returned) + 1)]

    in_2024 = np.flatnonzero((orders["invoice_date"].dt.year == 2024).to_numpy())
    slipped = orders.iloc[rng.choice(in_2024, DATE_SLIPS, replace=False)].copy()
    orders = orders.drop(index=slipped.index)
    slipped["invoice_date"] = slipped["invoice_date"] + pd.DateOffset(years=18)

    raw = pd.concat([orders, walk_in, doubled, returned, slipped])
    raw = raw.sort_values(["invoice_date", "invoice_id"], kind="stable").reset_index(drop=True)
    raw.attrs = {}
    return raw


def export_problems(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Count the typical faults of an order export, in Chinese: what to decide before cleaning.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Orders with ``customer_id``, ``invoice_date`` and ``amount``. Not modified.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the order date and the amount (defaults: the
        canonical names).

    Returns
    -------
    pandas.DataFrame
        One row per kind of fault: ``问题``, ``行数`` and ``例子`` (the first four fields of
        the first such line, with their Chinese names). A date is abnormal when it lies more than a year after the latest date of
        the other 99% of lines.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"customer_id": ["C1", None, "C1", "C1"],
    ...     "invoice_id": ["1", "2", "3", "3"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01"] * 4), "amount": [5.0, 3.0, -2.0, -2.0]})
    >>> export_problems(lines)[["问题", "行数"]]
                 问题  行数
    0    没有客户编号（散客）   1
    1        完全重复的行   1
    2      金额为负（退款）   2
    3  日期异常（远离其他订单）   0
    """
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        what="订单数据 (transactions)",
    )
    dates = pd.to_datetime(transactions["invoice_date"])
    usual_end = dates.quantile(0.99)
    checks = [
        ("没有客户编号（散客）", transactions["customer_id"].isna()),
        ("完全重复的行", transactions.duplicated()),
        ("金额为负（退款）", transactions["amount"] < 0),
        ("日期异常（远离其他订单）", dates > usual_end + pd.Timedelta(days=365)),
    ]
    rows = []
    for name, mask in checks:
        mask = mask.to_numpy(dtype=bool)
        example = ""
        if mask.any():
            first = transactions.loc[mask].iloc[0]
            example = "，".join(
                f"{chinese_label(column)} {_plain(first[column])}" for column in first.index[:4]
            )
        rows.append((name, int(mask.sum()), example))
    return WholeTextTable(rows, columns=["问题", "行数", "例子"])


def _plain(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "（空）"
    return str(value)
