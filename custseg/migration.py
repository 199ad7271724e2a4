"""Segment migration as a table to read (客户群迁移表): who stayed, who moved, who is new.

:func:`custseg.segments.segment_migration` counts the customers by their segment on two
analysis days. :func:`migration_table` shows that count for a reader: the segments in the
scheme's order, the day in the headers, a total per row and the share of each segment's
customers still in it on the second day.

Examples
--------
>>> from custseg.datasets import load_cn_orders
>>> table = migration_table(load_cn_orders(), start="2024-06-30", end="2024-12-31")
>>> table.columns[-2:].tolist()
['合计', '留在原群']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custseg.segments import SCHEMES, segment_migration

__all__ = ["NEW_CUSTOMERS", "migration_table"]

NEW_CUSTOMERS = "（新客户）"
"""The row of customers whose first purchase falls between the two analysis days."""


def _order(names: pd.Index, scheme: str) -> list[str]:
    known = [rule[0] for rule in SCHEMES[scheme]] if scheme in SCHEMES else []
    first = [name for name in known if name in names]
    return first + sorted(name for name in names if name not in first)


def migration_table(
    transactions: Any,
    *,
    start: Any,
    end: Any,
    scheme: str = "cn8",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """How many customers moved from each segment to each other between two analysis days.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        Transactions (``customer_id``, ``invoice_date``, ``amount``, and ``invoice_id``
        when present), e.g. :func:`custseg.datasets.load_cn_orders`. Not modified.
    start, end : date-like
        The two analysis days, ``start`` first.
    scheme : str, default "cn8"
        The segment scheme (see :class:`custseg.segments.RFMSegmenter`).
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.rfm.rfm_table`.

    Returns
    -------
    pandas.DataFrame
        One row per segment on ``start`` (the scheme's order, then ``（新客户）``), one
        column per segment on ``end``, then ``合计`` (the row's customers) and ``留在原群``
        (the share still in the same segment, as "45%"; empty for new customers). The row
        header reads e.g. ``2024-06-30 的客户群`` and the column header
        ``2024-12-31 的客户群``; every customer of the second day is counted once.

    Examples
    --------
    >>> from custseg.datasets import load_cn_orders
    >>> orders = load_cn_orders()
    >>> table = migration_table(orders, start="2024-06-30", end="2024-12-31")
    >>> table.index.name, table.columns.name
    ('2024-06-30 的客户群', '2024-12-31 的客户群')
    >>> from custseg.rfm import rfm_table
    >>> int(table["合计"].sum()) == len(rfm_table(orders, as_of="2024-12-31"))
    True
    >>> shop = orders.rename(columns={"customer_id": "会员号", "invoice_date": "下单时间"})
    >>> migration_table(shop, start="2024-06-30", end="2024-12-31",
    ...                 customer_col="会员号", date_col="下单时间").equals(table)
    True
    """
    columns = dict(
        customer_col=customer_col, date_col=date_col, amount_col=amount_col, invoice_col=invoice_col
    )
    counts = segment_migration(transactions, start, end, scheme=scheme, **columns)
    rows = _order(counts.index.drop(NEW_CUSTOMERS, errors="ignore"), scheme)
    if NEW_CUSTOMERS in counts.index:
        rows.append(NEW_CUSTOMERS)
    columns = _order(counts.columns, scheme)
    table = counts.reindex(index=rows, columns=columns, fill_value=0).astype(int)
    total = table.sum(axis=1)
    stayed = [
        f"{table.loc[name, name] / total[name]:.0%}"
        if name in table.columns and total[name]
        else ""
        for name in table.index
    ]
    table["合计"] = total
    table["留在原群"] = stayed
    table.index.name = f"{pd.Timestamp(start):%Y-%m-%d} 的客户群"
    table.columns.name = f"{pd.Timestamp(end):%Y-%m-%d} 的客户群"
    return table
