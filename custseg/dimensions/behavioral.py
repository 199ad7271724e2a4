"""Behavioral segments (行为): purchase styles 忠诚型 / 冲动型 / 理性型 from transactions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.dimensions._plain import _plain
from custseg.errors import DataError, ParameterError, require_columns
from custseg.frames import canonical_columns, columns_as_given

__all__ = ["PURCHASE_STYLES", "purchase_style_table", "purchase_styles"]

# ------------------------------------------------------------------------------ behavioral

PURCHASE_STYLES = {
    "忠诚型": "多次复购、购买跨度长；建议：会员积分、专属服务、提前告知新品",
    "冲动型": "集中在促销季购买，或一次大单占了大部分消费；建议：限时优惠、搭配推荐、节日活动",
    "理性型": "按需购买、单笔金额适中、不依赖促销；建议：清楚的价格与规格、比较信息、口碑评价",
}
"""The three purchase styles of :func:`purchase_styles`, what marks them and how to serve them."""

_WHAT = "交易明细 (transactions)"


def purchase_styles(
    transactions: pd.DataFrame,
    *,
    loyal_min_orders: int = 5,
    loyal_min_days: int = 180,
    promo_months: Sequence[int] = (11, 12),
    impulsive_promo_share: float = 0.6,
    big_order_ratio: float = 3.0,
    impulsive_concentration: float = 0.5,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Behavioral purchase styles from transactions: 忠诚型 / 冲动型 / 理性型.

    Per customer: ``orders`` (distinct invoices; without ``invoice_id``, distinct
    purchase dates), ``span_days`` (calendar days from the first to the last purchase),
    ``total`` spend, ``largest_order`` (value of the biggest order),
    ``concentration`` (largest order / total), ``largest_vs_median`` (largest order /
    the median order value of all customers) and ``promo_share`` (share of spend made in
    the months ``promo_months``, by default November and December: 双十一, 双十二 and the
    Christmas season). The rules, applied in this order:

    1. 忠诚型 (loyal): ``orders >= loyal_min_orders`` and ``span_days >= loyal_min_days``;
    2. 冲动型 (impulsive): ``promo_share >= impulsive_promo_share``, or a big single
       basket: ``largest_vs_median >= big_order_ratio`` and
       ``concentration >= impulsive_concentration``;
    3. 理性型 (rational): everyone else.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Canonical transactions (``customer_id``, ``invoice_date``, ``amount``, and
        ``invoice_id`` if there is one), cleaned: every amount positive.
    loyal_min_orders, loyal_min_days, promo_months, impulsive_promo_share, big_order_ratio,
    impulsive_concentration
        The thresholds of the rules above.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``: the measures above and ``style``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["甲"] * 5 + ["乙", "丙", "丙"],
    ...     "invoice_date": pd.to_datetime(["2011-01-05", "2011-03-01", "2011-05-02",
    ...         "2011-07-04", "2011-09-01", "2011-11-11", "2011-02-01", "2011-06-01"]),
    ...     "amount": [50.0, 60, 40, 55, 45, 300, 50, 60]})
    >>> purchase_styles(tx)[["orders", "span_days", "promo_share", "style"]]
                 orders  span_days  promo_share style
    customer_id
    丙                 2        120          0.0   理性型
    乙                 1          0          1.0   冲动型
    甲                 5        239          0.0   忠诚型
    """
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    transactions = canonical_columns(transactions, **columns, what=_WHAT)
    with columns_as_given(**columns):
        return _purchase_styles(
            transactions,
            loyal_min_orders=loyal_min_orders,
            loyal_min_days=loyal_min_days,
            promo_months=promo_months,
            impulsive_promo_share=impulsive_promo_share,
            big_order_ratio=big_order_ratio,
            impulsive_concentration=impulsive_concentration,
        )


