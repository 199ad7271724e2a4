"""Canonical transactions: read a user's order file, check it, clean it without losing anything.

Every method in custseg works on one table of order lines with these columns:

=================  ==========================================================
``customer_id``    who bought (required); text as in the file
``invoice_id``     the order / invoice number; text as in the file
``invoice_date``   when (required; datetime64)
``stock_code``     product code
``description``    product name
``quantity``       units
``unit_price``     price per unit
``amount``         line value = quantity * unit_price (required, or computed)
``country``        where the customer is
=================  ==========================================================

Only ``customer_id``, ``invoice_date`` and either ``amount`` or both ``quantity`` and
``unit_price`` are required. Any other columns are kept as they are.

The reading lives here; the cells' checks in :mod:`custseg.transaction_cells`, the dates
in :mod:`custseg.transaction_dates` and the cleaning rules in :mod:`custseg.cleaning`
(whose public names are importable from this module too).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np
import pandas as pd

from custseg.cleaning import (
    CHANGE_REASONS,
    CLEANING_REASONS,
    CONVENTIONS_ATTR,
    NOTES_ATTR,
    UCI_CONVENTIONS,
    USER_DEFAULTS,
    CleaningReport,
    clean_transactions,
    declare_conventions,
)
from custseg.errors import DataError, require_columns
from custseg.files import read_user_table
from custseg.transaction_cells import (
    COLUMN_LABELS,
    RowLocator,
    in_storage_of,
    is_arrow_text,
    parse_ids,
    parse_numbers,
)
from custseg.transaction_dates import parse_dates

__all__ = [
    "CANONICAL_COLUMNS",
    "CHANGE_REASONS",
    "CLEANING_REASONS",
    "COLUMN_LABELS",
    "CONVENTIONS_ATTR",
    "NOTES_ATTR",
    "UCI_CONVENTIONS",
    "USER_DEFAULTS",
    "CleaningReport",
    "clean_transactions",
    "declare_conventions",
    "read_transactions",
    "to_canonical",
]

CANONICAL_COLUMNS = (
    "customer_id",
    "invoice_id",
    "invoice_date",
    "stock_code",
    "description",
    "quantity",
    "unit_price",
    "amount",
    "country",
)


def to_canonical(
    frame: pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    source: str | None = None,
    first_row: int | None = None,
    sheets: list[tuple[str, int]] | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Check a table of order lines and convert it to the canonical schema.

    Parameters
    ----------
    frame : pandas.DataFrame
        Order lines. Not modified.
    columns : mapping, optional
        The user's column names to canonical ones, e.g.
        ``{"客户编号": "customer_id", "订单日期": "invoice_date"}``.
    source : str, optional
        The file the table came from, named in error messages.
    first_row : int, optional
        The row number of the first data row in that file (2 for a CSV with a header),
        so that errors name file rows; by default they name the index labels.
    sheets : list of (name, position), optional
        For a table read from several sheets: each sheet's name and the position of its
        first row in ``frame``, so that errors name the sheet and its row.
    date_format : str, optional
        The dates' format, e.g. ``"%d/%m/%Y"``; needed when day and month could be swapped.

    Returns
    -------
    pandas.DataFrame
        The canonical columns present, in canonical order, then any other columns.
        ``invoice_date`` is datetime64 (an offset such as ``+08:00`` is dropped, keeping
        the written time), ``quantity``, ``unit_price`` and ``amount`` are floats
        (``amount`` is computed when missing). Ids are kept as they are: text stays text
        (never converted to numbers), whole-number floats become integers. ``attrs`` of
        ``frame`` are kept; notes on normalised ids are added under ``"custseg_notes"``.

    Raises
    ------
    DataError
        A missing required column (listing the columns found), duplicate column names,
        an unparseable or ambiguous date, a non-numeric or infinite value, a decimal
        comma, an id in scientific notation (naming the column, the rows and the values).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"客户": ["A", "B"], "日期": ["2024/3/1", "2024年3月2日"],
    ...                        "数量": [2, 1], "单价": ["¥10", "25.5"]})
    >>> to_canonical(orders, {"客户": "customer_id", "日期": "invoice_date",
    ...                       "数量": "quantity", "单价": "unit_price"})
      customer_id invoice_date  quantity  unit_price  amount
    0           A   2024-03-01       2.0        10.0    20.0
    1           B   2024-03-02       1.0        25.5    25.5
    >>> to_canonical(orders.assign(单价=["10", "免费"]), {"客户": "customer_id",
    ...     "日期": "invoice_date", "数量": "quantity", "单价": "unit_price"})
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 列 unit_price（单价） 需要数字，但有文字 (non-numeric value)：索引 (index) 1，值 (value) '免费'
    """
    locate = RowLocator(source, first_row, sheets)
    duplicated = frame.columns[frame.columns.duplicated()].tolist()
    if duplicated:
        raise DataError(
            f"{locate.prefix()}有重名的列 (duplicate column names): "
            f"{', '.join(map(repr, map(str, duplicated)))}。请把其中一列改名，"
            "或删去多余的一列后重试。"
        )
    if columns:
        require_columns(frame, list(columns), what=f"{locate.prefix()}列名映射 (columns=)")
        frame = frame.rename(columns=dict(columns))
        duplicated = frame.columns[frame.columns.duplicated()].tolist()
        if duplicated:
            raise DataError(
                f"{locate.prefix()}改名后有重名的列 (duplicate columns after renaming): "
                f"{', '.join(map(repr, map(str, duplicated)))}。columns= 中的映射与文件中"
                "已有的列同名，请只保留一个。"
            )
    what = f"{locate.prefix()}订单数据 (transactions)"
    require_columns(frame, ["customer_id", "invoice_date"], what=what)
    if "amount" not in frame.columns:
        require_columns(
            frame, ["quantity", "unit_price"], what=f"{what} 没有 amount（金额）列，因此"
        )
    notes: list[str] = []
    out = {}
    for column in ("customer_id", "invoice_id"):
        if column in frame.columns:
            ids = parse_ids(frame, column, locate, notes)
            if isinstance(ids.dtype, pd.StringDtype):
                ids = in_storage_of(frame[column], ids)
            out[column] = ids
    out["invoice_date"] = parse_dates(frame, locate, date_format)
    for column in ("stock_code", "description", "country"):
        if column in frame.columns:
            values = frame[column]
            out[column] = values if is_arrow_text(values) else values.astype("string")
    for column in ("quantity", "unit_price", "amount"):
        if column in frame.columns:
            out[column] = parse_numbers(frame, column, locate)
    if "amount" not in out:
        out["amount"] = out["quantity"] * out["unit_price"]
    ordered = {c: out[c] for c in CANONICAL_COLUMNS if c in out}
    extra = {c: frame[c] for c in frame.columns if c not in ordered}
    result = pd.DataFrame({**ordered, **extra}, index=frame.index)
    result.attrs = {key: value for key, value in frame.attrs.items()}
    if notes:
        result.attrs[NOTES_ATTR] = [*frame.attrs.get(NOTES_ATTR, []), *notes]
    return result


