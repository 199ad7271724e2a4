"""Plainly named questions to ask a table, for people who have never programmed.

Each function takes a table (a pandas DataFrame such as ``rfm`` or ``orders``) and answers
with a plain number or a readable Chinese table:

=========================================  ==============================================
``readable(rfm)``                          the table with Chinese headers, rounded numbers
``count_rows(rfm, recency_at_most=30)``    how many rows (customers) meet the conditions
``total(orders, "amount", channel="电商")``  the sum of a column over those rows
``average(rfm, "monetary", segment=…)``    the mean of a column over those rows
``share(rfm, segment="重要价值客户")``       the fraction (0 to 1) of rows meeting them
``top(rfm, "monetary", n=10)``             the n rows with the largest values, readable
``value_of(table, row=…, column=…)``       one value of the table
``count_by(rfm, "segment")``               rows per value of a column, with their share
``average_by(rfm, "segment", "monetary")``  the mean of a column per value of another
``total_by(orders, "channel", "amount")``   the sum of a column per value of another
=========================================  ==============================================

Conditions are named arguments: ``column=value`` (or a list of values), and for numbers
``column_at_most=``, ``column_at_least=``, ``column_below=``, ``column_above=``; ``column_not=``
excludes a value; ``column=None`` matches the empty (missing) cells of a column and
``column_not=None`` leaves them out. A column may be named by its canonical English name or its Chinese label
(:mod:`custseg.vocabulary`); a misspelt column or a value that does not occur is an error in
Chinese naming the valid ones, never a silent zero.

Examples
--------
>>> import pandas as pd
>>> rfm = pd.DataFrame(
...     {"recency": [5, 40, 200], "frequency": [8, 2, 1], "monetary": [1200.0, 300.5, 80.25],
...      "segment": ["重要价值客户", "一般发展客户", "一般挽留客户"]},
...     index=pd.Index(["C1", "C2", "C3"], name="customer_id"),
... )
>>> count_rows(rfm, recency_at_most=30)
1
>>> average(rfm, "monetary", segment=["一般发展客户", "一般挽留客户"])
190.38
>>> share(rfm, frequency_at_least=2)
0.6667
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from typing import Any

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.vocabulary import canonical_name, chinese_label, is_share

__all__ = [
    "average",
    "average_by",
    "count_by",
    "count_rows",
    "readable",
    "share",
    "top",
    "total",
    "total_by",
    "value_of",
]

_RANGES = {
    "_at_most": ("不超过", lambda c, v: c <= v),
    "_at_least": ("至少", lambda c, v: c >= v),
    "_below": ("小于", lambda c, v: c < v),
    "_above": ("大于", lambda c, v: c > v),
    "_not": ("不是", None),
}
_SHOWN = 12
EMPTY = "（空）"
"""How :func:`readable` shows an empty (missing) cell."""


def _as_frame(table: Any) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        return table.to_frame(table.name if table.name is not None else "数值")
    if isinstance(table, pd.DataFrame):
        return table
    raise DataError(f"这里需要一张表格 (DataFrame)，收到的是 {type(table).__name__}。")


def _columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Every column a learner may name, by its own name: the columns and the named index."""
    columns: dict[str, pd.Series] = {}
    for level, name in enumerate(frame.index.names):
        if name is not None:
            columns[str(name)] = pd.Series(frame.index.get_level_values(level), index=frame.index)
    for name in frame.columns:
        columns[str(name)] = frame[name]
    return columns


def _describe(names: Iterable[str]) -> str:
    shown = []
    for name in names:
        label = chinese_label(name)
        shown.append(f"{name}（{label}）" if label != name else name)
    return "、".join(shown)


