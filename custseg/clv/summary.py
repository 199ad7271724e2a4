"""Frequency / recency / T summary of a transaction log, the input of the BTYD models.

The standard "buy till you die" (BTYD) convention of Fader, Hardie & Lee (2005):

* purchases are counted per **day**: several invoices of one customer on the same calendar
  day (time of day ignored) are one purchase, worth the sum of their amounts;
* ``frequency`` = number of *repeat* purchase days (purchase days - 1);
* ``recency`` = time from the first to the last purchase day;
* ``T`` = time from the first purchase day to the end of the calibration period;
* ``monetary_value`` = mean value of the repeat purchase days, 0 when ``frequency`` is 0.

Durations are in days (``unit="D"``) or in weeks (``unit="W"``: days / 7, the convention of the
published CDNOW summary, e.g. 272 days = 38.86 weeks). Because a purchase is a day, the
``invoice_id`` column is not needed here.

A pandas log is summarised with numpy in this process. Any other frame that
:mod:`custseg.frames` accepts (polars, a DuckDB relation, a PySpark DataFrame) is grouped
by its own engine: one row per customer and purchase day, then one row per customer; only
that per-customer result is collected.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from custseg.clv._fitting import first_bad_row
from custseg.errors import DataError, require_columns
from custseg.frames import as_lazy, require_frame_columns, to_pandas

__all__ = ["summary_from_transactions"]

_DAYS_PER_UNIT = {"D": 1.0, "W": 7.0}
_WHAT = "交易数据 (transactions)"
# Per-customer totals of a period: purchase days, first and last day (day numbers), total
# amount and the amount of the first purchase day, indexed by customer id.
_PARTS = ["n_days", "first", "last", "total", "first_amount"]
# Column names inside the engine's query, chosen not to clash with the user's columns.
_CUSTOMER, _DAY, _AMOUNT, _FIRST = "__customer", "__day", "__amount", "__first"


def _as_day(value: object, name: str) -> int:
    """A date-like value as a day number (days since 1970-01-01)."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise DataError(f"参数 {name} 不是日期 (not a date): {value!r}") from exc
    if stamp is pd.NaT:
        raise DataError(f"参数 {name} 不是日期 (not a date): {value!r}")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return int(np.datetime64(stamp.to_datetime64(), "D").astype(np.int64))


def _day_numbers(dates: pd.Series, date_col: str) -> np.ndarray:
    """Calendar day of every row as int64 days since 1970-01-01 (time of day dropped)."""
    if not pd.api.types.is_datetime64_any_dtype(dates):
        try:
            dates = pd.to_datetime(dates)
        except (ValueError, TypeError) as exc:
            raise DataError(
                f"列 '{date_col}' 无法解析为日期 (cannot parse as datetime): {exc}"
            ) from exc
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)
    missing = dates.isna().to_numpy()
    if missing.any():
        row = first_bad_row(dates, missing)
        raise DataError(f"列 '{date_col}' 有缺失的日期 (missing date), 第一处在行 (row) {row}")
    return dates.to_numpy().astype("datetime64[D]").astype(np.int64)


