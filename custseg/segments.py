"""RFM customer segments: the rule tables, and what a learner reads about the segments.

The segments themselves come from :mod:`custseg.segment_rules` (the rule tables, the schemes
``"cn8"`` and ``"classic"``, :class:`RFMSegmenter`, :func:`segment_customers`,
:func:`apply_rules`), re-exported here. This module adds what is read about them: the
segments in plain Chinese (:func:`scheme_table`), one row per segment
(:func:`segment_profile`), the cut points a slider starts from (:func:`default_cutoffs`) and
the largest it offers (:func:`cutoff_limits`), the customers per segment
(:func:`segment_sizes`, :func:`segment_sentence`), the analysis days of dynamic segmentation
(:func:`analysis_days`) and how customers moved between segments from one analysis day to
another (:func:`segment_migration`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns
from custseg.frames import canonical_columns, columns_as_given, to_pandas
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
    "analysis_days",
    "apply_rules",
    "cutoff_limits",
    "default_cutoffs",
    "rule_table",
    "scheme_table",
    "segment_customers",
    "segment_migration",
    "segment_profile",
    "segment_sentence",
    "segment_sizes",
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
    start, end = _day(start, "start"), _day(end, "end")
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


def _day(value: Any, name: str) -> pd.Timestamp:
    """``value`` as a day, or a :class:`ParameterError` naming the argument and the value."""
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise ParameterError(
            f'{name} 不是日期：收到 {value!r}，请写成 "2011-06-01" 这样的日期 '
            f"({name} is not a date)"
        ) from error
    if pd.isna(day):
        raise ParameterError(f"{name} 不能为空：收到 {value!r} ({name} is missing)")
    return day


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


def segment_sizes(segments: pd.Series, scheme: str = "cn8") -> pd.Series:
    """Customers per segment of ``scheme``, in the scheme's order, 0 where a segment is empty.

    Parameters
    ----------
    segments : pandas.Series
        One segment name per customer (the ``segment`` column of :func:`segment_customers`).
    scheme : {"cn8", "classic"}
        The built-in scheme whose segments, in its order, index the result.

    Returns
    -------
    pandas.Series
        Named ``customers``, indexed by the scheme's segment names.

    Raises
    ------
    DataError
        If ``segments`` holds a name that is not a segment of ``scheme`` (those customers
        would otherwise vanish from the counts).

    Examples
    --------
    >>> import pandas as pd
    >>> segment_sizes(pd.Series(["重要价值客户", "一般挽留客户", "重要价值客户"])).tolist()
    [2, 0, 0, 0, 0, 0, 0, 1]
    """
    names = rule_table(scheme)["segment"].tolist()
    counts = segments.value_counts()
    unknown = [name for name in counts.index if name not in names]
    if unknown:
        raise DataError(
            f"客户群 {unknown[0]!r} 不是方案 {scheme!r} 的客户群（共 {int(counts[unknown].sum())} "
            f"位客户）(segment {unknown[0]!r} is not a segment of scheme {scheme!r})"
        )
    return counts.reindex(names, fill_value=0).rename("customers")


def segment_sentence(segments: pd.Series) -> str:
    """The customers of each segment in one Chinese line, the largest first.

    Parameters
    ----------
    segments : pandas.Series
        One segment name per customer.

    Returns
    -------
    str
        ``"<segment> <n> 人"`` per segment, joined by a Chinese comma.

    Examples
    --------
    >>> import pandas as pd
    >>> segment_sentence(pd.Series(["重要价值客户", "一般挽留客户", "重要价值客户"]))
    '重要价值客户 2 人，一般挽留客户 1 人'
    """
    counts = segments.value_counts()
    return "，".join(f"{name} {count} 人" for name, count in counts.items())


def cutoff_limits(rfm: pd.DataFrame) -> dict[str, float]:
    """The largest R, F and M cut points worth offering on a slider.

    The largest recency, and the 99th percentile of frequency and of monetary (a few huge
    buyers would otherwise squeeze the slider so that every useful value sits at its left end).

    Parameters
    ----------
    rfm : pandas.DataFrame
        From :func:`custseg.rfm.rfm_table` (``recency``, ``frequency``, ``monetary``).

    Returns
    -------
    dict
        ``recency`` (whole days), ``frequency`` (float) and ``monetary`` (whole money units).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": range(1, 102), "frequency": range(1, 102),
    ...                     "monetary": [10.0 * n for n in range(1, 102)]})
    >>> cutoff_limits(rfm)
    {'recency': 101, 'frequency': 100.0, 'monetary': 1000}
    """
    require_columns(rfm, ["recency", "frequency", "monetary"], what="RFM 表 (RFM table)")
    return {
        "recency": int(rfm["recency"].max()),
        "frequency": float(rfm["frequency"].quantile(0.99)),
        "monetary": int(rfm["monetary"].quantile(0.99)),
    }


def analysis_days(
    transactions: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> list[pd.Timestamp]:
    """The analysis days of dynamic segmentation: first days of months, two months of history first.

    From the first day of the third month of the data to the first day of the month after
    the last purchase.

    Parameters
    ----------
    transactions : pandas, polars, DuckDB or PySpark frame
        The purchases, with a date column.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number (defaults: the canonical names). Only the date is read; the others are
        accepted so that one set of column keywords works for every function.

    Returns
    -------
    list of pandas.Timestamp

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2011-01-05", "2011-04-20"])})
    >>> [f"{day:%Y-%m-%d}" for day in analysis_days(tx)]
    ['2011-03-01', '2011-04-01', '2011-05-01']
    """
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    with columns_as_given(**columns):
        renamed = canonical_columns(transactions, **columns, needed=("date",))
    if not isinstance(renamed, pd.DataFrame):
        renamed = to_pandas(renamed)
    dates = pd.to_datetime(renamed["invoice_date"].reset_index(drop=True))
    if dates.isna().any():
        row = int(dates.isna().to_numpy().argmax())
        raise DataError(
            f"交易表的列 {date_col!r} 第 {row + 1} 行没有日期 (column {date_col!r} has no date "
            f"in row {row + 1})"
        )
    first, last = dates.min().to_period("M") + 2, dates.max().to_period("M") + 1
    return [period.to_timestamp() for period in pd.period_range(first, last, freq="M")]