def _column(frame: pd.DataFrame, name: str) -> tuple[str, pd.Series]:
    """The column ``name`` (canonical, Chinese label or as written) or a Chinese error."""
    columns = _columns(frame)
    for candidate in (str(name), canonical_name(name), chinese_label(name)):
        if candidate in columns:
            return candidate, columns[candidate]
    close = difflib.get_close_matches(str(name), list(columns), n=1, cutoff=0.6)
    guess = f"是不是想写 '{close[0]}'？" if close else ""
    raise DataError(
        f"表格里没有名为 '{name}' 的列 (column)。{guess}可用的列：{_describe(columns)}。"
    )


def _split(key: str, frame: pd.DataFrame) -> tuple[str, str]:
    """A condition's column and range suffix: ``"recency_at_most"`` → ``("recency", "_at_most")``."""
    names = _columns(frame)
    if key in names or canonical_name(key) in names:
        return key, ""
    for suffix in _RANGES:
        if key.endswith(suffix):
            return key[: -len(suffix)], suffix
    return key, ""


def _is_missing(value: Any) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and np.isnan(value))
    )


def _equal_mask(name: str, column: pd.Series, value: Any) -> pd.Series:
    values = list(value) if isinstance(value, list | tuple | set | frozenset) else [value]
    empty = any(_is_missing(v) for v in values)
    wanted = [v for v in values if not _is_missing(v)]
    present = set(column.dropna().unique())
    if isinstance(column.dtype, pd.CategoricalDtype):
        present |= set(column.cat.categories)
    missing = [v for v in wanted if isinstance(v, str) and v not in present]
    if missing:
        values = sorted(map(str, present))
        more = "……" if len(values) > _SHOWN else ""
        raise DataError(
            f"列 '{name}'（{chinese_label(name)}）中没有 {'、'.join(map(repr, missing))} 这个值。"
            f"现有的值：{'、'.join(values[:_SHOWN])}{more}。 (value not found in column {name!r})"
        )
    mask = column.isin(wanted)
    return mask | column.isna() if empty else mask


def _mask(frame: pd.DataFrame, where: dict[str, Any]) -> pd.Series:
    keep = pd.Series(True, index=frame.index)
    for key, value in where.items():
        base, suffix = _split(key, frame)
        try:
            name, column = _column(frame, base)
        except DataError as error:
            raise DataError(
                f"{error}条件的写法：列名=值，或 列名_at_most=、列名_at_least=、列名_below=、"
                "列名_above=、列名_not=。 (condition: column=value or column_at_most=...)"
            ) from None
        if suffix == "":
            keep &= _equal_mask(name, column, value)
        elif suffix == "_not":
            keep &= ~_equal_mask(name, column, value)
        else:
            words, test = _RANGES[suffix]
            if not pd.api.types.is_numeric_dtype(
                column
            ) and not pd.api.types.is_datetime64_any_dtype(column):
                raise DataError(
                    f"列 '{name}'（{chinese_label(name)}）不是数字，不能用“{words}”比较。 (not numeric, cannot compare)"
                )
            if isinstance(value, str) and not pd.api.types.is_datetime64_any_dtype(column):
                raise ParameterError(
                    f"{key}= 需要一个数字，收到的是文字 {value!r}：数字不要加引号。 (a number is needed, not text)"
                )
            if pd.api.types.is_datetime64_any_dtype(column):
                value = pd.Timestamp(value)
            keep &= test(column, value).fillna(False).astype(bool)
    return keep


def _rows(table: Any, where: dict[str, Any]) -> pd.DataFrame:
    frame = _as_frame(table)
    return frame[_mask(frame, where).to_numpy()] if where else frame


def _number(value: Any, digits: int | None) -> float | int:
    if isinstance(value, np.integer | int) and not isinstance(value, bool):
        return int(value)
    value = float(value)
    return round(value, digits) if digits is not None else value


