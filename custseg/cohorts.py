"""Acquisition cohorts: group customers by the month of their first purchase.

A cohort (获客批次) is every customer whose first purchase falls in the same month
(or quarter). The cohort table follows each cohort over time: cell ``(c, k)`` counts
the customers of cohort ``c`` who bought again ``k`` periods after their first
purchase (or the revenue they brought in). Dividing each row by its cohort size gives
the retention matrix (留存矩阵), the usual way to see whether newer customers stay
longer than older ones.

The transactions may be pandas, polars, a DuckDB relation or a PySpark DataFrame: the
grouping runs in that engine through narwhals and only the small cohort table comes back,
as pandas. A Spark ``TIMESTAMP`` column is read in the session time zone (see
:mod:`custseg.frames`).
Only ``customer_id`` and ``invoice_date`` are needed (plus ``amount`` for revenue);
each transaction line counts, so a customer is active in a month if any line of theirs
is dated in that month, whatever ``invoice_id`` says.

Cells a cohort has not lived long enough to reach (after the last month in the data)
are NaN; cells it did reach but without any purchase are 0. The last month of the
data is often incomplete (Online Retail ends on 9 December 2011), which makes the
last cell of every row look low: read that diagonal with care.
"""

from __future__ import annotations

from typing import Any, Literal

import narwhals as nw
import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.frames import as_lazy, canonical_columns, columns_as_given, to_pandas

__all__ = ["cohort_table", "retention_matrix", "retention_table"]

_PERIODS = {"M": 12, "Q": 4}
_VALUES = ("customers", "amount")
_WHAT = "交易表 (transactions)"


def _period_number(date: nw.Expr, period: str) -> nw.Expr:
    """Months (or quarters) since year 0, so that differences count whole periods."""
    if period == "M":
        return date.dt.year() * 12 + date.dt.month() - 1
    return date.dt.year() * 4 + (date.dt.month() - 1) // 3


def _to_period(number: int, period: str) -> pd.Period:
    """Turn a number from :func:`_period_number` back into a pandas Period."""
    per_year = _PERIODS[period]
    year, within = divmod(int(number), per_year)
    if period == "M":
        return pd.Period(year=year, month=within + 1, freq="M")
    return pd.Period(year=year, quarter=within + 1, freq="Q")


def _check_parameters(period: str, value: str) -> None:
    if period not in _PERIODS:
        raise ParameterError(
            f"不支持的周期 (unsupported period): {period!r}。可选 (choose): 'M' 按月, 'Q' 按季度"
        )
    if value not in _VALUES:
        raise ParameterError(
            f"不支持的取值 (unsupported value): {value!r}。"
            "可选 (choose): 'customers' 活跃客户数, 'amount' 消费金额"
        )


def _check_transactions(lazy: nw.LazyFrame, columns: list[str]) -> None:
    """Check dtypes from the schema, then nulls with one small aggregate query."""
    schema = lazy.collect_schema()
    if schema["invoice_date"] not in (nw.Datetime, nw.Date):
        raise DataError(
            f"列 'invoice_date' 应为日期时间 (datetime), 实为 (got) {schema['invoice_date']}。"
            "请先用 pandas.to_datetime 转换"
        )
    if "amount" in columns and not schema["amount"].is_numeric():
        raise DataError(f"列 'amount' 应为数值 (numeric), 实为 (got) {schema['amount']}")
    nulls = to_pandas(
        lazy.select(nw.len().alias("_rows"), *(nw.col(c).null_count() for c in columns))
    ).iloc[0]
    if int(nulls["_rows"]) == 0:
        raise DataError(f"{_WHAT} 没有任何交易 (no transactions)")
    for column in columns:
        if nulls[column] > 0:
            raise DataError(
                f"{_WHAT} 的列 {column!r} 有 {int(nulls[column])} 个缺失值 (missing values)。"
                "请先清洗数据 (clean_transactions)"
            )