def _per_customer_days(
    codes: np.ndarray, day: np.ndarray, amount: np.ndarray, n_customers: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Aggregate rows per customer code, counting purchase days rather than rows.

    Returns, per customer code: number of distinct purchase days, first day, last day,
    total amount and the total amount of the first purchase day. Only the distinct-day
    count needs the (customer, day) pairs, found with one sort of an int64 key.
    """
    n_days = np.zeros(n_customers, dtype=np.int64)
    first = np.zeros(n_customers, dtype=np.int64)
    last = np.zeros(n_customers, dtype=np.int64)
    if len(day) == 0:
        return n_days, first, last, np.zeros(n_customers), np.zeros(n_customers)
    origin = int(day.min())
    span = int(day.max()) - origin + 1
    offset = day - origin
    first[:] = span
    np.minimum.at(first, codes, offset)
    last[:] = -1
    np.maximum.at(last, codes, offset)
    total = np.bincount(codes, weights=amount, minlength=n_customers)
    on_first_day = offset == first[codes]
    first_amount = np.bincount(
        codes[on_first_day], weights=amount[on_first_day], minlength=n_customers
    )
    keys = np.sort(codes.astype(np.int64) * span + offset)
    distinct = np.empty(len(keys), dtype=bool)
    distinct[0] = True
    np.not_equal(keys[1:], keys[:-1], out=distinct[1:])
    n_days = np.bincount(keys[distinct] // span, minlength=n_customers)
    return n_days, first + origin, last + origin, total, first_amount


def _customer_codes(customers: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer code of every row's customer (-1 when missing) and the id of every code.

    Integer ids in a compact range are used directly (id - min), which is faster than
    hashing; other ids are factorized.
    """
    values = customers.to_numpy()
    if values.dtype.kind in "iu" and len(values):
        low, high = int(values.min()), int(values.max())
        if high - low < 4 * len(values) + 1024:
            return (values - low).astype(np.intp), pd.Index(np.arange(low, high + 1))
    codes, uniques = pd.factorize(customers, sort=False, use_na_sentinel=True)
    return codes, pd.Index(uniques)


def _pandas_parts(
    transactions: pd.DataFrame,
    calibration_end: object,
    observation_end: object,
    customer_col: str,
    date_col: str,
    amount_col: str,
) -> tuple[pd.DataFrame, int, pd.DataFrame | None, int]:
    """Per-customer totals of the calibration and holdout periods, computed with numpy.

    Returns the calibration totals, the last calibration day, and the holdout totals and
    last holdout day (``None`` and 0 without ``observation_end``).
    """
    require_columns(transactions, [customer_col, date_col, amount_col], what=_WHAT)
    codes, uniques = _customer_codes(transactions[customer_col])
    if (codes < 0).any():
        row = first_bad_row(transactions, codes < 0)
        raise DataError(
            f"列 '{customer_col}' 有缺失的客户编号 (missing customer id), 第一处在行 (row) {row}"
        )
    day = _day_numbers(transactions[date_col], date_col)
    amount = pd.to_numeric(transactions[amount_col], errors="coerce").to_numpy(np.float64)
    bad_amount = np.isnan(amount)
    if bad_amount.any():
        row = first_bad_row(transactions, bad_amount)
        raise DataError(
            f"列 '{amount_col}' 有缺失或非数值的金额 (missing / non-numeric amount), "
            f"第一处在行 (row) {row}"
        )

    cal_day = int(day.max()) if len(day) else 0
    if calibration_end is not None:
        cal_day = _as_day(calibration_end, "calibration_end")

    def parts(rows: np.ndarray | None) -> pd.DataFrame:
        if rows is None:
            arrays = _per_customer_days(codes, day, amount, len(uniques))
        else:
            arrays = _per_customer_days(codes[rows], day[rows], amount[rows], len(uniques))
        table = pd.DataFrame(dict(zip(_PARTS, arrays, strict=True)), index=uniques)
        return table[table["n_days"].to_numpy() > 0]

    obs_day = 0 if observation_end is None else _check_observation_end(observation_end, cal_day)
    in_calibration = day <= cal_day
    calibration = parts(None if in_calibration.all() else in_calibration)
    holdout = None
    if observation_end is not None:
        holdout = parts(~in_calibration & (day <= obs_day))
    return calibration, cal_day, holdout, obs_day


def _check_observation_end(observation_end: object, cal_day: int) -> int:
    obs_day = _as_day(observation_end, "observation_end")
    if obs_day <= cal_day:
        raise DataError(
            "参数 observation_end 必须晚于 calibration_end "
            f"(holdout end must be after calibration end): {observation_end!r}"
        )
    return obs_day


def _lazy_days(
    lazy: nw.LazyFrame, customer_col: str, date_col: str, amount_col: str
) -> nw.LazyFrame:
    """One row per transaction: customer, calendar day (local to the column) and amount."""
    schema = lazy.collect_schema()
    dtype = schema[date_col]
    if dtype == nw.Datetime:
        day = nw.col(date_col).dt.date()
    elif dtype == nw.Date:
        day = nw.col(date_col)
    else:
        raise DataError(
            f"列 '{date_col}' 不是日期时间类型 (not a datetime column): {dtype}。"
            "请先把它转换为日期时间 (datetime)。"
        )
    if not schema[amount_col].is_numeric():
        raise DataError(f"列 '{amount_col}' 不是数值类型 (not numeric): {schema[amount_col]}。")
    return lazy.select(
        nw.col(customer_col).alias(_CUSTOMER),
        day.alias(_DAY),
        nw.col(amount_col).cast(nw.Float64).alias(_AMOUNT),
    )


def _lazy_query(days: nw.LazyFrame) -> nw.LazyFrame:
    """Per customer: purchase days, first and last day, total and first-day amount."""
    daily = days.group_by(_CUSTOMER, _DAY).agg(nw.col(_AMOUNT).sum())
    if daily.implementation.is_spark_like():
        # narwhals has no ordered first() on Spark: mark each customer's first day instead.
        daily = daily.with_columns(nw.col(_DAY).min().over(_CUSTOMER).alias(_FIRST))
        on_first_day = nw.when(nw.col(_DAY) == nw.col(_FIRST)).then(nw.col(_AMOUNT))
        first_amount = on_first_day.otherwise(0.0).sum()
    else:
        # one row per day, so the first by day is the first day's total (twice as fast in
        # DuckDB as a window over the customer)
        first_amount = nw.col(_AMOUNT).first(order_by=_DAY)
    return daily.group_by(_CUSTOMER).agg(
        nw.len().alias("n_days"),
        nw.col(_DAY).min().alias("first"),
        nw.col(_DAY).max().alias("last"),
        nw.col(_AMOUNT).sum().alias("total"),
        first_amount.alias("first_amount"),
    )


def _day_number_of(dates: pd.Series) -> np.ndarray:
    """Dates (as collected from any engine) as int64 days since 1970-01-01."""
    return pd.to_datetime(dates).to_numpy().astype("datetime64[D]").astype(np.int64)


def _date_of(day_number: int) -> dt.date:
    return np.datetime64(day_number, "D").astype(dt.date)


def _lazy_parts(
    transactions: Any,
    calibration_end: object,
    observation_end: object,
    customer_col: str,
    date_col: str,
    amount_col: str,
) -> tuple[pd.DataFrame, int, pd.DataFrame | None, int]:
    """The same totals as :func:`_pandas_parts`, grouped by the frame's own engine."""
    columns = [customer_col, date_col, amount_col]
    require_frame_columns(transactions, columns, what=_WHAT)
    days = _lazy_days(as_lazy(transactions, what=_WHAT), customer_col, date_col, amount_col)
    checks = to_pandas(
        days.select(
            nw.col(_CUSTOMER).null_count().alias(customer_col),
            nw.col(_DAY).null_count().alias(date_col),
            nw.col(_AMOUNT).null_count().alias(amount_col),
            nw.col(_DAY).max().alias(_DAY),
        )
    ).iloc[0]
    for column in columns:
        if int(checks[column]) > 0:
            raise DataError(
                f"列 '{column}' 有 {int(checks[column])} 个缺失值 (missing values)。"
                "请先清洗数据 (clean the transactions)，去掉这些行。"
            )

    if calibration_end is not None:
        cal_day = _as_day(calibration_end, "calibration_end")
    elif pd.isna(checks[_DAY]):  # no rows
        cal_day = 0
    else:
        cal_day = int(_day_number_of(pd.Series([checks[_DAY]]))[0])

    def parts(period: nw.LazyFrame) -> pd.DataFrame:
        table = to_pandas(_lazy_query(period)).set_index(_CUSTOMER)
        table["first"] = _day_number_of(table["first"])
        table["last"] = _day_number_of(table["last"])
        return table[_PARTS].astype({"n_days": np.int64, "total": float, "first_amount": float})

    obs_day = 0 if observation_end is None else _check_observation_end(observation_end, cal_day)
    in_calibration = nw.col(_DAY) <= nw.lit(_date_of(cal_day))
    calibration = parts(days if calibration_end is None else days.filter(in_calibration))
    holdout = None
    if observation_end is not None:
        in_holdout = ~in_calibration & (nw.col(_DAY) <= nw.lit(_date_of(obs_day)))
        holdout = parts(days.filter(in_holdout))
    return calibration, cal_day, holdout, obs_day


def summary_from_transactions(
    transactions: Any,
    calibration_end: object = None,
    observation_end: object = None,
    unit: str = "D",
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Summarise a transaction log per customer as frequency, recency, T and monetary value.

    Parameters
    ----------
    transactions : pandas.DataFrame, or polars, DuckDB or PySpark frame
        One row per transaction line, with a customer, a date and an amount column.
        Frames other than pandas are grouped by their own engine (see
        :mod:`custseg.frames`); their date column must be a datetime or date column.
    calibration_end : date-like, optional
        Last day of the calibration period (inclusive). Transactions after it are left out
        of ``frequency`` / ``recency`` / ``monetary_value``, customers whose first purchase
        is after it are left out, and ``T`` is measured up to it. Default: the last date in
        the data.
    observation_end : date-like, optional
        Last day of a holdout period following ``calibration_end`` (inclusive). When given,
        the columns ``frequency_holdout`` (purchase days in the holdout period),
        ``monetary_value_holdout`` (mean value of those days, 0 if none) and
        ``duration_holdout`` (length of the holdout period) are added.
    unit : {"D", "W"}, default "D"
        Time unit of ``recency``, ``T`` and ``duration_holdout``: days, or weeks (days / 7).
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date (datetime) and the amount.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (sorted), with columns ``frequency`` (int), ``recency``,
        ``T``, ``monetary_value`` and, with ``observation_end``, the holdout columns.

    Raises
    ------
    DataError
        A column is missing, a date or customer id is missing, ``unit`` is unknown, or
        ``observation_end`` is not after ``calibration_end``.

    Notes
    -----
    pandas input is fully vectorised (factorize + bincount, no Python loop per customer),
    so ten million rows take seconds. Other input is grouped by its engine, which can be
    far larger than memory (a DuckDB relation or a polars ``scan_parquet`` over files).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["a", "a", "a", "b"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-21"]),
    ...     "amount": [10.0, 5.0, 30.0, 8.0],
    ... })
    >>> summary_from_transactions(tx, calibration_end="2024-01-31")
                 frequency  recency     T  monetary_value
    customer_id
    a                    1     10.0  30.0            30.0
    b                    0      0.0  10.0             0.0

    A polars (or DuckDB, or PySpark) frame gives the same summary:

    >>> import polars as pl
    >>> summary_from_transactions(pl.from_pandas(tx).lazy(), calibration_end="2024-01-31")
                 frequency  recency     T  monetary_value
    customer_id
    a                    1     10.0  30.0            30.0
    b                    0      0.0  10.0             0.0
    """
    if unit not in _DAYS_PER_UNIT:
        raise DataError(f"参数 unit 只能是 'D' (天 days) 或 'W' (周 weeks), 收到 (got): {unit!r}")
    per_unit = _DAYS_PER_UNIT[unit]
    native = nw.to_native(transactions, pass_through=True)
    compute = _pandas_parts if isinstance(native, pd.DataFrame) else _lazy_parts
    calibration, cal_day, holdout, obs_day = compute(
        native, calibration_end, observation_end, customer_col, date_col, amount_col
    )

    n_days = calibration["n_days"].to_numpy()
    frequency = n_days - 1
    repeat_total = calibration["total"].to_numpy() - calibration["first_amount"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, repeat_total / np.maximum(frequency, 1), 0.0)
    first = calibration["first"].to_numpy()
    summary = pd.DataFrame(
        {
            "frequency": frequency.astype(np.int64),
            "recency": (calibration["last"].to_numpy() - first) / per_unit,
            "T": (cal_day - first) / per_unit,
            "monetary_value": monetary,
        },
        index=calibration.index.rename(customer_col),
    )

    if holdout is not None:
        holdout = holdout.reindex(summary.index)
        h_days = holdout["n_days"].fillna(0).to_numpy(np.int64)
        h_total = holdout["total"].fillna(0.0).to_numpy(np.float64)
        summary["frequency_holdout"] = h_days
        summary["monetary_value_holdout"] = np.where(
            h_days > 0, h_total / np.maximum(h_days, 1), 0.0
        )
        summary["duration_holdout"] = (obs_day - cal_day) / per_unit

    # the unit travels with the table, so a model can refuse a summary in another unit
    summary.attrs["time_unit"] = unit
    try:
        return summary.sort_index()
    except TypeError:  # ids of mixed types cannot be sorted: keep first-seen order
        return summary
