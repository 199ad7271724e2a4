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

With ``period="calendar"`` and ``unit="W"`` the counting follows the calendar instead (as
lifetimes' ``summary_data_from_transaction_data(freq="W")``): a purchase is a calendar **week**
(Monday to Sunday), so two purchases in one week are one purchase, and ``recency`` / ``T`` are
whole weeks between the weeks. The default ``period="continuous"`` keeps days as above.

Dates written as numbers, such as 19970101, are read with ``date_format="%Y%m%d"``; without
it a number column is refused (it is never taken as a count of nanoseconds).

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
from custseg.errors import DataError, ParameterError, require_columns
from custseg.frames import as_lazy, require_frame_columns, to_pandas

__all__ = ["summary_from_transactions"]

_DAYS_PER_UNIT = {"D": 1.0, "W": 7.0}
_PERIODS = ("continuous", "calendar")
_WHAT = "交易数据 (transactions)"
# Per-customer totals of a period: purchase periods (days, or calendar weeks), first and
# last period (period numbers), total amount and the amount of the first purchase period,
# indexed by customer id.
_PARTS = ["n_periods", "first", "last", "total", "first_amount"]
# Column names inside the engine's query, chosen not to clash with the user's columns.
_CUSTOMER, _DAY, _PERIOD = "__customer", "__day", "__period"
_AMOUNT, _FIRST = "__amount", "__first"
# 1970-01-01 was a Thursday: day number + 3 counts from the Monday before it.
_MONDAY_SHIFT = 3
# Days from 0001-01-01 to 1970-01-01 (proleptic Gregorian calendar).
_EPOCH_ORDINAL = 719_162
# Added before an integer division in an engine so that both sides stay positive.
_POSITIVE_WEEKS = 200_000


def _period_of_day(day: np.ndarray | int, weekly_calendar: bool) -> np.ndarray | int:
    """The purchase period of a day number: the day itself, or its Monday-to-Sunday week."""
    return (day + _MONDAY_SHIFT) // 7 if weekly_calendar else day


def _as_day(value: object, name: str) -> int:
    """A date-like value as a day number (days since 1970-01-01)."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise ParameterError(f"参数 {name} 不是日期 (not a date): {value!r}") from exc
    if stamp is pd.NaT:
        raise ParameterError(f"参数 {name} 不是日期 (not a date): {value!r}")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return int(np.datetime64(stamp.to_datetime64(), "D").astype(np.int64))


def _parse_dates(dates: pd.Series, date_col: str, date_format: str | None) -> pd.Series:
    """Text or number dates as datetimes; a value that is not a date names its row."""
    numbers = pd.api.types.is_numeric_dtype(dates) and not pd.api.types.is_bool_dtype(dates)
    if numbers and date_format is None:
        given = dates.notna().to_numpy()
        row = first_bad_row(dates, given) if given.any() else "-"
        value = dates[given].iloc[0] if given.any() else None
        value = value.item() if isinstance(value, np.generic) else value
        raise DataError(
            f"列 '{date_col}' 是数字, 不是日期 (numbers, not dates): 行 (row) {row} 的值 "
            f"(value) {value!r}。如果是 19970101 这样的日期, 请传入 date_format='%Y%m%d'。"
        )
    text = dates
    if numbers:  # 19970101 -> "19970101" (a float such as 19970101.5 stays unreadable)
        whole = dates.dropna()
        whole = whole.astype(np.int64) if (whole % 1 == 0).all() else whole
        text = whole.astype(str).reindex(dates.index)
    try:
        parsed = pd.to_datetime(text, format=date_format, errors="coerce")
    except (ValueError, TypeError) as exc:
        raise DataError(
            f"列 '{date_col}' 无法解析为日期 (cannot parse as datetime): {exc}"
        ) from exc
    unreadable = (parsed.isna() & dates.notna()).to_numpy()
    if unreadable.any():
        row = first_bad_row(dates, unreadable)
        value = dates.to_numpy()[int(np.argmax(unreadable))]
        shown = value.item() if isinstance(value, np.generic) else value
        how = (
            f"按格式 (format) {date_format!r}" if date_format else "自动识别格式 (inferred format)"
        )
        raise DataError(
            f"列 '{date_col}' 的行 (row) {row} 的值 (value) {shown!r} {how} 不是日期 "
            "(not a date)。请检查这个值, 或用 date_format 指定日期格式。"
        )
    return parsed


def _day_numbers(dates: pd.Series, date_col: str, date_format: str | None = None) -> np.ndarray:
    """Calendar day of every row as int64 days since 1970-01-01 (time of day dropped)."""
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = _parse_dates(dates, date_col, date_format)
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)
    missing = dates.isna().to_numpy()
    if missing.any():
        row = first_bad_row(dates, missing)
        raise DataError(f"列 '{date_col}' 有缺失的日期 (missing date), 第一处在行 (row) {row}")
    return dates.to_numpy().astype("datetime64[D]").astype(np.int64)


def _per_customer_periods(
    codes: np.ndarray, day: np.ndarray, amount: np.ndarray, n_customers: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Aggregate rows per customer code, counting purchase periods rather than rows.

    ``day`` holds the period number of every row (a day, or a calendar week). Returns, per
    customer code: number of distinct purchase periods, first period, last period, total
    amount and the total amount of the first purchase period. Only the distinct count
    needs the (customer, period) pairs, found with one sort of an int64 key.
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
    date_format: str | None,
    weekly_calendar: bool,
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
    day = _day_numbers(transactions[date_col], date_col, date_format)
    period = _period_of_day(day, weekly_calendar)
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
            arrays = _per_customer_periods(codes, period, amount, len(uniques))
        else:
            arrays = _per_customer_periods(codes[rows], period[rows], amount[rows], len(uniques))
        table = pd.DataFrame(dict(zip(_PARTS, arrays, strict=True)), index=uniques)
        return table[table["n_periods"].to_numpy() > 0]

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
        raise ParameterError(
            "参数 observation_end 必须晚于 calibration_end "
            f"(holdout end must be after calibration end): {observation_end!r}"
        )
    return obs_day


def _epoch_day(date: nw.Expr) -> nw.Expr:
    """Days since 1970-01-01 of a date, from its year and day of the year (every engine)."""
    years_before = date.dt.year().cast(nw.Int64) - 1
    return (
        years_before * 365
        + years_before // 4
        - years_before // 100
        + years_before // 400
        - _EPOCH_ORDINAL
        + date.dt.ordinal_day().cast(nw.Int64)
        - 1
    )


def _lazy_days(
    lazy: nw.LazyFrame,
    customer_col: str,
    date_col: str,
    amount_col: str,
    date_format: str | None,
    weekly_calendar: bool,
) -> nw.LazyFrame:
    """One row per transaction: customer, calendar day (local to the column), its period
    number (the day number, or the Monday-to-Sunday week number) and amount."""
    schema = lazy.collect_schema()
    dtype = schema[date_col]
    if date_format is not None and dtype not in (nw.Datetime, nw.Date):
        lazy = lazy.with_columns(
            nw.col(date_col).cast(nw.String).str.to_datetime(format=date_format)
        )
        dtype = lazy.collect_schema()[date_col]
    if dtype == nw.Datetime:
        day = nw.col(date_col).dt.date()
    elif dtype == nw.Date:
        day = nw.col(date_col)
    else:
        raise DataError(
            f"列 '{date_col}' 不是日期时间类型 (not a datetime column): {dtype}。"
            "请先把它转换为日期时间 (datetime), 或用 date_format 指定日期格式 "
            "(例如 19970101 用 date_format='%Y%m%d')。"
        )
    if not schema[amount_col].is_numeric():
        raise DataError(f"列 '{amount_col}' 不是数值类型 (not numeric): {schema[amount_col]}。")
    period = _epoch_day(day)
    if weekly_calendar:
        # shifted so that the engine divides positive numbers only
        period = (period + _MONDAY_SHIFT + 7 * _POSITIVE_WEEKS) // 7 - _POSITIVE_WEEKS
    return lazy.select(
        nw.col(customer_col).alias(_CUSTOMER),
        day.alias(_DAY),
        period.alias(_PERIOD),
        nw.col(amount_col).cast(nw.Float64).alias(_AMOUNT),
    )


def _lazy_query(days: nw.LazyFrame) -> nw.LazyFrame:
    """Per customer: purchase periods, first and last period, total and first-period amount."""
    daily = days.group_by(_CUSTOMER, _PERIOD).agg(nw.col(_AMOUNT).sum())
    if daily.implementation.is_spark_like():
        # narwhals has no ordered first() on Spark: mark each customer's first period instead.
        daily = daily.with_columns(nw.col(_PERIOD).min().over(_CUSTOMER).alias(_FIRST))
        on_first_day = nw.when(nw.col(_PERIOD) == nw.col(_FIRST)).then(nw.col(_AMOUNT))
        first_amount = on_first_day.otherwise(0.0).sum()
    else:
        # one row per period, so the first by period is the first period's total (twice as
        # fast in DuckDB as a window over the customer)
        first_amount = nw.col(_AMOUNT).first(order_by=_PERIOD)
    return daily.group_by(_CUSTOMER).agg(
        nw.len().alias("n_periods"),
        nw.col(_PERIOD).min().alias("first"),
        nw.col(_PERIOD).max().alias("last"),
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
    date_format: str | None,
    weekly_calendar: bool,
) -> tuple[pd.DataFrame, int, pd.DataFrame | None, int]:
    """The same totals as :func:`_pandas_parts`, grouped by the frame's own engine."""
    columns = [customer_col, date_col, amount_col]
    require_frame_columns(transactions, columns, what=_WHAT)
    lazy = as_lazy(transactions, what=_WHAT)
    days = _lazy_days(lazy, customer_col, date_col, amount_col, date_format, weekly_calendar)
    query = days.select(
        nw.col(_CUSTOMER).null_count().alias(customer_col),
        nw.col(_DAY).null_count().alias(date_col),
        nw.col(_AMOUNT).null_count().alias(amount_col),
        nw.col(_DAY).max().alias(_DAY),
    )
    try:
        checks = to_pandas(query).iloc[0]
    except Exception as exc:  # each engine raises its own error for an unreadable date
        if date_format is None:
            raise
        raise DataError(
            f"列 '{date_col}' 有值按格式 (format) {date_format!r} 不是日期 (not a date): {exc}"
        ) from exc
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

    def parts(rows: nw.LazyFrame) -> pd.DataFrame:
        table = to_pandas(_lazy_query(rows)).set_index(_CUSTOMER)
        types = {"n_periods": np.int64, "first": np.int64, "last": np.int64}
        return table[_PARTS].astype({**types, "total": float, "first_amount": float})

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
    period: str = "continuous",
    date_format: str | None = None,
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
        :mod:`custseg.frames`); their date column must be a datetime or date column, or
        be read with ``date_format``.
    calibration_end : date-like, optional
        Last day of the calibration period (inclusive). Transactions after it are left out
        of ``frequency`` / ``recency`` / ``monetary_value``, customers whose first purchase
        is after it are left out, and ``T`` is measured up to it. Default: the last date in
        the data.
    observation_end : date-like, optional
        Last day of a holdout period following ``calibration_end`` (inclusive). When given,
        the columns ``frequency_holdout`` (purchase periods in the holdout period),
        ``monetary_value_holdout`` (mean value of those periods, 0 if none) and
        ``duration_holdout`` (length of the holdout period) are added.
    unit : {"D", "W"}, default "D"
        Time unit of ``recency``, ``T`` and ``duration_holdout``: days, or weeks.
    period : {"continuous", "calendar"}, default "continuous"
        How time is counted with ``unit="W"``. ``"continuous"``: a purchase is a day and
        durations are days / 7 (272 days = 38.86 weeks), as in the published CDNOW
        summary. ``"calendar"``: a purchase is a calendar week, Monday to Sunday (two
        purchases in one week are one purchase, worth their sum), and durations are whole
        weeks between the weeks, as lifetimes' ``summary_data_from_transaction_data``
        with ``freq="W"``. ``calibration_end`` and ``observation_end`` stay the last days
        counted: the week they fall in is counted up to that day. With ``unit="D"`` both
        are the same.
    date_format : str, optional
        How to read dates written as text or numbers, in ``strftime`` codes: for example
        ``"%Y%m%d"`` for 19970101 or ``"%d/%m/%Y"`` for 31/01/1997. Without it, text dates
        are read in the format of their first value, and a number column is refused.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (sorted), with columns ``frequency`` (int), ``recency``,
        ``T``, ``monetary_value`` and, with ``observation_end``, the holdout columns.
        ``attrs["time_unit"]`` is ``unit`` and ``attrs["period"]`` is ``period``.

    Raises
    ------
    DataError
        A column is missing, a date or customer id is missing, a date cannot be read
        (naming its column, row and value), or ``calibration_end`` is before the first
        purchase.
    ParameterError
        ``unit`` or ``period`` is unknown, a date argument is not a date, or
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

    Counted in calendar weeks, with dates written as numbers: the 1st and the 3rd of
    January 2024 (Monday and Wednesday) are one purchase week, the 11th is the next week,
    so ``a`` has one repeat purchase, one week after the first; the 31st is 4 weeks later:

    >>> numbers = tx.assign(invoice_date=[20240101, 20240103, 20240111, 20240121])
    >>> summary_from_transactions(
    ...     numbers, "2024-01-31", unit="W", period="calendar", date_format="%Y%m%d"
    ... )
                 frequency  recency    T  monetary_value
    customer_id
    a                    1      1.0  4.0            30.0
    b                    0      0.0  2.0             0.0
    """
    if unit not in _DAYS_PER_UNIT:
        raise ParameterError(
            f"参数 unit 只能是 'D' (天 days) 或 'W' (周 weeks), 收到 (got): {unit!r}"
        )
    if period not in _PERIODS:
        raise ParameterError(
            "参数 period 只能是 'continuous' (连续时间 continuous time) 或 'calendar' "
            f"(按日历周期 calendar periods), 收到 (got): {period!r}"
        )
    weekly_calendar = period == "calendar" and unit == "W"
    per_unit = 1.0 if weekly_calendar else _DAYS_PER_UNIT[unit]
    native = nw.to_native(transactions, pass_through=True)
    compute = _pandas_parts if isinstance(native, pd.DataFrame) else _lazy_parts
    calibration, cal_day, holdout, obs_day = compute(
        native,
        calibration_end,
        observation_end,
        customer_col,
        date_col,
        amount_col,
        date_format,
        weekly_calendar,
    )
    if calibration_end is not None and calibration.empty:
        raise DataError(
            f"参数 calibration_end {calibration_end!r} 早于第一笔购买，这一天及以前没有任何购买 "
            "(is before the first purchase: no purchase on or before it)。"
            "请选一个数据范围内的日期 (choose a date within the data)。"
        )
    cal_period = _period_of_day(cal_day, weekly_calendar)

    frequency = calibration["n_periods"].to_numpy() - 1
    repeat_total = calibration["total"].to_numpy() - calibration["first_amount"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, repeat_total / np.maximum(frequency, 1), 0.0)
    first = calibration["first"].to_numpy()
    summary = pd.DataFrame(
        {
            "frequency": frequency.astype(np.int64),
            "recency": (calibration["last"].to_numpy() - first) / per_unit,
            "T": (cal_period - first) / per_unit,
            "monetary_value": monetary,
        },
        index=calibration.index.rename(customer_col),
    )

    if holdout is not None:
        holdout = holdout.reindex(summary.index)
        h_days = holdout["n_periods"].fillna(0).to_numpy(np.int64)
        h_total = holdout["total"].fillna(0.0).to_numpy(np.float64)
        summary["frequency_holdout"] = h_days
        summary["monetary_value_holdout"] = np.where(
            h_days > 0, h_total / np.maximum(h_days, 1), 0.0
        )
        obs_period = _period_of_day(obs_day, weekly_calendar)
        summary["duration_holdout"] = (obs_period - cal_period) / per_unit

    # the unit travels with the table, so a model can refuse a summary in another unit
    summary.attrs["time_unit"] = unit
    summary.attrs["period"] = period
    try:
        return summary.sort_index()
    except TypeError:  # ids of mixed types cannot be sorted: keep first-seen order
        return summary