def count_rows(table: Any, **where: Any) -> int:
    """How many rows of ``table`` meet the conditions ``where`` (all rows without any).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"channel": ["门店", "电商", "电商"], "amount": [30.0, 55.0, 12.5]})
    >>> count_rows(orders, channel="电商"), count_rows(orders, amount_above=20)
    (2, 2)
    >>> count_rows(orders, chanel="电商")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 表格里没有名为 'chanel' 的列 (column)。是不是想写 'channel'？可用的列：channel（渠道）、amount（金额）。条件的写法：列名=值，或 列名_at_most=、列名_at_least=、列名_below=、列名_above=、列名_not=。 (condition: column=value or column_at_most=...)
    >>> orders["customer_id"] = ["C1", None, "C2"]
    >>> count_rows(orders, customer_id=None), count_rows(orders, customer_id_not=None)
    (1, 2)
    """
    return len(_rows(table, where))


def total(table: Any, column: str, *, digits: int = 2, **where: Any) -> float | int:
    """The sum of ``column`` over the rows meeting ``where``, rounded to ``digits`` decimals.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"channel": ["门店", "电商", "电商"], "amount": [30.0, 55.0, 12.5]})
    >>> total(orders, "amount", channel="电商")
    67.5
    >>> total(orders, "金额")
    97.5
    """
    rows = _rows(table, where)
    name, values = _column(rows, column)
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise DataError(
            f"列 '{name}'（{chinese_label(name)}）不是数字，不能求和。 (not numeric, cannot sum)"
        )
    return _number(values.sum(), digits)


def average(table: Any, column: str, *, digits: int = 2, **where: Any) -> float:
    """The mean of ``column`` over the rows meeting ``where``, rounded to ``digits`` decimals.

    A share column (such as ``response_rate``) keeps 4 decimals.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 40, 200], "segment": ["甲", "乙", "乙"]})
    >>> average(rfm, "recency", segment="乙")
    120.0
    >>> average(rfm, "recency", segment="丙")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 列 'segment'（客户群）中没有 '丙' 这个值。现有的值：乙、甲。 (value not found in column 'segment')
    """
    rows = _rows(table, where)
    name, values = _column(rows, column)
    if not pd.api.types.is_numeric_dtype(values):
        raise DataError(
            f"列 '{name}'（{chinese_label(name)}）不是数字，不能求平均。 (not numeric, cannot average)"
        )
    if values.notna().sum() == 0:
        raise DataError(
            f"没有符合条件的行，无法计算 '{name}'（{chinese_label(name)}）的平均值。 (no matching rows)"
        )
    return _number(float(values.mean()), max(digits, 4) if is_share(name) else digits)


def share(table: Any, *, digits: int = 4, **where: Any) -> float:
    """The fraction (0 to 1) of the rows of ``table`` meeting ``where``.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"segment": ["甲", "乙", "乙", "乙"]})
    >>> share(rfm, segment="乙")
    0.75
    """
    frame = _as_frame(table)
    if len(frame) == 0:
        raise DataError("表格是空的，无法计算占比。 (empty table, no share)")
    return _number(len(_rows(frame, where)) / len(frame), digits)


