"""RFM analysis: recency, frequency and monetary value per customer, and their scores.

RFM (最近一次消费 Recency、消费频率 Frequency、消费金额 Monetary) describes each
customer by three numbers computed from the transactions:

- ``recency``: whole days from the customer's last purchase day to the analysis
  day ``as_of`` (smaller is better);
- ``frequency``: the number of purchases, i.e. distinct invoices (``invoice_id``);
  without an ``invoice_id`` column, the number of distinct purchase days;
- ``monetary``: the total spent, the sum of ``amount``.

:func:`rfm_table` computes them from pandas, polars, DuckDB or PySpark input (the grouping
runs in that library, or in numpy for pandas input, see :mod:`custseg.frames`),
:class:`RFMScorer` turns them into 1..5 scores, and
:class:`~custseg.segment_rules.RFMSegmenter` (re-exported here, with
:func:`~custseg.segment_rules.segment_customers` and :func:`~custseg.segment_rules.rule_table`)
names the customer segments from those scores.

Examples
--------
The whole chain on a toy table:

>>> import pandas as pd
>>> tx = pd.DataFrame({
...     "customer_id": [1, 1, 2, 3, 3, 3],
...     "invoice_id": ["a", "b", "c", "d", "e", "f"],
...     "invoice_date": pd.to_datetime(["2024-01-02 10:00", "2024-03-01 11:00",
...         "2024-02-10 09:30", "2024-01-05 16:00", "2024-02-20 12:00", "2024-03-02 08:00"]),
...     "amount": [20.0, 35.0, 300.0, 15.0, 25.0, 40.0],
... })
>>> scored = RFMScorer(bins=3).fit_transform(rfm_table(tx))
>>> segment_customers(scored, scheme="cn8")[["rfm_score", "segment"]]
            rfm_score segment
customer_id
1                 221  一般发展客户
2                 113  重要挽留客户
3                 332  一般价值客户
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from numbers import Integral
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils._param_validation import Interval, StrOptions

from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import (
    check_fitted,
    input_and_added_names,
    record_input_columns,
    validate_parameters,
)
from custseg.frames import (
    as_lazy,
    canonical_columns,
    column_names,
    columns_as_given,
    datetime_literal,
    require_frame_columns,
    to_pandas,
)
from custseg.segment_rules import RFMSegmenter, rule_table, segment_customers
from custseg.vocabulary import chinese_label

__all__ = [
    "RFM_COLUMNS",
    "RFMScorer",
    "RFMSegmenter",
    "customer_summary",
    "describe_rfm",
    "rfm_preview",
    "rfm_table",
    "rule_table",
    "score_rfm",
    "segment_customers",
]

RFM_COLUMNS = ("recency", "frequency", "monetary")
_WHAT = "交易表 (transactions)"
_DAY = pd.Timedelta(days=1)
_MONEY_DECIMALS = 6


def _check_transactions(lazy: nw.LazyFrame, names: list[str]) -> None:
    """Raise DataError for wrong types, missing values or no rows in the needed columns."""
    schema = lazy.collect_schema()
    if not schema["invoice_date"].is_temporal():
        raise DataError(
            f"{_WHAT} 的列 'invoice_date' 不是日期时间类型 (not a datetime column): "
            f"{schema['invoice_date']}。请先用 pandas.to_datetime 转换。"
        )
    if not schema["amount"].is_numeric():
        raise DataError(f"{_WHAT} 的列 'amount' 不是数值类型 (not numeric): {schema['amount']}。")
    checked = [c for c in ("customer_id", "invoice_date", "amount", "invoice_id") if c in names]
    counts = to_pandas(
        lazy.select(nw.len().alias("__rows"), *(nw.col(c).null_count() for c in checked))
    ).iloc[0]
    if int(counts["__rows"]) == 0:
        raise DataError(f"{_WHAT} 没有任何交易 (no transactions)。")
    for column in checked:
        if int(counts[column]) > 0:
            raise DataError(
                f"{_WHAT} 的列 '{column}' 有 {int(counts[column])} 个缺失值 (missing values)。"
                "请先清洗数据 (clean the transactions)，去掉这些行。"
            )


def _summarise_named(
    transactions: Any, as_of: Any, columns: dict[str, str], *, with_first: bool, engine: str
) -> pd.DataFrame:
    """:func:`_summarise` on the columns the caller named; its errors speak of those names."""
    transactions = canonical_columns(transactions, **columns)
    with columns_as_given(**columns):
        return _summarise(transactions, as_of, with_first=with_first, engine=engine)


def _as_of_day(as_of: Any) -> pd.Timestamp:
    """The analysis day of ``as_of`` (its date at midnight)."""
    try:
        stamp = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        raise ParameterError(f"as_of 不是有效的日期 (not a valid date): {as_of!r}") from None
    if pd.isna(stamp):
        raise ParameterError(f"as_of 不是有效的日期 (not a valid date): {as_of!r}")
    return stamp.normalize()


def customer_summary(
    transactions: Any,
    as_of: Any = None,
    *,
    engine: str = "auto",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Per-customer purchase summary: first and last purchase day, RFM and tenure.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        Needs ``customer_id``, ``invoice_date`` (datetime) and ``amount``;
        ``invoice_id`` is used when present.
    as_of : date-like, optional
        The analysis day (time of day is dropped). Transactions after that day are
        left out. Defaults to the day after the last purchase day in the data.
    engine : {"auto", "native"}, default "auto"
        Which library does the grouping, as in :func:`rfm_table`.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present. The result uses the canonical names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted), with ``first_purchase`` and
        ``last_purchase`` (days), ``recency`` (days from the last purchase day to
        ``as_of``), ``tenure`` (days from the first purchase day to ``as_of``),
        ``frequency`` and ``monetary`` as in :func:`rfm_table`. The analysis day is
        stored in ``.attrs["as_of"]``.

    Raises
    ------
    DataError
        A missing column, a non-datetime ``invoice_date``, missing values, or no
        transaction on or before ``as_of``.
    ParameterError
        An ``as_of`` that is not a date.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 2],
    ...     "invoice_id": ["a", "b", "c"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01 09:00", "2024-01-05 18:30", "2024-01-03 12:00"]),
    ...     "amount": [10.0, 5.0, 8.0],
    ... })
    >>> customer_summary(tx)[["recency", "tenure", "frequency", "monetary"]]
                 recency  tenure  frequency  monetary
    customer_id
    1                  1       5          2      15.0
    2                  3       3          1       8.0
    """
    columns = dict(
        customer_col=customer_col, date_col=date_col, amount_col=amount_col, invoice_col=invoice_col
    )
    return _summarise_named(transactions, as_of, columns, with_first=True, engine=engine)


