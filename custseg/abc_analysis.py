"""ABC analysis (ABC 分类) and value concentration: Pareto shares, Lorenz curve, Gini.

Customers are ranked by value (usually total spend). Walking down the ranking, the
cumulative share of value grows to 100 %; with the default cut points (0.8, 0.95):

- **A 重点客户**: the top customers who together first reach 80 % of all value;
- **B 重要客户**: the next customers, up to 95 %;
- **C 一般客户**: the rest.

Precisely, a customer is A when the share held by the customers ranked *above* it is
below 0.8 (so the customer who crosses 80 % is still A), B when it is below 0.95.

Every function accepts either the values themselves (a pandas Series indexed by
customer, a polars Series, a numpy array or a list) or a frame of any library
supported by :mod:`custseg.frames` (pandas, polars, DuckDB, PySpark): transactions
(``customer_id`` and ``amount``, summed per customer by that library), or one row per
customer with a ``monetary`` column (such as :func:`custseg.rfm.rfm_table`). Values must
be non-negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.frames import as_lazy, canonical_columns, column_names, to_pandas

__all__ = [
    "ABC_LABELS",
    "TIER_NAMES",
    "abc_class_table",
    "abc_classify",
    "abc_preview",
    "abc_summary",
    "concentration_sentence",
    "concentration_table",
    "customer_values",
    "gini",
    "lorenz_curve",
    "top_share",
    "value_tiers",
]

ABC_LABELS = {"A": "重点客户", "B": "重要客户", "C": "一般客户"}
"""Chinese label of each ABC class."""


def _from_frame(data: Any) -> pd.Series:
    names = column_names(data)
    lazy = as_lazy(data, engine="auto")
    if "amount" in names and "customer_id" in names:
        query = lazy.group_by("customer_id").agg(nw.col("amount").sum().alias("value"))
        table = to_pandas(query.sort("customer_id")).set_index("customer_id")
        # Engines add in different orders; rounding far below a cent makes ties agree.
        return table["value"].round(6)
    if "monetary" in names:
        # A pandas table such as rfm_table's keeps the customer ids in its index.
        table = data if isinstance(data, pd.DataFrame) else to_pandas(lazy)
        if "customer_id" in table.columns:
            table = table.set_index("customer_id")
        return table["monetary"].rename("value")
    raise DataError(
        "数据表需要 customer_id 和 amount 两列（交易表），或 monetary 列（每个客户一行）"
        f"(needs customer_id + amount, or monetary)。现有的列 (columns found): {names}"
    )


def customer_values(
    data: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.Series:
    """The value of each customer as a pandas Series, checked for ABC and Lorenz analysis.

    Parameters
    ----------
    data : Series, array, list, or frame
        Values per customer (a pandas Series keeps its index as customer ids; other
        sequences are numbered from 0), transactions with ``customer_id`` and
        ``amount`` (summed per customer), or a per-customer frame with ``monetary``.
    customer_col, date_col, amount_col : str
        For transactions: column names of the customer id and the amount (defaults:
        the canonical names), as in :func:`custseg.rfm.rfm_table`; a name other than
        the default must be present. ``date_col`` is not read (it is accepted so that
        one set of column keywords serves every function). Not used for values.

    Returns
    -------
    pandas.Series
        Float values named ``value``, indexed by customer.

    Raises
    ------
    DataError
        No customers, a missing value or a negative value (naming the customer),
        or a total of zero.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [2, 1, 2], "amount": [5.0, 3.0, 1.0]})
    >>> customer_values(tx)
    customer_id
    1    3.0
    2    6.0
    Name: value, dtype: float64
    >>> customer_values(pd.Series([4.0, -1.0], index=["x", "y"]))
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 客户 (customer) y 的价值为负数 (negative value): -1.0。...
    """
    if isinstance(data, pd.Series):
        values = data.copy()
    elif isinstance(data, np.ndarray | list | tuple):
        values = pd.Series(np.asarray(data), index=pd.RangeIndex(len(data), name="customer_id"))
    else:
        native = nw.to_native(data, pass_through=True)
        try:
            series = nw.from_native(native, series_only=True)
        except TypeError:
            if (customer_col, amount_col) != ("customer_id", "amount"):
                data = canonical_columns(
                    data,
                    customer_col=customer_col,
                    date_col=date_col,
                    amount_col=amount_col,
                    needed=("customer", "amount"),
                )
            values = _from_frame(data)
        else:
            values = series.to_pandas()
            values.index = pd.RangeIndex(len(values), name="customer_id")
    if len(values) == 0:
        raise DataError("没有任何客户 (no customers)")
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    missing = numbers.isna().to_numpy()
    if missing.any():
        first = values.index[np.flatnonzero(missing)[0]]
        raise DataError(
            f"客户 (customer) {first} 的价值缺失或不是数值 (missing or non-numeric value): "
            f"{values.loc[first]}"
        )
    negative = (numbers < 0).to_numpy()
    if negative.any():
        first = values.index[np.flatnonzero(negative)[0]]
        raise DataError(
            f"客户 (customer) {first} 的价值为负数 (negative value): {numbers.loc[first]}。"
            "ABC 分析只接受非负值，请先去掉退货或换用净额为正的数据。"
        )
    if numbers.sum() == 0:
        raise DataError("所有客户的价值都是 0 (all values are zero)，无法计算占比 (shares)")
    return numbers.rename("value")


def _check_cuts(cuts: Sequence[float]) -> tuple[float, float]:
    try:
        a_cut, b_cut = (float(c) for c in cuts)
    except (TypeError, ValueError):
        raise ParameterError(
            f"cuts 需要两个累计占比 (two cumulative shares), 收到 (got) {cuts!r}"
        ) from None
    if not 0 < a_cut < b_cut <= 1:
        raise ParameterError(
            f"cuts 必须满足 0 < A < B <= 1 (must be increasing), 收到 (got) {cuts!r}"
        )
    return a_cut, b_cut


def abc_classify(
    data: Any,
    *,
    cuts: Sequence[float] = (0.8, 0.95),
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Classify customers A / B / C by their cumulative share of value.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.
    cuts : pair of float, default (0.8, 0.95)
        Cumulative shares where A and B end.

    Returns
    -------
    pandas.DataFrame
        One row per customer, from the highest value down (ties keep their input
        order), with ``value``, ``share`` (of the total), ``cum_share`` (including the
        customer), ``abc_class`` ("A", "B", "C") and ``abc_label`` (重点客户, 重要客户,
        一般客户).

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.Series([500.0, 300.0, 100.0, 60.0, 40.0], index=list("abcde"))
    >>> abc_classify(spend)
       value  share  cum_share abc_class abc_label
    a  500.0   0.50       0.50         A      重点客户
    b  300.0   0.30       0.80         A      重点客户
    c  100.0   0.10       0.90         B      重要客户
    d   60.0   0.06       0.96         B      重要客户
    e   40.0   0.04       1.00         C      一般客户
    """
    a_cut, b_cut = _check_cuts(cuts)
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    ordered = values.iloc[np.argsort(-values.to_numpy(), kind="stable")]
    share = ordered / ordered.sum()
    cum_share = share.cumsum()
    before = (cum_share - share).to_numpy()
    # Compare with a tolerance so that float rounding never moves a customer across a cut.
    eps = 1e-12
    classes = np.where(before < a_cut - eps, "A", np.where(before < b_cut - eps, "B", "C"))
    result = pd.DataFrame(
        {"value": ordered, "share": share, "cum_share": cum_share, "abc_class": classes},
        index=ordered.index,
    )
    result["abc_label"] = result["abc_class"].map(ABC_LABELS)
    return result


