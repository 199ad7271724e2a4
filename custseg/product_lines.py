"""Customer groups by what they buy, and a product line for each (the P&G case of module 08).

A customer whose spend is concentrated on one category (at least ``dominance`` of it) is
"<category>偏好型"; the others are 均衡型 (:func:`custseg.dimensions.dominant_segments`). For
each such group :data:`PRODUCT_LINES` suggests a product line: the sample shop's seven
keyword categories (:mod:`custseg.dimensions.categories`) and the four categories of the
simulated 禾悦食品 orders (:func:`custseg.datasets.load_cn_orders`).
"""

from __future__ import annotations

import pandas as pd

from custseg.dimensions import dominant_segments, spending_mix
from custseg.dimensions.categories import category_spend
from custseg.errors import ParameterError, require_columns
from custseg.frames import canonical_columns

__all__ = ["PRODUCT_LINES", "preference_groups", "product_line_table"]

PRODUCT_LINES = {
    # the sample shop (gifts and homeware), keyword categories
    "厨房餐具偏好型": "烘焙与下午茶系列：蛋糕架、茶具、烘焙模具成套销售",
    "家居园艺偏好型": "家居装饰系列：灯饰、相框、花园小物，按季节换新",
    "节日派对偏好型": "节日系列：提前两个月上架圣诞、复活节套装",
    "包袋收纳偏好型": "收纳系列：大号购物袋、收纳盒，多色组合装",
    "儿童玩具文具偏好型": "儿童系列：文具、手工玩具，开学季推广",
    "个人用品偏好型": "个人用品系列：暖水袋、雨伞、小饰品，作为礼品推荐",
    "其他偏好型": "买的多是关键词没覆盖的商品：逐一查看，也许是一条新的产品线",
    # 禾悦食品 (simulated), its four categories
    "休闲零食偏好型": "追剧零食系列：大包装分享装、口味轮换",
    "饮料冲调偏好型": "冲调订阅系列：按月配送、早餐搭配",
    "健康轻食偏好型": "轻食系列：低糖、高纤维、小份装，注明营养成分",
    "坚果礼盒偏好型": "节礼系列：春节、中秋礼盒，企业团购定制",
    # either
    "均衡型": "综合目录：新品组合、满额赠品",
}
"""Suggested product line per preference group."""


_WHAT = "订单数据 (orders)"


def _spend(transactions: pd.DataFrame, category_col: str | None, columns: dict) -> pd.DataFrame:
    """Spend per customer (rows) and category (columns)."""
    if category_col is None:
        return category_spend(transactions, **columns)
    transactions = canonical_columns(
        transactions, **columns, needed=("customer", "amount"), what=_WHAT
    )
    require_columns(transactions, [category_col], what=_WHAT)
    return transactions.pivot_table(
        index="customer_id", columns=category_col, values="amount", aggfunc="sum", fill_value=0.0
    )


def preference_groups(
    transactions: pd.DataFrame,
    *,
    dominance: float = 0.3,
    category_col: str | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.Series:
    """Each customer's preference group: "<category>偏好型" or 均衡型.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``customer_id`` and ``amount``, and either ``description`` (the
        sample shop: categories by keyword; drop postage and fees first with
        :func:`custseg.recommend.product_rows`) or a category column.
    dominance : float, default 0.3
        The least share of a customer's spend on one category that makes it his preference.
    category_col : str, optional
        The column holding the category (e.g. ``"category"`` for the 禾悦食品 orders);
        without it, categories come from the product descriptions.
    customer_col, date_col, amount_col : str
        Column names of the customer id and the amount (defaults: the canonical names);
        ``date_col`` is not read (it is accepted so that one set of column keywords
        serves every function).

    Returns
    -------
    pandas.Series
        One label per customer, indexed by ``customer_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "B"],
    ...                        "category": ["零食", "饮料", "零食", "饮料"],
    ...                        "amount": [90.0, 10.0, 50.0, 50.0]})
    >>> preference_groups(orders, dominance=0.6, category_col="category").to_dict()
    {'A': '零食偏好型', 'B': '均衡型'}
    >>> shop = orders.rename(columns={"customer_id": "会员号", "amount": "实付金额"})
    >>> preference_groups(shop, dominance=0.6, category_col="category",
    ...                   customer_col="会员号", amount_col="实付金额").to_dict()
    {'A': '零食偏好型', 'B': '均衡型'}
    """
    if isinstance(dominance, bool) or not 0 < dominance <= 1:
        raise ParameterError(
            f"dominance 是 0 到 1 之间的比例（0.3 表示 30%），收到 {dominance!r} (dominance: a share in [0, 1])"
        )
    columns = dict(customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    spend = _spend(transactions, category_col, columns)
    return dominant_segments(spending_mix(spend, list(spend.columns)), dominance=dominance)


def product_line_table(
    transactions: pd.DataFrame,
    *,
    dominance: float = 0.3,
    category_col: str | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """How many customers each preference group has, and the product line suggested for it.

    Parameters are those of :func:`preference_groups`.

    Returns
    -------
    pandas.DataFrame
        Index 客户群 (largest first); columns 客户数, 占比（%） (1 decimal), 建议产品线.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...                        "category": ["健康轻食", "饮料冲调", "健康轻食", "坚果礼盒"],
    ...                        "amount": [90.0, 10.0, 50.0, 80.0]})
    >>> product_line_table(orders, dominance=0.5, category_col="category")
              客户数  占比（%）                   建议产品线
    客户群
    健康轻食偏好型    2   66.7  轻食系列：低糖、高纤维、小份装，注明营养成分
    坚果礼盒偏好型    1   33.3     节礼系列：春节、中秋礼盒，企业团购定制
    """
    groups = preference_groups(
        transactions,
        dominance=dominance,
        category_col=category_col,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
    )
    counts = groups.value_counts()
    table = pd.DataFrame(
        {
            "客户数": counts.astype(int),
            "占比（%）": (100 * counts / counts.sum()).round(1),
            "建议产品线": [PRODUCT_LINES.get(g, "为这一群设计一条产品线") for g in counts.index],
        }
    )
    table.index.name = "客户群"
    return table