def _purchase_styles(
    transactions: pd.DataFrame,
    *,
    loyal_min_orders: int,
    loyal_min_days: int,
    promo_months: Sequence[int],
    impulsive_promo_share: float,
    big_order_ratio: float,
    impulsive_concentration: float,
) -> pd.DataFrame:
    require_columns(transactions, ["customer_id", "invoice_date", "amount"], what=_WHAT)
    months = sorted({int(m) for m in promo_months})
    if any(not 1 <= m <= 12 for m in months):
        raise ParameterError(
            f"promo_months 须为 1 到 12 的月份：收到 {list(promo_months)!r} (months are 1 to 12)"
        )
    for name, value in [
        ("impulsive_promo_share", impulsive_promo_share),
        ("impulsive_concentration", impulsive_concentration),
    ]:
        if not 0 < value <= 1:
            raise ParameterError(f"{name} 须在 (0, 1] 之间：收到 {value!r} (must be in (0, 1])")
    if loyal_min_orders < 1 or loyal_min_days < 0 or big_order_ratio <= 0:
        raise ParameterError(
            "阈值无效 (invalid threshold): "
            f"loyal_min_orders={loyal_min_orders!r}, loyal_min_days={loyal_min_days!r}, "
            f"big_order_ratio={big_order_ratio!r}"
        )
    amount = pd.to_numeric(transactions["amount"], errors="coerce")
    bad = ~(amount > 0)
    if bad.any():
        row = amount.index[bad.to_numpy()][0]
        raise DataError(
            f"金额 (amount) 须为正数，请先用 clean_transactions 清洗：索引 {_plain(row)!r}，"
            f"值 {_plain(transactions.loc[row, 'amount'])!r} (amount must be positive)"
        )
    dates = pd.to_datetime(transactions["invoice_date"])
    has_invoice = "invoice_id" in transactions.columns
    lines = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"].to_numpy(),
            "order": (
                transactions["invoice_id"] if has_invoice else dates.dt.normalize()
            ).to_numpy(),
            "date": dates.to_numpy(),
            "amount": amount.to_numpy(),
            "promo": dates.dt.month.isin(months).to_numpy(),
        }
    )
    if lines["customer_id"].isna().any():
        row = transactions.index[lines["customer_id"].isna().to_numpy()][0]
        raise DataError(f"缺少客户编号 (missing customer_id)：索引 {_plain(row)!r}")
    lines["promo_amount"] = lines["amount"].where(lines["promo"], 0.0)
    orders = lines.groupby(["customer_id", "order"], sort=False).agg(
        value=("amount", "sum"), date=("date", "min")
    )
    by_customer = lines.groupby("customer_id")
    table = pd.DataFrame(
        {
            "orders": orders.groupby(level="customer_id").size(),
            "span_days": (
                by_customer["date"].max().dt.normalize() - by_customer["date"].min().dt.normalize()
            ).dt.days,
            "total": by_customer["amount"].sum(),
            "largest_order": orders["value"].groupby(level="customer_id").max(),
        }
    )
    table["concentration"] = table["largest_order"] / table["total"]
    table["largest_vs_median"] = table["largest_order"] / orders["value"].median()
    table["promo_share"] = by_customer["promo_amount"].sum() / table["total"]
    loyal = (table["orders"] >= loyal_min_orders) & (table["span_days"] >= loyal_min_days)
    impulsive = (table["promo_share"] >= impulsive_promo_share) | (
        (table["largest_vs_median"] >= big_order_ratio)
        & (table["concentration"] >= impulsive_concentration)
    )
    table["style"] = np.where(loyal, "忠诚型", np.where(impulsive, "冲动型", "理性型"))
    return table


@renamed_keywords(data="transactions")
def purchase_style_table(transactions: pd.DataFrame, **keywords: Any) -> pd.DataFrame:
    """The purchase styles of :func:`purchase_styles` side by side, as a readable table.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Cleaned transactions, as for :func:`purchase_styles`. The old keyword ``data=``
        still works, with a :class:`DeprecationWarning`.
    **keywords
        Passed on to :func:`purchase_styles`: the thresholds (``loyal_min_orders=5`` …)
        and the column keywords (``customer_col=`` …).

    Returns
    -------
    pandas.DataFrame
        One row per style (忠诚型, 冲动型, 理性型): ``客户数``, ``客户占比``,
        ``销售额占比`` (text with %), ``平均订单数`` (one decimal), ``人均消费`` (whole
        units), ``促销季消费占比`` (text with %: the average share of spend made in the
        promotion months) and ``特征与建议``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["甲"] * 5 + ["乙", "丙", "丙"],
    ...     "invoice_date": pd.to_datetime(["2011-01-05", "2011-03-01", "2011-05-02",
    ...         "2011-07-04", "2011-09-01", "2011-11-11", "2011-02-01", "2011-06-01"]),
    ...     "amount": [50.0, 60, 40, 55, 45, 300, 50, 60]})
    >>> purchase_style_table(tx)[["客户数", "销售额占比", "平均订单数", "人均消费"]]
          客户数  销售额占比  平均订单数  人均消费
    购买风格
    忠诚型     1  37.9%    5.0   250
    冲动型     1  45.5%    1.0   300
    理性型     1  16.7%    2.0   110
    """
    styles = purchase_styles(transactions, **keywords)
    groups = styles.groupby("style")
    order = [style for style in PURCHASE_STYLES if style in groups.groups]
    sizes = groups.size().reindex(order)
    spend = groups["total"].sum().reindex(order)
    table = pd.DataFrame(
        {
            "客户数": sizes.astype("int64"),
            "客户占比": (sizes / sizes.sum()).map("{:.1%}".format),
            "销售额占比": (spend / spend.sum()).map("{:.1%}".format),
            "平均订单数": groups["orders"].mean().reindex(order).round(1),
            "人均消费": (spend / sizes).round(0).astype("int64"),
            "促销季消费占比": groups["promo_share"].mean().reindex(order).map("{:.1%}".format),
            "特征与建议": [PURCHASE_STYLES[style] for style in order],
        }
    )
    table.index.name = "购买风格"
    return table
