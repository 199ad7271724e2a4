"""Quality function deployment (QFD, 质量功能展开): from a segment's needs to product requirements.

A small House of Quality (质量屋): the rows are customer needs with their importance to one
customer segment, the columns are product or service requirements, and each cell says how
strongly a requirement serves a need (9 strong, 3 medium, 1 weak, 0 none). A requirement's
technical importance is the sum over the needs of importance times strength; ranking the
requirements by it tells the product team what to work on first for that segment.

The needs here are the five survey questions of the simulated 禾悦食品 customers (1-5
Likert answers, see :func:`custseg.datasets.load_cn_customers`); a segment's importance of a
need is its customers' mean answer (:func:`segment_needs`). The requirements and the
strengths of :data:`RELATIONS` are a worked example for the course, a product team's
judgement, not data.

Examples
--------
>>> needs = segment_needs(load_customers=True)
>>> house_of_quality(needs=needs, segment="重要价值客户").columns.tolist()
['产品要求', '技术重要度', '占比', '排名']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns

__all__ = ["NEEDS", "RELATIONS", "house_of_quality", "segment_needs"]

NEEDS = {
    "price_sensitivity": "价格实惠",
    "health_focus": "健康配料",
    "brand_loyalty": "品牌可信",
    "novelty_seeking": "口味新颖",
    "convenience": "买得方便",
}
"""Survey column → the customer need it measures (the rows of the House of Quality)."""

RELATIONS = pd.DataFrame(
    {
        "推出家庭装和促销装": [9, 0, 0, 0, 3],
        "减糖减盐、配料表干净": [0, 9, 3, 0, 0],
        "包装印上溯源和质检信息": [0, 3, 9, 0, 0],
        "每季度上新口味": [0, 0, 1, 9, 0],
        "进社区便利店和即时零售": [1, 0, 0, 0, 9],
    },
    index=pd.Index(list(NEEDS.values()), name="客户需求"),
)
"""How strongly each requirement (column) serves each need (row): 9, 3, 1 or 0."""


def segment_needs(
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
    *,
    load_customers: bool = False,
    scheme: str = "cn8",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """The importance of each need to each RFM segment: its customers' mean survey answer.

    Parameters
    ----------
    customers : pandas.DataFrame, optional
        One row per customer with ``customer_id`` and the survey columns of :data:`NEEDS`.
    transactions : pandas.DataFrame, optional
        Their orders; the segments are :func:`custseg.segments.segment_customers` of
        :func:`custseg.rfm.rfm_table` on them.
    load_customers : bool, default False
        Use the simulated 禾悦食品 customers and orders instead (模拟数据).
    scheme : str, default "cn8"
        The segment scheme.
    customer_col, date_col, amount_col, invoice_col : str
        Column names in ``transactions`` of the customer id, the purchase date, the amount
        and the invoice number, passed to :func:`custseg.rfm.rfm_table` (defaults: the
        canonical names). The customer table keeps ``customer_id``.

    Returns
    -------
    pandas.DataFrame
        One row per segment (in the scheme's order), ``客户数`` then one column per need
        (Chinese name) with the mean answer, 1 to 5, rounded to 0.01.

    Examples
    --------
    >>> needs = segment_needs(load_customers=True)
    >>> needs.columns.tolist()
    ['客户数', '价格实惠', '健康配料', '品牌可信', '口味新颖', '买得方便']
    >>> int(needs["客户数"].sum())
    2000
    """
    from custseg.rfm import rfm_table
    from custseg.segments import SCHEMES, segment_customers

    if load_customers:
        from custseg.datasets import load_cn_customers, load_cn_orders

        customers, transactions = load_cn_customers(), load_cn_orders()
    if customers is None or transactions is None:
        raise ParameterError(
            "需要客户表和订单表 (customers and transactions)，或 load_customers=True"
        )
    require_columns(customers, ["customer_id", *NEEDS], what="客户表 (customers)")
    rfm = rfm_table(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        invoice_col=invoice_col,
    )
    segments = segment_customers(rfm, scheme=scheme)["segment"]
    answers = customers.set_index("customer_id")[list(NEEDS)]
    joined = answers.join(segments, how="inner")
    if joined.empty:
        raise DataError("客户表和订单表没有共同的客户编号 (no customer in both tables)")
    grouped = joined.groupby("segment", sort=False)
    table = grouped[list(NEEDS)].mean().round(2).rename(columns=NEEDS)
    table.insert(0, "客户数", grouped.size())
    order = [rule[0] for rule in SCHEMES.get(scheme, [])]
    table = table.loc[sorted(table.index, key=lambda n: order.index(n) if n in order else 99)]
    table.index.name = "客户群"
    return table


def house_of_quality(
    *, needs: pd.DataFrame, segment: Any, relations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Rank the product requirements for one segment by technical importance.

    Parameters
    ----------
    needs : pandas.DataFrame
        From :func:`segment_needs`: one row per segment, one column per need.
    segment : str
        The segment to design for, e.g. ``"重要价值客户"``.
    relations : pandas.DataFrame, optional
        Needs (rows) × requirements (columns), strengths 0/1/3/9; default :data:`RELATIONS`.

    Returns
    -------
    pandas.DataFrame
        One row per requirement, most important first: ``产品要求``, ``技术重要度``
        (sum of importance × strength, rounded to 0.1), ``占比`` (of the total, as "23.4%")
        and ``排名`` (1 = work on first).

    Examples
    --------
    >>> import pandas as pd
    >>> needs = pd.DataFrame({"价格实惠": [5.0], "健康配料": [1.0]}, index=["学生"])
    >>> relations = pd.DataFrame({"促销装": [9, 0], "减糖配方": [0, 9]},
    ...                          index=["价格实惠", "健康配料"])
    >>> house_of_quality(needs=needs, segment="学生", relations=relations)
      产品要求  技术重要度     占比  排名
    0  促销装   45.0  83.3%   1
    1 减糖配方    9.0  16.7%   2
    """
    relations = RELATIONS if relations is None else relations
    if segment not in needs.index:
        raise ParameterError(
            f"没有客户群 {segment!r} (unknown segment)；可选：{'、'.join(map(str, needs.index))}"
        )
    require_columns(needs, list(relations.index), what="客户需求表 (needs)")
    importance = needs.loc[segment, list(relations.index)].astype(float)
    scores = relations.astype(float).mul(importance, axis=0).sum()
    scores = scores.sort_values(ascending=False, kind="stable")
    total = float(scores.sum())
    return pd.DataFrame(
        {
            "产品要求": scores.index,
            "技术重要度": scores.round(1).to_numpy(),
            "占比": [f"{value / total:.1%}" if total else "" for value in scores],
            "排名": range(1, len(scores) + 1),
        }
    )