def lorenz_curve(
    data: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Points of the Lorenz curve: the poorest x share of customers holds y of the value.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    pandas.DataFrame
        ``n + 1`` rows from (0, 0) to (1, 1), customers sorted from the lowest value
        up: ``customer_share`` (cumulative share of customers) and ``value_share``
        (cumulative share of value).

    Examples
    --------
    >>> lorenz_curve([1.0, 3.0])
       customer_share  value_share
    0             0.0         0.00
    1             0.5         0.25
    2             1.0         1.00
    """
    values = np.sort(
        customer_values(
            data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
        ).to_numpy()
    )
    n = len(values)
    value_share = np.concatenate([[0.0], np.cumsum(values) / values.sum()])
    value_share[-1] = 1.0
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n, "value_share": value_share})


def gini(
    data: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> float:
    """Gini coefficient of the values: 0 when all are equal, near 1 when one holds all.

    Computed as ``2 * sum(i * x_(i)) / (n * sum(x)) - (n + 1) / n`` with the values
    sorted upwards (``i`` from 1), which is one minus twice the area under the
    Lorenz curve of :func:`lorenz_curve`.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    float

    Examples
    --------
    >>> gini([5.0, 5.0, 5.0, 5.0])
    0.0
    >>> round(gini([0.0, 0.0, 0.0, 10.0]), 2)
    0.75
    """
    values = np.sort(
        customer_values(
            data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
        ).to_numpy()
    )
    n = len(values)
    ranks = np.arange(1, n + 1)
    coefficient = 2.0 * np.sum(ranks * values) / (n * values.sum()) - (n + 1) / n
    return float(max(coefficient, 0.0) if abs(coefficient) > 1e-12 else 0.0)


def _share_argument(value: object, name: str, upper: float) -> float:
    """A share argument as a float in (0, upper], or a ParameterError naming it and its value."""
    number = None
    if isinstance(value, Real) and not isinstance(value, bool):
        number = float(value)
    if number is None or not 0 < number <= upper:
        raise ParameterError(
            f"{name} 必须是 (0, {upper}] 之间的数 (must be a number in (0, {upper}]), "
            f"收到 (got) {value!r}"
        )
    return number


def top_share(
    data: Any,
    top: float = 0.2,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> float:
    """Share of all value held by the top ``top`` fraction of customers.

    Read from the Lorenz curve, interpolating linearly between customers:
    ``1 - L(1 - top)``. With ``top=0.2`` this is the "80/20" (二八法则) check.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    top : float, default 0.2
        Fraction of customers, in (0, 1].
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    float

    Examples
    --------
    >>> top_share([10.0, 20.0, 30.0, 40.0, 900.0], top=0.2)
    0.9
    """
    top = _share_argument(top, "top", 1)
    curve = lorenz_curve(data, customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    below = np.interp(1 - top, curve["customer_share"], curve["value_share"])
    return float(1 - below)


TIER_NAMES = ("高价值客户", "中价值客户", "低价值客户")
"""The three value tiers of :func:`value_tiers`, from the top down."""


def _percent(shares: pd.Series) -> list[str]:
    return [f"{share:.1%}" for share in shares]


def abc_preview(classified: pd.DataFrame, rows: int = 10) -> pd.DataFrame:
    """The first ``rows`` customers of :func:`abc_classify` in Chinese, shares as percentages.

    Examples
    --------
    >>> abc_preview(abc_classify(pd.Series([500.0, 300.0, 200.0], index=list("abc"))), rows=2)
             消费金额    占比   累计占比 ABC 类
    客户编号
    a     500.0  50.0%  50.0%   A 重点客户
    b     300.0  30.0%  80.0%   A 重点客户
    """
    if int(rows) != rows or rows < 1:
        raise ParameterError(f"rows 必须是正整数 (positive integer)，收到 (got) {rows!r}")
    top = classified.head(int(rows))
    table = pd.DataFrame(
        {
            "消费金额": top["value"].round(2),
            "占比": _percent(top["share"]),
            "累计占比": _percent(top["cum_share"]),
            "ABC 类": top["abc_class"] + " " + top["abc_label"],
        },
        index=top.index,
    )
    table.index.name = "客户编号"
    return table


def abc_summary(classified: pd.DataFrame) -> pd.DataFrame:
    """Customers and value of each ABC class, with their shares, as numbers.

    Parameters
    ----------
    classified : pandas.DataFrame
        From :func:`abc_classify` (``abc_class`` and ``value`` columns).

    Returns
    -------
    pandas.DataFrame
        One row per class, A, B, C, indexed ``"A 重点客户"`` …: 客户数, 客户占比 (of all
        customers), 价值, 价值占比 (of all value); a class without customers has 0.
        :func:`abc_class_table` is the same table written for reading.

    Examples
    --------
    >>> abc_summary(abc_classify([500.0, 300.0, 100.0, 60.0, 40.0]))
              客户数  客户占比   价值  价值占比
    A 重点客户    2   0.4  800.0   0.8
    B 重要客户    2   0.4  160.0   0.16
    C 一般客户    1   0.2   40.0   0.04
    """
    grouped = classified.groupby("abc_class")["value"]
    table = pd.DataFrame({"客户数": grouped.size(), "价值": grouped.sum()})
    table = table.reindex(list(ABC_LABELS), fill_value=0)
    table.insert(1, "客户占比", table["客户数"] / table["客户数"].sum())
    table["价值占比"] = table["价值"] / table["价值"].sum()
    table.index = [f"{cls} {ABC_LABELS[cls]}" for cls in table.index]
    return table


def abc_class_table(classified: pd.DataFrame) -> pd.DataFrame:
    """Customers and value of each ABC class, in Chinese, shares as percentages.

    Parameters
    ----------
    classified : pandas.DataFrame
        From :func:`abc_classify`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ABC 类 (``"A 重点客户"`` …): 客户数, 客户占比, 消费金额 (rounded to
        whole units), 金额占比; a class without customers shows 0.

    Examples
    --------
    >>> abc_class_table(abc_classify([500.0, 300.0, 100.0, 60.0, 40.0]))
            客户数   客户占比  消费金额   金额占比
    ABC 类
    A 重点客户    2  40.0%   800  80.0%
    B 重要客户    2  40.0%   160  16.0%
    C 一般客户    1  20.0%    40   4.0%
    """
    summary = abc_summary(classified)
    table = pd.DataFrame(
        {
            "客户数": summary["客户数"].to_numpy(),
            "客户占比": _percent(summary["客户占比"]),
            "消费金额": summary["价值"].round(0).astype("int64").to_numpy(),
            "金额占比": _percent(summary["价值占比"]),
        },
        index=pd.Index(summary.index, name="ABC 类"),
    )
    return table


def concentration_sentence(
    values: Any,
    top_percent: int,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> str:
    """How much of the value the top ``top_percent`` % of customers hold, as one Chinese sentence.

    Parameters
    ----------
    values : Series, array, list, or frame
        See :func:`customer_values`.
    top_percent : int
        The share of customers, in percent (1-99).
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    str
        "前 x% 的客户（n 位）贡献了 y% 的销售额。", with ``y`` from :func:`top_share` and
        ``n`` the number of customers it counts.

    Examples
    --------
    >>> concentration_sentence([70.0, 10.0, 10.0, 5.0, 5.0], 20)
    '前 20% 的客户（1 位）贡献了 70.0% 的销售额。'
    """
    percent = _share_argument(top_percent, "top_percent", 100)
    values = customer_values(
        values, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    count = round(len(values) * percent / 100)
    share = top_share(values, top=percent / 100)
    return f"前 {top_percent}% 的客户（{count:,} 位）贡献了 {share:.1%} 的销售额。"


def concentration_table(
    data: Any,
    top: float = 0.2,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """How concentrated the value is, in one small Chinese table: Gini and the top share.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    top : float, default 0.2
        Fraction of customers for the top share, as in :func:`top_share`.
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    pandas.DataFrame
        Indexed by 指标: the Gini coefficient and the top share, as text.

    Examples
    --------
    >>> concentration_table([1.0, 1.0, 1.0, 1.0, 6.0])
                           数值
    指标
    基尼系数（0 = 人人相同，越接近 1 越集中）  0.40
    前 20% 客户的金额占比              60.0%
    """
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    table = pd.DataFrame(
        {
            "数值": [
                f"{gini(values):.2f}",
                f"{top_share(values, top):.1%}",
            ]
        },
        index=pd.Index(
            ["基尼系数（0 = 人人相同，越接近 1 越集中）", f"前 {top:.0%} 客户的金额占比"],
            name="指标",
        ),
    )
    return table


def value_tiers(
    data: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Split the customers into three tiers of equal head count by value: high, middle, low.

    Unlike ABC (cut by cumulative value), each tier holds a third of the customers
    (ties broken by order), which suits sharing them among sales staff.

    Parameters
    ----------
    data : Series, array, list, or frame
        See :func:`customer_values`.
    customer_col, date_col, amount_col : str
        Column names in transactions, see :func:`customer_values`.

    Returns
    -------
    pandas.DataFrame
        Indexed by 价值层 (高价值客户, 中价值客户, 低价值客户): 客户数, 消费金额合计,
        平均每位客户 (both rounded to whole units), 金额占比.

    Examples
    --------
    >>> value_tiers([90.0, 60.0, 30.0, 10.0, 5.0, 5.0])
           客户数  消费金额合计  平均每位客户   金额占比
    价值层
    高价值客户    2     150      75  75.0%
    中价值客户    2      40      20  20.0%
    低价值客户    2      10       5   5.0%
    """
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    ranked = values.iloc[np.argsort(-values.to_numpy(), kind="stable")]
    tier = np.minimum(np.arange(len(ranked)) * 3 // len(ranked), 2)
    grouped = ranked.groupby(tier)
    sums = grouped.sum().reindex(range(3), fill_value=0.0)
    counts = grouped.size().reindex(range(3), fill_value=0)
    table = pd.DataFrame(
        {
            "客户数": counts.to_numpy(),
            "消费金额合计": sums.round(0).astype("int64").to_numpy(),
            "平均每位客户": (sums / counts.replace(0, np.nan))
            .round(0)
            .fillna(0)
            .astype("int64")
            .to_numpy(),
            "金额占比": _percent(sums / sums.sum()),
        },
        index=pd.Index(TIER_NAMES, name="价值层"),
    )
    return table
