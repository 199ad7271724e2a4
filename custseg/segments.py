"""RFM customer segments: the rule tables, and what a learner reads about the segments.

The segments themselves come from :mod:`custseg.segment_rules` (the rule tables, the schemes
``"cn8"`` and ``"classic"``, :class:`RFMSegmenter`, :func:`segment_customers`,
:func:`apply_rules`), re-exported here. This module adds what is read about them: the
segments in plain Chinese (:func:`scheme_table`), one row per segment
(:func:`segment_profile`), the cut points a slider starts from (:func:`default_cutoffs`) and
how customers moved between segments from one analysis day to another
(:func:`segment_migration`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custseg.errors import ParameterError, require_columns
from custseg.rfm import RFMScorer, rfm_table
from custseg.segment_rules import (
    SCHEMES,
    RFMSegmenter,
    apply_rules,
    rule_table,
    segment_customers,
)

__all__ = [
    "SCHEMES",
    "RFMSegmenter",
    "apply_rules",
    "default_cutoffs",
    "rule_table",
    "scheme_table",
    "segment_customers",
    "segment_migration",
    "segment_profile",
]


def segment_migration(
    transactions: Any,
    start: Any,
    end: Any,
    *,
    scheme: str | pd.DataFrame = "cn8",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """How customers moved between RFM segments from one analysis day to another.

    Segments are computed twice with :func:`custseg.rfm.rfm_table`: on the purchases
    up to ``start`` (that day included) and on those up to ``end``. Customers who first bought between
    the two days appear in the row ``"（新客户）"``.

    Parameters
    ----------
    transactions : pandas, polars, DuckDB or PySpark frame
        The purchases, as for :func:`custseg.rfm.rfm_table`.
    start, end : date-like
        The two analysis days, ``start`` before ``end``.
    scheme : {"cn8", "classic"} or pandas.DataFrame
        See :class:`RFMSegmenter` (``"classic"`` scores the customers first).
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.rfm.rfm_table` (defaults: the canonical names).

    Returns
    -------
    pandas.DataFrame
        A crosstab: rows the segment at ``start``, columns the segment at ``end``.
    """
    columns = dict(
        customer_col=customer_col, date_col=date_col, amount_col=amount_col, invoice_col=invoice_col
    )
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start >= end:
        raise ParameterError(f"start 必须早于 end (start must be before end): {start} >= {end}")

    def segments_at(day: pd.Timestamp) -> pd.Series:
        rfm = rfm_table(transactions, as_of=day, **columns)
        if isinstance(scheme, str) and scheme == "classic":
            rfm = RFMScorer(bins=5).fit_transform(rfm)
        return RFMSegmenter(scheme=scheme).fit_transform(rfm)["segment"]

    before, after = segments_at(start), segments_at(end)
    before = before.reindex(after.index).fillna("（新客户）")
    return pd.crosstab(before.rename("分析日 1 的客户群"), after.rename("分析日 2 的客户群"))


def default_cutoffs(rfm: pd.DataFrame) -> dict[str, float]:
    """The cut points the cn8 scheme starts from: the means, rounded as a slider shows them.

    R in whole days, F to one decimal, M to whole money units; the module 03 widget starts
    its sliders here.

    Examples
    --------
    >>> import pandas as pd
    >>> default_cutoffs(pd.DataFrame({"recency": [10, 31], "frequency": [1, 4],
    ...                               "monetary": [99.4, 300.0]}))
    {'recency': 20, 'frequency': 2.5, 'monetary': 200}
    """
    require_columns(rfm, ["recency", "frequency", "monetary"], what="RFM 表 (RFM table)")
    means = rfm[["recency", "frequency", "monetary"]].astype(float).mean()
    return {
        "recency": int(round(means["recency"])),
        "frequency": round(float(means["frequency"]), 1),
        "monetary": int(round(means["monetary"])),
    }


def segment_profile(segmented: pd.DataFrame) -> pd.DataFrame:
    """One row per segment, in Chinese: customers, their share and the average R, F, M.

    Parameters
    ----------
    segmented : pandas.DataFrame
        From :func:`segment_customers` (``segment``, ``recency``, ``frequency``,
        ``monetary``).

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户群 in the scheme's order (largest first for a home-made table):
        客户数, 客户占比 (text such as ``"25.0%"``), 平均最近购买距今天数, 平均购买次数,
        平均消费金额, 消费金额合计; averages rounded to one decimal, money to whole units.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 300, 20, 250], "frequency": [9, 8, 1, 1],
    ...                     "monetary": [900.0, 700.0, 50.0, 30.0]})
    >>> segment_profile(segment_customers(rfm))[["客户数", "客户占比", "平均消费金额"]]
            客户数   客户占比  平均消费金额
    客户群
    重要价值客户    1  25.0%      900
    重要保持客户    1  25.0%      700
    一般发展客户    1  25.0%       50
    一般挽留客户    1  25.0%       30
    """
    require_columns(
        segmented, ["segment", "recency", "frequency", "monetary"], what="分群结果 (segments)"
    )
    grouped = segmented.groupby("segment", sort=False)
    table = pd.DataFrame(
        {
            "客户数": grouped.size(),
            "客户占比": grouped.size() / len(segmented),
            "平均最近购买距今天数": grouped["recency"].mean().round(1),
            "平均购买次数": grouped["frequency"].mean().round(1),
            "平均消费金额": grouped["monetary"].mean().round(0).astype("int64"),
            "消费金额合计": grouped["monetary"].sum().round(0).astype("int64"),
        }
    )
    order = [row[0] for rows in SCHEMES.values() for row in rows]
    ranked = sorted(table.index, key=lambda name: (order.index(name) if name in order else 99,
                                                   -table.loc[name, "客户数"]))  # fmt: skip
    table = table.loc[ranked]
    table["客户占比"] = [f"{share:.1%}" for share in table["客户占比"]]
    table.index.name = "客户群"
    return table


def scheme_table(scheme: str = "cn8") -> pd.DataFrame:
    """A built-in scheme in plain Chinese: each segment, when a customer is in it, and what to do.

    For ``"cn8"`` the rule is written as R 近/远, F 多/少, M 高/低 (against the cut points,
    by default the means); for ``"classic"`` as the condition on the 1-5 R and F scores.

    Examples
    --------
    >>> scheme_table("cn8").loc["重要保持客户", ["R 最近购买", "F 购买次数", "M 消费金额"]].tolist()
    ['远', '多', '高']
    """
    rules = rule_table(scheme)
    table = pd.DataFrame(index=pd.Index(rules["segment"], name="客户群"))
    table["英文名"] = rules["segment_en"].to_numpy()
    if scheme == "cn8":
        flags = pd.DataFrame(
            [(r, f, m) for r in (True, False) for f in (True, False) for m in (True, False)],
            columns=["r_high", "f_high", "m_high"],
        )
        named = apply_rules(flags, rules).set_index("segment")
        flags.index = named.index
        table["R 最近购买"] = flags["r_high"].map({True: "近", False: "远"})
        table["F 购买次数"] = flags["f_high"].map({True: "多", False: "少"})
        table["M 消费金额"] = flags["m_high"].map({True: "高", False: "低"})
    else:
        table["规则（R 分、F 分）"] = (
            rules["rule"].str.replace("r_score", "R 分").str.replace("f_score", "F 分").to_numpy()
        )
    table["建议动作"] = rules["action"].to_numpy()
    return table