def _summarise(transactions: Any, as_of: Any, *, with_first: bool, engine: str) -> pd.DataFrame:
    require_frame_columns(transactions, ["customer_id", "invoice_date", "amount"], what=_WHAT)
    if engine == "auto" and _numpy_path_fits(transactions):
        return _numpy_summary(transactions, as_of, with_first=with_first)
    names = column_names(transactions)
    lazy = as_lazy(transactions, what=_WHAT, engine=engine)
    _check_transactions(lazy, names)
    day = None if as_of is None else _as_of_day(as_of)
    if day is not None:
        # The analysis day is read in the time zone of the purchase times.
        zone = getattr(lazy.collect_schema()["invoice_date"], "time_zone", None)
        if zone is not None and day.tzinfo is None:
            day = day.tz_localize(zone)
        elif zone is None and day.tzinfo is not None:
            day = day.tz_localize(None)
        end = datetime_literal(day + _DAY, lazy, "invoice_date")
        lazy = lazy.filter(nw.col("invoice_date") < end)

    if "invoice_id" in names:
        purchase_key = "invoice_id"
    else:
        purchase_key = "__day"
        lazy = lazy.with_columns(nw.col("invoice_date").dt.truncate("1d").alias(purchase_key))
    summary = to_pandas(_aggregate(lazy, purchase_key, with_first=with_first))
    if summary.empty:
        raise DataError(f"{_WHAT} 在 as_of={day.date()} 当天或之前没有交易 (no transactions).")

    summary = summary.set_index("customer_id").sort_index()
    summary["last_purchase"] = pd.to_datetime(summary["last_purchase"]).dt.normalize()
    if day is None:
        day = summary["last_purchase"].max() + _DAY
    summary["recency"] = (day - summary["last_purchase"]).dt.days.astype("int64")
    if with_first:
        summary["first_purchase"] = pd.to_datetime(summary["first_purchase"]).dt.normalize()
        summary["tenure"] = (day - summary["first_purchase"]).dt.days.astype("int64")
    summary["frequency"] = summary["frequency"].astype("int64")
    # Engines add in different orders; rounding far below a cent makes them agree exactly.
    summary["monetary"] = summary["monetary"].astype("float64").round(_MONEY_DECIMALS)
    columns = ["recency", "frequency", "monetary"]
    if with_first:
        columns = ["first_purchase", "last_purchase", "recency", "tenure", "frequency", "monetary"]
    summary = summary[columns]
    summary.attrs["as_of"] = day
    return summary