def cohort_table(
    transactions: Any,
    *,
    period: Literal["M", "Q"] = "M",
    value: Literal["customers", "amount"] = "customers",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Active customers (or revenue) per acquisition cohort and period since acquisition.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        Order lines with ``customer_id`` and ``invoice_date`` (datetime), plus
        ``amount`` when ``value="amount"``. Not modified.
    period : {"M", "Q"}, default "M"
        Cohorts and columns by calendar month or by calendar quarter.
    value : {"customers", "amount"}, default "customers"
        ``"customers"`` counts the distinct customers of the cohort who bought in
        that period; ``"amount"`` sums their ``amount``.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount (defaults:
        the canonical names), as in :func:`custseg.rfm.rfm_table`. ``amount_col`` is
        read only with ``value="amount"``.

    Returns
    -------
    pandas.DataFrame
        Index ``cohort`` (a ``PeriodIndex``, the period of the first purchase),
        columns ``periods_since_first`` = 0, 1, 2, ... (calendar periods, so a
        first purchase on 31 January and a second on 1 February are one month
        apart). Column 0 of the customer table is the cohort size. Float values:
        NaN where the cohort had not yet reached that period when the data end.

    Raises
    ------
    DataError
        If a column is missing, ``invoice_date`` is not a datetime, ``amount`` is
        not numeric, a needed column has missing values, or there are no rows.
    ParameterError
        If ``period`` or ``value`` is unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 3, 3],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2011-01-05", "2011-02-10", "2011-01-20", "2011-02-01", "2011-03-15"]),
    ...     "amount": [10.0, 20.0, 5.0, 7.0, 3.0],
    ... })
    >>> cohort_table(tx)
    periods_since_first    0    1    2
    cohort
    2011-01              2.0  1.0  0.0
    2011-02              1.0  1.0  NaN
    >>> cohort_table(tx, value="amount").loc["2011-01"].tolist()
    [15.0, 20.0, 0.0]
    """
    _check_parameters(period, value)
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        needed=("customer", "date", "amount") if value == "amount" else ("customer", "date"),
        what=_WHAT,
    )
    columns = ["customer_id", "invoice_date"] + (["amount"] if value == "amount" else [])
    lazy = as_lazy(transactions, what=_WHAT)
    with columns_as_given(customer_col=customer_col, date_col=date_col, amount_col=amount_col):
        _check_transactions(lazy, columns)

    lines = lazy.select(
        nw.col("customer_id"),
        _period_number(nw.col("invoice_date"), period).alias("_period"),
        *([nw.col("amount")] if value == "amount" else []),
    )
    first = lines.group_by("customer_id").agg(nw.col("_period").min().alias("_cohort"))
    aged = lines.join(first, on="customer_id").with_columns(
        (nw.col("_period") - nw.col("_cohort")).alias("_age")
    )
    measure = nw.col("customer_id").n_unique() if value == "customers" else nw.col("amount").sum()
    long = to_pandas(aged.group_by("_cohort", "_age").agg(measure.alias("_value")))
    return _to_wide(long, period)


def _to_wide(long: pd.DataFrame, period: str) -> pd.DataFrame:
    """Pivot (cohort, age, value) rows to the cohort table, with NaN past the data's end."""
    cohorts = np.sort(long["_cohort"].unique()).astype("int64")
    last_period = int((long["_cohort"] + long["_age"]).max())
    ages = np.arange(0, last_period - cohorts[0] + 1)
    wide = (
        long.pivot(index="_cohort", columns="_age", values="_value")
        .reindex(index=cohorts, columns=ages)
        .astype("float64")
    )
    reached = cohorts[:, None] + ages[None, :] <= last_period
    wide = wide.fillna(0.0).where(reached)
    wide.index = pd.PeriodIndex([_to_period(c, period) for c in cohorts], name="cohort")
    wide.columns = pd.Index(ages, name="periods_since_first")
    return wide


def retention_matrix(
    transactions: Any,
    *,
    period: Literal["M", "Q"] = "M",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Share of each acquisition cohort still buying k periods after the first purchase.

    The customer cohort table of :func:`cohort_table` divided row by row by the
    cohort size, so column 0 is 1.0 for every cohort.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        Order lines with ``customer_id`` and ``invoice_date``. Not modified.
    period : {"M", "Q"}, default "M"
        Monthly or quarterly cohorts.
    customer_col, date_col, amount_col : str
        Column names of the customer id and the purchase date, as in
        :func:`cohort_table`; ``amount_col`` is not read (it is accepted so that one set
        of column keywords serves every function).

    Returns
    -------
    pandas.DataFrame
        Same shape and labels as :func:`cohort_table`, values in [0, 1], NaN where
        the cohort had not yet reached that period.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 3],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2011-01-05", "2011-02-10", "2011-01-20", "2011-02-01"]),
    ... })
    >>> retention_matrix(tx)
    periods_since_first    0    1
    cohort
    2011-01              1.0  0.5
    2011-02              1.0  NaN
    """
    counts = cohort_table(
        transactions,
        period=period,
        value="customers",
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
    )
    return counts.div(counts[0], axis="index")


def retention_table(
    transactions: Any,
    *,
    period: Literal["M", "Q"] = "M",
    periods: int = 6,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """The retention matrix as a learner reads it: Chinese headers, percentages, blanks.

    Parameters
    ----------
    transactions : frame
        Order lines with ``customer_id`` and ``invoice_date``.
    period : {"M", "Q"}, default "M"
        Monthly or quarterly cohorts.
    periods : int, default 6
        How many periods after the first purchase to show.
    customer_col, date_col, amount_col : str
        Column names of the customer id and the purchase date, as in
        :func:`cohort_table`; ``amount_col`` is not read (it is accepted so that one set
        of column keywords serves every function).

    Returns
    -------
    pandas.DataFrame
        Indexed by 获客月份 (or 获客季度, as text such as ``"2023-01"``): 新客户数, then
        第 1 个月 … 第 ``periods`` 个月 (个季度), the share of the cohort buying in that
        period as text such as ``"28.9%"``; empty where the data end before it.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 3],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2011-01-05", "2011-02-10", "2011-01-20", "2011-02-01"]),
    ... })
    >>> retention_table(tx, periods=1)
          新客户数 第 1 个月
    获客月份
    2011-01     2  50.0%
    2011-02     1
    """
    if isinstance(periods, bool) or int(periods) != periods or periods < 1:
        raise ParameterError(f"periods 必须是正整数 (positive integer)，收到 (got) {periods!r}")
    counts = cohort_table(
        transactions,
        period=period,
        value="customers",
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
    )
    shares = counts.div(counts[0], axis="index")
    unit = "个月" if period == "M" else "个季度"
    table = pd.DataFrame({"新客户数": counts[0].astype("int64").to_numpy()}, index=counts.index)
    for k in range(1, int(periods) + 1):
        column = shares[k] if k in shares.columns else pd.Series(np.nan, index=shares.index)
        table[f"第 {k} {unit}"] = [f"{v:.1%}" if pd.notna(v) else "" for v in column]
    table.index = pd.Index(
        [str(c) for c in counts.index], name="获客月份" if period == "M" else "获客季度"
    )
    return table