def top(
    table: Any, column: str, n: int = 10, *, smallest: bool = False, **where: Any
) -> pd.DataFrame:
    """The ``n`` rows with the largest (``smallest=True``: smallest) ``column``, readable.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"monetary": [10.0, 300.0, 55.5]},
    ...                    index=pd.Index(["C1", "C2", "C3"], name="customer_id"))
    >>> top(rfm, "monetary", n=2)
      客户编号  消费金额
    1   C2  300.0
    2   C3   55.5
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ParameterError(
            f"n 应该是正整数（要看几行），收到的是 {n!r}。 (n must be a positive integer)"
        )
    rows = _rows(table, where)
    name, values = _column(rows, column)
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise DataError(
            f"列 '{name}'（{chinese_label(name)}）不是数字，不能排序取前几名。 (not numeric, cannot rank)"
        )
    by_position = values.reset_index(drop=True)
    order = by_position.sort_values(ascending=smallest, kind="stable", na_position="last").index
    return readable(rows.iloc[order[:n]])


def value_of(table: Any, row: Any, column: str) -> Any:
    """One value: the row named ``row`` (its index label, or its first column's value).

    Examples
    --------
    >>> import pandas as pd
    >>> sizes = pd.DataFrame({"customers": [120, 45]},
    ...                      index=pd.Index(["重要价值客户", "一般挽留客户"], name="segment"))
    >>> value_of(sizes, row="一般挽留客户", column="customers")
    45
    >>> value_of(readable(sizes), row="一般挽留客户", column="客户数")
    45
    """
    frame = _as_frame(table)
    name, values = _column(frame, column)
    if row in frame.index:
        found = values.loc[row]
    elif len(frame.columns) and row in set(frame.iloc[:, 0]):
        found = values[(frame.iloc[:, 0] == row).to_numpy()]
    else:
        keys = [str(k) for k in frame.index[:_SHOWN]]
        raise DataError(f"表格里没有 {row!r} 这一行。前几行是：{'、'.join(keys)}。 (no such row)")
    if isinstance(found, pd.Series):
        if len(found) != 1:
            raise DataError(f"{row!r} 对应 {len(found)} 行，无法取出一个值。 (row is not unique)")
        found = found.iloc[0]
    return found.item() if isinstance(found, np.generic) else found


def _groups(table: Any, by: str, where: dict[str, Any]) -> tuple[str, pd.DataFrame, pd.Series]:
    rows = _rows(table, where)
    name, keys = _column(rows, by)
    if len(rows) == 0:
        raise DataError("没有符合条件的行，无法分组。 (no matching rows to group)")
    keys = keys.astype(object).where(keys.notna(), "（缺失）")  # no row is dropped silently
    return name, rows, keys


def count_by(table: Any, by: str, **where: Any) -> pd.DataFrame:
    """How many rows have each value of ``by``, and their share, most frequent first; readable.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"segment": ["甲", "乙", "乙", "乙"], "monetary": [5.0, 1.0, 2.0, 4.0]})
    >>> count_by(rfm, "segment")
      客户群  计数     占比
    1   乙   3  75.0%
    2   甲   1  25.0%
    """
    name, rows, keys = _groups(table, by, where)
    counts = keys.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    result = pd.DataFrame({name: counts.index, "count": counts.to_numpy()})
    result["share"] = result["count"] / len(rows)
    return readable(result)


def _per_group(table: Any, by: str, column: str, how: str, where: dict[str, Any]) -> pd.DataFrame:
    name, rows, keys = _groups(table, by, where)
    value_name, values = _column(rows, column)
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise DataError(
            f"列 '{value_name}'（{chinese_label(value_name)}）不是数字，不能计算。 (not numeric)"
        )
    grouped = pd.Series(values.to_numpy(), index=keys.to_numpy()).groupby(level=0, sort=False)
    result = getattr(grouped, how)().sort_values(ascending=False, kind="stable")
    label = (
        f"平均{chinese_label(value_name)}" if how == "mean" else f"{chinese_label(value_name)}合计"
    )
    frame = pd.DataFrame({name: result.index, "count": grouped.size()[result.index].to_numpy()})
    frame[label] = result.to_numpy()
    return readable(frame, percent=[label] if is_share(value_name) else ())


def average_by(table: Any, by: str, column: str, **where: Any) -> pd.DataFrame:
    """The mean of ``column`` for each value of ``by``, largest first; readable.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"segment": ["甲", "乙", "乙"], "monetary": [5.0, 1.0, 2.0]})
    >>> average_by(rfm, "segment", "monetary")
      客户群  计数  平均消费金额
    1   甲   1     5.0
    2   乙   2     1.5
    """
    return _per_group(table, by, column, "mean", where)


def total_by(table: Any, by: str, column: str, **where: Any) -> pd.DataFrame:
    """The sum of ``column`` for each value of ``by``, largest first; readable.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"channel": ["门店", "电商", "电商"], "amount": [30.0, 55.0, 12.5]})
    >>> total_by(orders, "channel", "amount")
       渠道  计数  金额合计
    1  电商   2  67.5
    2  门店   1  30.0
    """
    return _per_group(table, by, column, "sum", where)


def _percent_columns(frame: pd.DataFrame, percent: bool | str | Collection[str]) -> set[str]:
    numeric = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    if percent is True:
        return {str(c) for c in numeric}
    wanted = {percent} if isinstance(percent, str) else set(percent or ())
    chosen = {str(c) for c in numeric if is_share(str(c))}
    for name in wanted:
        found, _ = _column(frame, name)
        chosen.add(found)
    return chosen


def _format_percent(value: Any) -> str:
    return "" if pd.isna(value) else f"{float(value) * 100:.1f}%"


def readable(
    frame: Any, *, percent: bool | str | Collection[str] = (), digits: int = 2
) -> pd.DataFrame:
    """The table as a learner should read it.

    Column names become Chinese (:mod:`custseg.vocabulary`), a named index becomes a first
    column, rows are numbered from 1, numbers are rounded to ``digits`` decimals, shares
    (``response_rate``, ``customer_share`` … and the columns in ``percent``; ``percent=True``:
    every decimal column) are shown as "12.3%", true/false as 是/否, dates without time and an
    empty (missing) cell as （空）.

    Parameters
    ----------
    frame : pandas.DataFrame or Series
        A table in the canonical (English) column names, or any table.
    percent : bool, str or collection of str, default ()
        More columns to show as percentages.
    digits : int, default 2
        Decimals kept for other numbers.

    Returns
    -------
    pandas.DataFrame
        A new table for display; the input is not changed.

    Examples
    --------
    >>> import pandas as pd
    >>> sizes = pd.DataFrame(
    ...     {"customers": [120, 45], "customer_share": [0.72727, 0.27273],
    ...      "monetary": [1534.23181, 99.5], "significant": [True, False]},
    ...     index=pd.Index(["重要价值客户", "一般挽留客户"], name="segment"))
    >>> readable(sizes)
          客户群  客户数   客户占比     消费金额 是否显著
    1  重要价值客户  120  72.7%  1534.23    是
    2  一般挽留客户   45  27.3%    99.50    否
    >>> readable(pd.DataFrame({"customer_id": ["C1", None], "amount": [20.0, None]}))
      客户编号     金额
    1   C1  20.00
    2  （空）    （空）
    """
    table = _as_frame(frame).copy()
    row_numbers = (
        table.index.nlevels == 1
        and table.index.name is None
        and (pd.api.types.is_integer_dtype(table.index))
    )
    if not row_numbers:  # a named index (customer_id, segment …) or labels: a first column
        names = [n if n is not None else "名称" for n in table.index.names]
        table.index = table.index.set_names(names)
        table = table.reset_index()
    shares = _percent_columns(table, percent)
    for name in table.columns:
        column = table[name]
        if str(name) in shares:
            table[name] = column.map(_format_percent)
        elif pd.api.types.is_bool_dtype(column):
            table[name] = column.map({True: "是", False: "否"})
        elif pd.api.types.is_float_dtype(column) and column.isna().any():
            table[name] = column.map(lambda v: EMPTY if pd.isna(v) else f"{v:.{digits}f}")
        elif pd.api.types.is_float_dtype(column):
            table[name] = column.round(digits)
        elif pd.api.types.is_datetime64_any_dtype(column):
            with_time = (column.dropna() != column.dropna().dt.normalize()).any()
            table[name] = column.dt.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
        elif isinstance(column.dtype, pd.PeriodDtype):
            table[name] = column.astype(str)
        if not pd.api.types.is_numeric_dtype(table[name]):
            table[name] = table[name].astype(object).where(column.notna().to_numpy(), EMPTY)
    table.columns = [chinese_label(str(c)) for c in table.columns]
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table