def _aggregate(lazy: nw.LazyFrame, purchase_key: str, *, with_first: bool) -> nw.LazyFrame:
    """Per customer: first and last purchase time, distinct purchases, total amount."""
    if lazy.implementation is nw.Implementation.DUCKDB:
        # DuckDB counts distinct values faster in two steps: one row per purchase first.
        lazy = lazy.group_by("customer_id", purchase_key).agg(
            nw.col("invoice_date").min().alias("__first"),
            nw.col("invoice_date").max(),
            nw.col("amount").sum(),
        )
        purchases = nw.len()
        first = nw.col("__first").min()
    else:
        purchases = nw.col(purchase_key).n_unique()
        first = nw.col("invoice_date").min()
    aggregations = [
        nw.col("invoice_date").max().alias("last_purchase"),
        purchases.alias("frequency"),
        nw.col("amount").sum().alias("monetary"),
    ]
    if with_first:
        aggregations.insert(0, first.alias("first_purchase"))
    return lazy.group_by("customer_id").agg(*aggregations)


# --- numpy path for pandas input -------------------------------------------------------
# Integer codes, ufunc.at and bincount: one pass per column, no hashing of integer ids in a
# compact range, invoices counted for their owner without a sort (the (customer, purchase)
# pairs are sorted only when an invoice number is shared or there is no invoice column).
# Faster than DuckDB SQL on the same frame (bench/bench_rfm.py).


def _numpy_path_fits(transactions: Any) -> bool:
    """Whether ``transactions`` is a pandas frame the numpy path reads exactly.

    Naive ``datetime64`` dates, a numeric (not boolean) amount and unique text column
    names; anything else (time zones, text dates, odd columns) goes through narwhals,
    which also words the errors about types.
    """
    if not isinstance(transactions, pd.DataFrame) or not transactions.columns.is_unique:
        return False
    if not all(isinstance(column, str) for column in transactions.columns):
        return False
    dates, amount = transactions["invoice_date"].dtype, transactions["amount"].dtype
    numeric = pd.api.types.is_numeric_dtype(amount) and not pd.api.types.is_bool_dtype(amount)
    return isinstance(dates, np.dtype) and dates.kind == "M" and numeric


def _integer_values(values: pd.Series) -> np.ndarray | None:
    """The ids as int64 when they are integers in a range at most a few times the rows."""
    kind = getattr(values.dtype, "kind", "O")
    if not pd.api.types.is_integer_dtype(values.dtype) or kind == "u" or len(values) == 0:
        return None
    if not isinstance(values.dtype, np.dtype) and values.hasnans:  # nullable, with holes
        return None
    ints = values.to_numpy(dtype=np.int64)
    low, high = int(ints.min()), int(ints.max())
    return ints if high - low < 4 * len(ints) + 1024 else None


