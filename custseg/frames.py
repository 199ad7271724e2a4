"""Accept any data frame library, compute with narwhals, hand back pandas.

Aggregations in custseg (RFM, ABC, lifecycle, cohorts, the BTYD summary) take the
transactions as pandas, polars (eager ``DataFrame`` or ``LazyFrame``), a DuckDB relation,
a PySpark DataFrame, or anything else `narwhals <https://narwhals-dev.github.io/narwhals/>`_
supports. They work on a narwhals frame, so the heavy grouping runs in the user's own
engine, and only the small per-customer result comes back, always as a pandas DataFrame.

Time zones: a purchase's calendar day is read in the time zone of its column. Naive
columns (pandas ``datetime64``, Spark ``TIMESTAMP_NTZ``) are taken as they are; a Spark
``TIMESTAMP`` column is read in the session time zone (``spark.sql.session.timeZone``),
as Spark's own ``to_date`` and ``show()`` do, and its results come back in that zone.
Nothing depends on the time zone of the Python process.

The public API is small and stable:

- :func:`as_narwhals` wraps the input (eager stays eager, lazy stays lazy);
- :func:`as_lazy` wraps it as a narwhals ``LazyFrame`` (the usual start of a query);
- :func:`column_names` lists the columns without computing anything;
- :func:`require_frame_columns` raises :class:`~custseg.errors.DataError` for missing columns;
- :func:`datetime_literal` is a point in time to compare a datetime column with;
- :func:`to_pandas` collects a narwhals (or native) frame into pandas.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import narwhals as nw
import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns

__all__ = [
    "DUCKDB_MIN_ROWS",
    "as_lazy",
    "as_narwhals",
    "canonical_columns",
    "column_names",
    "columns_as_given",
    "datetime_literal",
    "require_frame_columns",
    "to_pandas",
]


def as_narwhals(data: Any, *, what: str = "数据 (data)") -> nw.DataFrame | nw.LazyFrame:
    """Wrap a data frame of any supported library as a narwhals frame.

    Parameters
    ----------
    data : pandas.DataFrame, polars.DataFrame, polars.LazyFrame, duckdb relation, ...
        Any frame narwhals supports (also a PySpark DataFrame); a narwhals frame is
        returned unchanged.
    what : str, default "数据 (data)"
        How the table is called in the error message.

    Returns
    -------
    narwhals.DataFrame or narwhals.LazyFrame
        Eager input gives a ``DataFrame``, lazy input (polars ``LazyFrame``,
        DuckDB relation, PySpark DataFrame) a ``LazyFrame``.

    Raises
    ------
    DataError
        If ``data`` is not a data frame (for example a list or a dict), naming its type.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = as_narwhals(pd.DataFrame({"customer_id": [1, 2]}))
    >>> type(frame).__name__, str(frame.implementation)
    ('DataFrame', 'pandas')
    >>> as_narwhals([1, 2])
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 数据 (data) 不是数据表 (not a data frame): 收到 (got) list。...
    """
    if isinstance(data, nw.DataFrame | nw.LazyFrame):
        return data
    try:
        return nw.from_native(data)
    except TypeError:
        raise DataError(
            f"{what} 不是数据表 (not a data frame): 收到 (got) {type(data).__name__}。"
            "请传入 pandas / polars / PySpark DataFrame 或 DuckDB 关系 (relation)。"
        ) from None


#: Below this many rows pandas groups faster than DuckDB can start and read the frame.
DUCKDB_MIN_ROWS = 100_000


def _duckdb_can_scan(native: Any) -> bool:
    """Whether DuckDB is installed and reads this pandas frame fast and without surprises.

    Measured on the Online Retail lines (7,851 to 1.6 million rows): DuckDB is about twice
    as fast as pandas on numpy columns from a hundred thousand rows on, but four to ten
    times slower on pandas' text columns (``string`` dtype, python or pyarrow storage),
    which it converts value by value, and never faster on small frames.
    """
    if not isinstance(native, pd.DataFrame) or importlib.util.find_spec("duckdb") is None:
        return False
    names_ok = all(isinstance(c, str) for c in native.columns) and native.columns.is_unique
    # DuckDB would turn time-zone-aware times into UTC, moving some purchases to another day.
    naive = not any(isinstance(dtype, pd.DatetimeTZDtype) for dtype in native.dtypes)
    numpy_text = not any(
        isinstance(dtype, pd.StringDtype | pd.ArrowDtype) for dtype in native.dtypes
    )
    return names_ok and naive and numpy_text and len(native) >= DUCKDB_MIN_ROWS


def as_lazy(data: Any, *, what: str = "数据 (data)", engine: str = "native") -> nw.LazyFrame:
    """Wrap a data frame as a narwhals ``LazyFrame``, ready for a query.

    Parameters
    ----------
    data : frame of any supported library
        See :func:`as_narwhals`.
    what : str, default "数据 (data)"
        How the table is called in the error message.
    engine : {"native", "auto"}, default "native"
        Which library runs the query. ``"native"``: the input's own library (a
        pandas frame is computed by pandas, a polars frame by polars; nothing is
        copied). ``"auto"``: the same, except that a pandas frame of at least
        :data:`DUCKDB_MIN_ROWS` rows with numpy columns is handed to DuckDB when DuckDB
        is installed (it reads them in place and groups about twice as fast); small
        frames, frames with pandas ``string`` or pyarrow columns (slower in DuckDB),
        time-zone-aware columns or non-text column names stay with pandas. Both give
        the same results.

    Returns
    -------
    narwhals.LazyFrame

    Examples
    --------
    >>> import narwhals as nw
    >>> import pandas as pd
    >>> lazy = as_lazy(pd.DataFrame({"customer_id": [1, 1, 2], "amount": [1.0, 2.0, 5.0]}))
    >>> query = lazy.group_by("customer_id").agg(nw.col("amount").sum()).sort("customer_id")
    >>> to_pandas(query)
       customer_id  amount
    0            1     3.0
    1            2     5.0
    """
    if engine not in ("native", "auto"):
        raise ParameterError(f"engine 只能是 'native' 或 'auto' (must be), 收到 (got) {engine!r}")
    frame = as_narwhals(data, what=what)
    if isinstance(frame, nw.LazyFrame):
        return frame
    native = frame.to_native()
    if engine == "auto" and _duckdb_can_scan(native):
        import duckdb

        return nw.from_native(duckdb.connect().from_df(native))
    return frame.lazy()


def column_names(data: Any) -> list[str]:
    """The column names of a frame of any supported library, without computing it.

    Examples
    --------
    >>> import pandas as pd
    >>> column_names(pd.DataFrame({"customer_id": [1], "amount": [2.0]}))
    ['customer_id', 'amount']
    """
    return list(as_narwhals(data).collect_schema().names())


def require_frame_columns(data: Any, columns: Iterable[str], *, what: str = "数据 (data)") -> None:
    """Like :func:`custseg.errors.require_columns`, for a frame of any supported library.

    Raises
    ------
    DataError
        Naming every missing column and listing the columns found.

    Examples
    --------
    >>> import polars as pl
    >>> require_frame_columns(pl.DataFrame({"amount": [1.0]}), ["customer_id"], what="交易表")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 交易表 缺少必需的列 (missing required column): 'customer_id'。...
    """
    names = column_names(data)
    require_columns(pd.DataFrame(columns=names), columns, what=what)


def datetime_literal(value: Any, frame: nw.LazyFrame, column: str) -> nw.Expr:
    """A point in time to compare the datetime ``column`` of ``frame`` with.

    ``value`` is read as a wall-clock time in the column's time zone (a naive
    ``value`` on an aware column) or converted to it (an aware ``value``), so that
    ``nw.col(column) < datetime_literal(...)`` means the same on every backend. On
    Spark the literal is built from text and cast by Spark itself: PySpark would turn a
    naive Python ``datetime`` into an instant with the time zone of the Python process,
    which need not be the session time zone the column is read in.

    Parameters
    ----------
    value : date-like
        Anything :class:`pandas.Timestamp` accepts.
    frame : narwhals.LazyFrame
        The frame the literal is compared with.
    column : str
        A ``Datetime`` column of ``frame``.

    Returns
    -------
    narwhals.Expr

    Examples
    --------
    >>> import narwhals as nw
    >>> import pandas as pd
    >>> times = pd.to_datetime(["2024-01-01 23:30", "2024-01-02 00:30"])
    >>> times = times.tz_localize("Asia/Shanghai")
    >>> lazy = as_lazy(pd.DataFrame({"t": times}))
    >>> to_pandas(lazy.filter(nw.col("t") < datetime_literal("2024-01-02", lazy, "t")))
                              t
    0 2024-01-01 23:30:00+08:00
    """
    stamp = pd.Timestamp(value)
    dtype = frame.collect_schema()[column]
    zone = getattr(dtype, "time_zone", None)
    if zone is None:
        stamp = stamp.tz_localize(None) if stamp.tzinfo is not None else stamp
    else:
        stamp = stamp.tz_localize(zone) if stamp.tzinfo is None else stamp.tz_convert(zone)
    if frame.implementation.is_spark_like():
        wall_clock = stamp.tz_localize(None).isoformat(sep=" ")
        return nw.lit(wall_clock).cast(nw.Datetime("us", zone))
    return nw.lit(stamp.to_pydatetime())


def to_pandas(frame: Any) -> pd.DataFrame:
    """Collect a narwhals or native frame into a pandas DataFrame.

    Lazy frames (polars ``LazyFrame``, DuckDB relations, PySpark DataFrames, narwhals
    ``LazyFrame``) are computed first. The result is always a new frame with a fresh
    ``RangeIndex`` (whatever the backend), so assigning a column to it never changes
    the caller's data. Time-zone-aware columns keep the time zone of the frame's schema
    (Spark hands them over in UTC; they are converted back to the session time zone).

    Parameters
    ----------
    frame : narwhals frame or frame of any supported library

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import polars as pl
    >>> to_pandas(pl.DataFrame({"customer_id": [1, 2]}).lazy())
       customer_id
    0            1
    1            2
    """
    wrapped = as_narwhals(frame)
    zones = {
        name: dtype.time_zone
        for name, dtype in wrapped.collect_schema().items()
        if isinstance(dtype, nw.Datetime) and dtype.time_zone is not None
    }
    if isinstance(wrapped, nw.LazyFrame):
        wrapped = wrapped.collect()
    native = wrapped.to_native()
    if isinstance(native, pd.DataFrame):
        return native.reset_index(drop=True)
    result = wrapped.to_pandas()
    for name, zone in zones.items():
        times = result[name]
        if isinstance(times.dtype, pd.DatetimeTZDtype) and str(times.dt.tz) != zone:
            result[name] = times.dt.tz_convert(zone)
    return result


def canonical_columns(
    transactions: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
    needed: Sequence[str] = ("customer", "date", "amount"),
    what: str = "交易表 (transactions)",
) -> Any:
    """``transactions`` with the named columns under the canonical names, input untouched.

    The columns named by ``customer_col``, ``date_col``, ``amount_col`` and ``invoice_col``
    get the names ``customer_id``, ``invoice_date``, ``amount`` and ``invoice_id``. With the
    canonical names the frame is returned as it is. A pandas frame is renamed without
    copying its data; other frames (polars, DuckDB, PySpark) are renamed lazily by their
    own library. Another column already called by a canonical name is left out (moved
    aside), so that every name means one column.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy), DuckDB or PySpark frame
        The transactions. Not modified.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number. ``invoice_col`` is used when present; a name other than the default
        must be present.
    needed : sequence of {"customer", "date", "amount"}
        Which of the three columns must be present.
    what : str
        How the table is called in the error message.

    Returns
    -------
    The same kind of frame as ``transactions``.

    Raises
    ------
    DataError
        A needed column (or a non-default ``invoice_col``) is missing, naming it.
    ParameterError
        A column name that is not text, or one column named for two roles.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"CustomerID": [1], "InvoiceDate": ["2024-01-01"], "Sales": [2.0]})
    >>> list(canonical_columns(tx, customer_col="CustomerID", date_col="InvoiceDate",
    ...                        amount_col="Sales").columns)
    ['customer_id', 'invoice_date', 'amount']
    >>> canonical_columns(tx, customer_col="客户", date_col="InvoiceDate", amount_col="Sales")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 交易表 (transactions) 缺少必需的列 (missing required column): '客户'。...
    """
    roles = {
        "customer": (customer_col, "customer_id"),
        "date": (date_col, "invoice_date"),
        "amount": (amount_col, "amount"),
        "invoice": (invoice_col, "invoice_id"),
    }
    for role, (name, _) in roles.items():
        if not isinstance(name, str):
            raise ParameterError(f"{role}_col 应为列名 (a column name), 收到 (got) {name!r}")
    names = column_names(transactions)
    required = [roles[role][0] for role in needed]
    if invoice_col != "invoice_id":
        required.append(invoice_col)
    require_columns(pd.DataFrame(columns=names), required, what=what)
    pairs = [(source, target) for source, target in roles.values() if source in names]
    sources = [source for source, _ in pairs]
    if len(set(sources)) < len(sources):
        raise ParameterError(f"同一列不能有两个用途 (one column named for two roles): {sources}")
    if all(source == target for source, target in pairs):
        return transactions
    mapping = dict(pairs)
    clashing = [name for name in names if name in mapping.values() and name not in mapping]
    if isinstance(transactions, pd.DataFrame):
        # Moved aside rather than dropped: dropping a column copies the whole frame.
        aside = {name: f"__unused_{name}" for name in clashing}
        return transactions.rename(columns={**aside, **mapping}, copy=False)
    frame = as_narwhals(transactions, what=what)
    renamed = [
        nw.col(name).alias(mapping.get(name, name)) for name in names if name not in clashing
    ]
    return nw.to_native(frame.select(*renamed))


@contextmanager
def columns_as_given(
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> Iterator[None]:
    """Re-word a :class:`DataError` raised inside to name the columns as the caller named them.

    Code after :func:`canonical_columns` speaks of ``'invoice_date'``; the learner's table
    has, say, ``'下单时间'``. Names in quotes are replaced.

    Examples
    --------
    >>> with columns_as_given(date_col="下单时间"):
    ...     raise DataError("列 'invoice_date' 不是日期时间类型 (not a datetime column)")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 列 '下单时间' 不是日期时间类型 (not a datetime column)
    """
    given = {
        "customer_id": customer_col,
        "invoice_date": date_col,
        "amount": amount_col,
        "invoice_id": invoice_col,
    }
    renamed = {canonical: name for canonical, name in given.items() if canonical != name}
    try:
        yield
    except DataError as error:
        if not renamed:
            raise
        pattern = re.compile("'(" + "|".join(renamed) + ")'")
        message = pattern.sub(lambda match: f"'{renamed[match.group(1)]}'", str(error))
        raise DataError(message) from None