def read_transactions(
    path: str | os.PathLike,
    columns: Mapping[str, str] | None = None,
    *,
    sheet_name: int | str | None = None,
    skip_rows: int = 0,
    sep: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Read a user's own order file (CSV, Excel or parquet) into canonical transactions.

    Parameters
    ----------
    path : path-like
        The file. CSV may be UTF-8 (with or without BOM), GBK / GB18030 or Big5, separated
        by commas, tabs or semicolons (detected); ``.csv.gz`` works too; ``.xlsx`` and
        ``.xls`` workbooks; parquet.
    columns : mapping, optional
        Your column names to canonical ones, e.g.
        ``{"客户编号": "customer_id", "订单日期": "invoice_date", "实付金额": "amount"}``.
    sheet_name : int or str, optional
        Excel only: one sheet. By default every sheet with the same header as the first
        is read, with a ``sheet`` column; the others are skipped and noted.
    skip_rows : int, default 0
        Lines above the header (a title, a date range ...) to skip.
    sep : str, optional
        CSV only: the separator; by default comma, tab, semicolon or ``|`` is detected.
    encoding : str, optional
        CSV only: the text encoding; by default UTF-8, GB18030 or Big5 is detected.
    date_format : str, optional
        The dates' format (``"%d/%m/%Y"``), needed when day and month could be swapped.

    Returns
    -------
    pandas.DataFrame
        See :func:`to_canonical`; ids are text exactly as in the file. Error messages
        name the file, the sheet, the row, the column and the value. What was noticed
        while reading (sheets read or skipped, ids normalised) is listed in
        ``attrs["custseg_notes"]`` and carried into the cleaning report.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "orders.csv"
    >>> _ = path.write_text("客户编号,订单日期,金额\\nC001,2024-01-05,99\\nC002,2024-01-06,abc\\n",
    ...                     encoding="gbk")
    >>> read_transactions(path, {"客户编号": "customer_id", "订单日期": "invoice_date",
    ...                          "金额": "amount"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: .../orders.csv: 列 amount（金额） 需要数字，但有文字 (non-numeric value)：第 3 行 (row 3)，值 (value) 'abc'
    """
    table = read_user_table(
        path, sheet_name=sheet_name, skip_rows=skip_rows, sep=sep, encoding=encoding
    )
    raw = table.frame
    for column in ("customer_id", "invoice_id"):
        name = _user_name(columns, column)
        if name in raw.columns and not isinstance(raw[name].dtype, pd.StringDtype):
            raw[name] = _ids_as_text(raw[name])
    canonical = to_canonical(
        raw,
        columns,
        source=str(path),
        first_row=table.first_row,
        sheets=table.sheets,
        date_format=date_format,
    )
    canonical.attrs[NOTES_ATTR] = [*table.notes, *canonical.attrs.get(NOTES_ATTR, [])]
    return canonical


def _user_name(columns: Mapping[str, str] | None, canonical: str) -> str:
    for yours, target in (columns or {}).items():
        if target == canonical:
            return yours
    return canonical


def _ids_as_text(values: pd.Series) -> pd.Series:
    """Numeric ids of a parquet file as text (whole floats without ".0")."""
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            values = values.astype("Int64")
    return values.astype("string[pyarrow]")