def _codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Code 0..k-1 of every row's value (-1 if missing) and the value of every code.

    The values of the codes are in no particular order.
    """
    ints = _integer_values(values)
    if ints is not None:
        low = int(ints.min())
        uniques = pd.Index(np.arange(low, int(ints.max()) + 1), dtype=np.int64)
        return ints - low, uniques.astype(values.dtype)
    codes, uniques = pd.factorize(values, sort=False)
    return codes, pd.Index(uniques)


def _distinct_per_group(groups: np.ndarray, items: np.ndarray, n_items: int, k: int) -> np.ndarray:
    """Number of distinct items (codes 0..n_items-1) of each group code 0..k-1."""
    if len(groups) == 0:
        return np.zeros(k, dtype=np.int64)
    keys = np.multiply(groups, n_items, dtype=np.int64)
    keys += items
    # Rows repeating the pair of the row before them (lines of one invoice) are dropped
    # before the sort, which then sorts about one key per purchase instead of per line.
    new = np.empty(len(keys), dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    keys = np.sort(keys[new])
    np.not_equal(keys[1:], keys[:-1], out=new[1 : len(keys)])
    return np.bincount(keys[new[: len(keys)]] // n_items, minlength=k)


def _invoices_per_customer(
    customers: np.ndarray, invoices: np.ndarray, n_invoices: int, k: int
) -> np.ndarray:
    """Number of distinct invoices of each customer code 0..k-1.

    When every invoice belongs to one customer (the usual case), each invoice is counted
    once for its owner, without sorting; otherwise the (customer, invoice) pairs are counted.
    """
    owner = np.full(n_invoices, -1, dtype=np.int64)
    owner[invoices] = customers
    if np.array_equal(owner[invoices], customers):
        return np.bincount(owner[owner >= 0], minlength=k)
    return _distinct_per_group(customers, invoices, n_invoices, k)


def _refuse_missing(column: str, count: int) -> None:
    """Raise the message every engine gives for ``count`` missing values in ``column``."""
    if count:
        raise DataError(
            f"{_WHAT} 的列 '{column}' 有 {count} 个缺失值 (missing values)。"
            "请先清洗数据 (clean the transactions)，去掉这些行。"
        )


def _numpy_summary(transactions: pd.DataFrame, as_of: Any, *, with_first: bool) -> pd.DataFrame:
    """The table of :func:`_summarise` for a pandas frame accepted by :func:`_numpy_path_fits`."""
    customers, customer_ids = _codes(transactions["customer_id"])
    _refuse_missing("customer_id", np.count_nonzero(customers < 0))
    dates = transactions["invoice_date"].to_numpy()
    _refuse_missing("invoice_date", np.count_nonzero(np.isnat(dates)))
    amount = transactions["amount"].to_numpy(dtype=np.float64, na_value=np.nan)
    _refuse_missing("amount", np.count_nonzero(np.isnan(amount)))
    invoices = invoice_ids = None
    if "invoice_id" in transactions.columns:
        invoices, invoice_ids = _codes(transactions["invoice_id"])
        _refuse_missing("invoice_id", np.count_nonzero(invoices < 0))
    if len(transactions) == 0:
        raise DataError(f"{_WHAT} 没有任何交易 (no transactions)。")
    unit, _ = np.datetime_data(dates.dtype)
    ticks_per_day = int(np.timedelta64(1, "D") / np.timedelta64(1, unit))
    ticks = dates.view(np.int64)

    day = None if as_of is None else _as_of_day(as_of)
    keep = None
    if day is not None:
        day = day.tz_localize(None) if day.tzinfo is not None else day
        end = int(np.datetime64((day + _DAY).to_datetime64(), unit).astype(np.int64))
        keep = ticks < end
        if keep.all():
            keep = None
        elif not keep.any():
            raise DataError(f"{_WHAT} 在 as_of={day.date()} 当天或之前没有交易 (no transactions).")

    def rows(values: np.ndarray) -> np.ndarray:
        return values if keep is None else values[keep]

    codes, ticks, amount = rows(customers), rows(ticks), rows(amount)
    k = len(customer_ids)
    last = np.full(k, np.iinfo(np.int64).min)
    np.maximum.at(last, codes, ticks)
    present = last != np.iinfo(np.int64).min
    last_day = np.floor_divide(last[present], ticks_per_day)
    if day is None:
        day = pd.Timestamp(np.datetime64(int(last_day.max()) + 1, "D"))
    as_of_number = int(np.datetime64(day, "D").astype(np.int64))
    if invoices is not None and invoice_ids is not None:
        frequency = _invoices_per_customer(codes, rows(invoices), len(invoice_ids), k)
    else:
        days = np.floor_divide(ticks, ticks_per_day)
        first_day = int(days.min())
        days -= first_day
        frequency = _distinct_per_group(codes, days, int(days.max()) + 1, k)
    monetary = np.bincount(codes, weights=amount, minlength=k)

    def as_dates(day_numbers: np.ndarray) -> np.ndarray:
        return (day_numbers * ticks_per_day).view(f"datetime64[{unit}]")

    table = {
        "recency": (as_of_number - last_day).astype(np.int64),
        "frequency": frequency[present].astype(np.int64),
        "monetary": monetary[present].round(_MONEY_DECIMALS),
    }
    if with_first:
        first = np.full(k, np.iinfo(np.int64).max)
        np.minimum.at(first, codes, ticks)
        first_day = np.floor_divide(first[present], ticks_per_day)
        table = {
            "first_purchase": as_dates(first_day),
            "last_purchase": as_dates(last_day),
            "recency": table["recency"],
            "tenure": (as_of_number - first_day).astype(np.int64),
            "frequency": table["frequency"],
            "monetary": table["monetary"],
        }
    summary = pd.DataFrame(table, index=customer_ids[present].rename("customer_id"))
    if not summary.index.is_monotonic_increasing:
        try:
            summary = summary.sort_index()
        except TypeError:  # ids of mixed types cannot be sorted: keep first-seen order
            pass
    summary.attrs["as_of"] = day
    return summary


def rfm_table(
    transactions: Any,
    as_of: Any = None,
    *,
    engine: str = "auto",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Recency, frequency and monetary value of every customer.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        The transactions in the canonical schema. Needs ``customer_id``,
        ``invoice_date`` (datetime) and ``amount``. When ``invoice_id`` is present,
        ``frequency`` counts distinct invoices; without it, each distinct purchase
        day of a customer counts as one purchase.
    as_of : date-like, optional
        The analysis day (time of day is dropped). Transactions after that day are
        left out. Defaults to the day after the last purchase day in the data, so
        the most recent customers have ``recency == 1``.
    engine : {"auto", "native"}, default "auto"
        Which code does the grouping. ``"auto"``: a pandas frame with naive
        ``datetime64`` dates and a numeric amount is summarised with numpy (integer
        codes, ``ufunc.at`` and ``bincount``; ten million rows in about a second, faster
        than DuckDB SQL on the same frame); other pandas frames (time-zone-aware
        dates, ...) go through :func:`custseg.frames.as_lazy`. ``"native"``: pandas'
        own ``groupby``. polars, DuckDB and PySpark input are always computed by
        their own library (for Spark, only the per-customer result is collected).
        Results are the same.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present. The result uses the canonical names.

    Returns
    -------
    pandas.DataFrame
        One row per customer, indexed by ``customer_id`` (sorted), with
        ``recency`` (int, whole days from the last purchase day to ``as_of``),
        ``frequency`` (int) and ``monetary`` (float, rounded to 6 decimals so that
        every engine gives exactly the same sums; negative when returns are kept in
        the data). The analysis day is in ``.attrs["as_of"]`` (time-zone-aware for
        aware input, e.g. a Spark ``TIMESTAMP`` column, read in the session time zone).

    Raises
    ------
    DataError
        A missing column, a non-datetime ``invoice_date``, missing values, or no
        transaction on or before ``as_of``.
    ParameterError
        An ``as_of`` that is not a date.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 1, 2],
    ...     "invoice_id": ["a", "a", "b", "c"],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2024-01-01 09:00", "2024-01-01 09:00", "2024-01-05 18:30", "2024-01-03 12:00"]
    ...     ),
    ...     "amount": [10.0, 2.0, 5.0, 8.0],
    ... })
    >>> rfm_table(tx)
                 recency  frequency  monetary
    customer_id
    1                  1          2      17.0
    2                  3          1       8.0
    >>> rfm_table(tx, as_of="2024-01-04")
                 recency  frequency  monetary
    customer_id
    1                  3          1      12.0
    2                  1          1       8.0

    polars and DuckDB input give the same table:

    >>> import polars as pl
    >>> rfm_table(pl.from_pandas(tx).lazy()).equals(rfm_table(tx))
    True
    """
    columns = dict(
        customer_col=customer_col, date_col=date_col, amount_col=amount_col, invoice_col=invoice_col
    )
    return _summarise_named(transactions, as_of, columns, with_first=False, engine=engine)


