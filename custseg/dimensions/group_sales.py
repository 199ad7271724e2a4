"""Sales per segment of the order lines: customers, orders, sales, share and sales per customer."""

from __future__ import annotations

import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.dimensions.labels import segment_labels
from custseg.errors import DataError, require_columns
from custseg.frames import canonical_columns, columns_as_given

__all__ = ["sales_by"]


@renamed_keywords(data="transactions")
def sales_by(
    transactions: pd.DataFrame,
    by: str,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Compare segments of order lines (by city tier, province, channel, category…) on sales.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``customer_id``, ``amount`` and the column ``by`` (``invoice_id``
        when there is one). Not modified. The old keyword ``data=`` still works, with a
        :class:`DeprecationWarning`.
    by : str
        The segmenting column, e.g. ``"city_tier"``.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the order date (not read; accepted so that one
        set of column keywords works for every function), the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment, largest sales first: ``客户数``, ``订单数`` (with
        ``invoice_id``), ``销售额`` (whole units), ``销售额占比`` (text with %) and
        ``人均销售额`` (sales per customer, whole units). A customer who bought in two
        segments counts in both.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"], "invoice_id": ["1", "2", "3", "4"],
    ...                        "amount": [100.0, 50.0, 30.0, 20.0],
    ...                        "city_tier": ["一线", "一线", "二线", "二线"]})
    >>> sales_by(orders, by="city_tier")
          客户数  订单数  销售额  销售额占比  人均销售额
    城市级别
    一线      1    2  150  75.0%    150
    二线      2    2   50  25.0%     25
    """
    what = "订单数据 (orders)"
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    data = canonical_columns(transactions, **columns, needed=("customer", "amount"), what=what)
    with columns_as_given(**columns):
        require_columns(data, ["customer_id", "amount", by], what=what)
        amounts = pd.to_numeric(data["amount"], errors="coerce")
        if amounts.isna().any():
            row = data.index[amounts.isna().to_numpy()][0]
            raise DataError(
                f"金额 (amount) 不是数字：索引 {row!r}，值 {data.loc[row, 'amount']!r}"
                " (amount is not a number)"
            )
    labels = segment_labels(data, by)
    lines = pd.DataFrame(
        {
            "segment": labels.to_numpy(),
            "customer_id": data["customer_id"].to_numpy(),
            "amount": amounts,
        }
    )
    if "invoice_id" in data.columns:
        lines["order"] = data["invoice_id"].to_numpy()
    groups = lines.groupby("segment", observed=True, dropna=True)
    table = pd.DataFrame({"客户数": groups["customer_id"].nunique()})
    if "order" in lines.columns:
        table["订单数"] = groups["order"].nunique()
    sales = groups["amount"].sum()
    table["销售额"] = sales.round(0).astype("int64")
    table["销售额占比"] = (sales / sales.sum()).map("{:.1%}".format)
    table["人均销售额"] = (sales / table["客户数"]).round(0).astype("int64")
    table = table.sort_values("销售额", ascending=False, kind="stable")
    table.index = table.index.astype(str)
    table.index.name = labels.name
    return table