def _lex_at_least(
    values: np.ndarray, boundary: np.ndarray, higher_is_better: Sequence[bool]
) -> np.ndarray:
    """Rows of ``values`` at least as good as ``boundary``, comparing columns in order."""
    result = np.ones(len(values), dtype=bool)
    for j in reversed(range(values.shape[1])):
        column, edge = values[:, j], boundary[j]
        better = column > edge if higher_is_better[j] else column < edge
        result = better | ((column == edge) & result)
    return result


# Tie-breaking order of each RFM dimension: its own value first, then the other two.
_SORT_KEYS = {
    "recency": ("recency", "frequency", "monetary"),
    "frequency": ("frequency", "monetary", "recency"),
    "monetary": ("monetary", "frequency", "recency"),
}
_HIGHER_IS_BETTER = {"recency": False, "frequency": True, "monetary": True}
_SCORE_NAMES = {"recency": "r_score", "frequency": "f_score", "monetary": "m_score"}


_ADDED_COLUMNS = ("r_score", "f_score", "m_score", "rfm_score")


class RFMScorer(TransformerMixin, BaseEstimator):
    """Score recency, frequency and monetary value from 1 (worst) to ``bins`` (best).

    A recent purchase (small ``recency``), many purchases and a high spend all give
    high scores, so ``"555"`` is the best customer and ``"111"`` the weakest.

    Parameters
    ----------
    bins : int, default 5
        Number of scores per dimension, from 2 to 9 (one digit each in ``rfm_score``).
    method : {"quantile", "thresholds"}, default "quantile"
        ``"quantile"``: equal-sized groups of customers. Customers are ordered by the
        dimension's value and, where values are tied, by the other two dimensions
        (frequency ties by monetary then recency; monetary ties by frequency then
        recency; recency ties by frequency then monetary). So when most customers
        bought only once, every F score is still used, and among one-time buyers the
        bigger spenders get the higher F score. Customers equal on all three values
        always share a score.
        ``"thresholds"``: fixed cut points given in ``thresholds``.
    thresholds : mapping, optional
        Required with ``method="thresholds"``: ``{"recency": [...], "frequency": [...],
        "monetary": [...]}``, each ``bins - 1`` increasing cut points. A value ``v``
        lies in the bin after every cut point ``c <= v`` (intervals closed on the
        left). Frequency and monetary scores go up with the bin, recency scores down:
        with recency cut points ``[30, 60, 90, 180]`` a customer who bought 0..29
        days ago scores 5 and one who bought 180 or more days ago scores 1.

    Attributes
    ----------
    bin_edges_ : dict of str to pandas.DataFrame
        For each of ``"recency"``, ``"frequency"``, ``"monetary"``: the lower
        boundary of scores 2..bins (one row per score, indexed by score). With
        ``"quantile"`` a boundary is the first customer of the score, shown with the
        tie-breaking columns; with ``"thresholds"`` it is the cut point.
    n_customers_ : int
        Customers seen in ``fit``.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame(
    ...     {"recency": [5, 40, 200, 10], "frequency": [6, 1, 1, 3],
    ...      "monetary": [900.0, 50.0, 20.0, 300.0]},
    ...     index=pd.Index([11, 12, 13, 14], name="customer_id"),
    ... )
    >>> RFMScorer(bins=2).fit_transform(rfm)
                 recency  frequency  monetary  r_score  f_score  m_score rfm_score
    customer_id
    11                 5          6     900.0        2        2        2       222
    12                40          1      50.0        1        1        1       111
    13               200          1      20.0        1        1        1       111
    14                10          3     300.0        2        2        2       222
    >>> cuts = {"recency": [30], "frequency": [2], "monetary": [100]}
    >>> RFMScorer(bins=2, method="thresholds", thresholds=cuts).fit_transform(rfm)["rfm_score"]
    customer_id
    11    222
    12    111
    13    111
    14    222
    Name: rfm_score, dtype: object
    """

    def __init__(
        self,
        bins: int = 5,
        *,
        method: str = "quantile",
        thresholds: Mapping[str, Sequence[float]] | None = None,
    ) -> None:
        self.bins = bins
        self.method = method
        self.thresholds = thresholds

    _parameter_constraints: dict = {
        "bins": [Interval(Integral, 2, 9, closed="both")],
        "method": [StrOptions({"quantile", "thresholds"})],
        "thresholds": [Mapping, None],
    }

    def _check_thresholds(self) -> None:
        """What the constraints cannot say: cut points given, ``bins - 1`` of them, increasing."""
        if self.method != "thresholds":
            return
        if self.thresholds is None:
            raise ParameterError(
                "method='thresholds' 需要 thresholds 参数 (thresholds= is required)"
            )
        missing = [c for c in RFM_COLUMNS if c not in self.thresholds]
        if missing:
            raise ParameterError(f"thresholds 缺少 (missing) {missing}")
        for column in RFM_COLUMNS:
            cuts = np.asarray(self.thresholds[column], dtype=float)
            if cuts.ndim != 1 or len(cuts) != self.bins - 1:
                raise ParameterError(
                    f"thresholds[{column!r}] 需要 {self.bins - 1} 个切分点 "
                    f"(needs bins - 1 cut points), 收到 (got) {list(cuts)}"
                )
            if not np.all(np.diff(cuts) > 0) or not np.all(np.isfinite(cuts)):
                raise ParameterError(
                    f"thresholds[{column!r}] 必须严格递增 (must be strictly increasing): "
                    f"{list(cuts)}"
                )

    @staticmethod
    def _check_rfm(rfm: pd.DataFrame) -> pd.DataFrame:
        if not isinstance(rfm, pd.DataFrame):
            raise DataError(
                f"RFM 表必须是 pandas DataFrame (must be a pandas DataFrame), "
                f"收到 (got) {type(rfm).__name__}。请先用 rfm_table 计算。"
            )
        require_columns(rfm, RFM_COLUMNS, what="RFM 表 (RFM table)")
        values = rfm[list(RFM_COLUMNS)]
        for column in RFM_COLUMNS:
            numeric = pd.to_numeric(values[column], errors="coerce")
            bad = ~np.isfinite(numeric.to_numpy(dtype=float, na_value=np.nan))
            if bad.any():
                first = values.index[np.flatnonzero(bad)[0]]
                raise DataError(
                    f"RFM 表的列 '{column}' 有缺失或非数值 (missing or non-numeric value)，"
                    f"例如客户 (customer) {first}: {values[column].loc[first]}"
                )
        return values.astype(float)

    def fit(self, X: pd.DataFrame, y: None = None) -> RFMScorer:
        """Learn the score boundaries from an RFM table.

        Parameters
        ----------
        X : pandas.DataFrame
            The RFM table: columns ``recency``, ``frequency``, ``monetary`` (e.g. from
            :func:`rfm_table`); not modified.
        y : None
            Ignored.

        Returns
        -------
        RFMScorer
            ``self``.

        Raises
        ------
        ParameterError
            A parameter outside its allowed values, or ``thresholds`` that do not fit
            ``bins`` (missing, the wrong number of cut points, not increasing).
        DataError
            A missing column, a missing or non-numeric value, fewer customers than ``bins``.
        """
        validate_parameters(self)
        self._check_thresholds()
        values = self._check_rfm(X)
        if self.method == "quantile" and len(values) < self.bins:
            raise DataError(
                f"客户数 ({len(values)}) 少于分数档数 bins={self.bins} (fewer customers than bins)"
            )
        scores = pd.RangeIndex(2, self.bins + 1, name="score")
        edges = {}
        for column in RFM_COLUMNS:
            if self.method == "thresholds":
                edges[column] = pd.DataFrame(
                    {column: np.asarray(self.thresholds[column], dtype=float)}, index=scores
                )
                continue
            keys = list(_SORT_KEYS[column])
            signs = np.array([1.0 if _HIGHER_IS_BETTER[k] else -1.0 for k in keys])
            oriented = values[keys].to_numpy() * signs
            # np.lexsort sorts by the last key first: worst customers first.
            order = np.lexsort(oriented.T[::-1])
            starts = [int(np.floor(k * len(values) / self.bins)) for k in range(1, self.bins)]
            edges[column] = pd.DataFrame(
                values[keys].to_numpy()[order[starts]], columns=keys, index=scores
            )
        self.bin_edges_ = edges
        self.n_customers_ = len(values)
        record_input_columns(self, X)
        return self

    def _score(self, values: pd.DataFrame, column: str) -> np.ndarray:
        edges = self.bin_edges_[column]
        keys = list(edges.columns)
        higher = [_HIGHER_IS_BETTER[k] for k in keys]
        matrix = values[keys].to_numpy()
        if self.method == "thresholds":
            # Bin index counts the cut points <= value; recency scores run backwards.
            position = sum((matrix[:, 0] >= edge).astype(int) for edge in edges[column])
            return position + 1 if higher[0] else self.bins - position
        above = [_lex_at_least(matrix, edge, higher) for edge in edges.to_numpy()]
        return 1 + np.sum(above, axis=0)

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """Add ``r_score``, ``f_score``, ``m_score`` and ``rfm_score`` to a copy of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            An RFM table with columns ``recency``, ``frequency``, ``monetary``; not modified.

        Returns
        -------
        pandas.DataFrame
            A copy of ``X`` with the integer scores and ``rfm_score``, the three
            digits as a string (e.g. ``"545"``).
        """
        check_fitted(self)
        values = self._check_rfm(X)
        result = X.copy()
        for column in RFM_COLUMNS:
            result[_SCORE_NAMES[column]] = self._score(values, column).astype("int64")
        result["rfm_score"] = (
            result["r_score"].astype(str)
            + result["f_score"].astype(str)
            + result["m_score"].astype(str)
        )
        return result

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the columns :meth:`transform` returns: the input's, then the four scores.

        Parameters
        ----------
        input_features : list of str, optional
            The input's column names; by default those seen by :meth:`fit`.

        Returns
        -------
        numpy.ndarray of str
        """
        return input_and_added_names(self, input_features, _ADDED_COLUMNS)


RFM_LABELS = {
    "recency": f"R {chinese_label('recency')}",
    "frequency": f"F {chinese_label('frequency')}",
    "monetary": f"M {chinese_label('monetary')}",
    "r_score": "R 分",
    "f_score": "F 分",
    "m_score": "M 分",
    "rfm_score": "RFM 代码",
    "segment": "客户群",
    "action": "建议动作",
}
"""Chinese headers of the RFM columns a learner reads (R, F, M mean the same in every module)."""


def rfm_preview(rfm: pd.DataFrame, rows: int = 5) -> pd.DataFrame:
    """The first ``rows`` customers of an RFM table with Chinese headers, money rounded.

    Parameters
    ----------
    rfm : pandas.DataFrame
        From :func:`rfm_table`, :class:`RFMScorer` or :func:`segment_customers`.
    rows : int, default 5
        How many customers to show.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [3, 40], "frequency": [2, 1], "monetary": [12.345, 8.0]},
    ...                    index=pd.Index(["C1", "C2"], name="customer_id"))
    >>> rfm_preview(rfm, rows=1)
          R 最近购买距今天数  F 购买次数  M 消费金额
    客户编号
    C1                3       2   12.35
    """
    if int(rows) != rows or rows < 1:
        raise ParameterError(f"rows 必须是正整数 (positive integer)，收到 (got) {rows!r}")
    shown = [column for column in RFM_LABELS if column in rfm.columns]
    table = rfm[shown].head(int(rows)).rename(columns=RFM_LABELS)
    money = RFM_LABELS["monetary"]
    if money in table.columns:
        table[money] = table[money].round(2)
    table.index.name = "客户编号"
    return table


def describe_rfm(rfm: pd.DataFrame) -> pd.DataFrame:
    """R, F and M over all customers in one Chinese table: average, median, smallest, largest.

    Examples
    --------
    >>> import pandas as pd
    >>> describe_rfm(pd.DataFrame({"recency": [1, 3, 8], "frequency": [1, 2, 6],
    ...                            "monetary": [10.0, 20.0, 90.0]}))
                   客户数    平均   中位数   最小    最大
    指标
    R 最近购买距今天数    3   4.0   3.0   1.0   8.0
    F 购买次数          3   3.0   2.0   1.0   6.0
    M 消费金额          3  40.0  20.0  10.0  90.0
    """
    require_columns(rfm, RFM_COLUMNS, what="RFM 表 (RFM table)")
    values = rfm[list(RFM_COLUMNS)].astype(float)
    table = pd.DataFrame(
        {
            "客户数": values.count(),
            "平均": values.mean().round(1),
            "中位数": values.median().round(1),
            "最小": values.min().round(1),
            "最大": values.max().round(1),
        }
    )
    table.index = [RFM_LABELS[column] for column in RFM_COLUMNS]
    table.index.name = "指标"
    return table


def score_rfm(rfm: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Give every customer a 1..``bins`` score on R, F and M, in one call.

    The one-call version of ``RFMScorer(bins=bins).fit_transform(rfm)``: adds ``r_score``,
    ``f_score``, ``m_score`` and the code ``rfm_score`` (e.g. ``"545"``) to a copy of ``rfm``.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [3, 90, 30], "frequency": [9, 1, 4],
    ...                     "monetary": [500.0, 20.0, 100.0]})
    >>> score_rfm(rfm, bins=3)["rfm_score"].tolist()
    ['333', '111', '222']
    """
    return RFMScorer(bins=bins).fit_transform(rfm)
