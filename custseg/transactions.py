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

Cleaning rules are declared, not guessed. Dropping identical lines and reading an invoice
number starting with "C" as a cancellation are conventions of the UCI Online Retail files:
the project's own loaders declare them on the frames they return
(:func:`declare_conventions`, stored in ``frame.attrs``), and :func:`clean_transactions`
applies them only to such frames or when asked.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns
from custseg.files import read_user_table

__all__ = [
    "CANONICAL_COLUMNS",
    "CLEANING_REASONS",
    "UCI_CONVENTIONS",
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

COLUMN_LABELS = {
    "customer_id": "客户编号",
    "invoice_id": "订单号",
    "invoice_date": "订单日期",
    "stock_code": "商品编码",
    "description": "商品名称",
    "quantity": "数量",
    "unit_price": "单价",
    "amount": "金额",
    "country": "国家/地区",
}

CLEANING_REASONS = {
    "missing_customer": "缺少客户编号 (missing customer id)",
    "cancellation": "取消的订单 (cancellation, invoice starts with C)",
    "non_positive_quantity": "数量不大于 0 (quantity <= 0)",
    "non_positive_price": "单价或金额不大于 0 (price or amount <= 0)",
    "duplicate": "完全重复的行 (exact duplicate row)",
    "refund": "退款行，已从该客户的购买中扣除 (refund line, netted against purchases)",
    "refunded_purchase": "被退款全额冲销的购买 (purchase fully refunded)",
    "after_as_of": "日期晚于分析日 (date after the analysis day)",
    "date_outlier": "日期远离其他订单，疑似录入错误 (date far outside the rest)",
}
"""Every reason a line can be removed for, key → Chinese label (English after)."""

_CLASSIC_REASONS = (
    "missing_customer",
    "cancellation",
    "non_positive_quantity",
    "non_positive_price",
    "duplicate",
)

CHANGE_REASONS = {
    "refund_reduced": "金额被退款部分冲减（行保留）(amount reduced by a refund, line kept)",
}
"""Every reason a kept line can be changed for."""

UCI_CONVENTIONS = {"drop_duplicates": True, "cancel_prefix": "C", "refunds": "drop"}
"""The cleaning conventions of the UCI Online Retail files (declared by their loaders)."""

USER_DEFAULTS = {"drop_duplicates": False, "cancel_prefix": None, "refunds": "net"}
"""What :func:`clean_transactions` does on a frame that declares no conventions."""

CONVENTIONS_ATTR = "custseg_cleaning"
NOTES_ATTR = "custseg_notes"

_SHOWN_PROBLEMS = 5
_CURRENCY_MARKS = r"[¥￥$€£\s]"
_THOUSANDS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_OFFSET = r"(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$"


def _label(column: str) -> str:
    chinese = COLUMN_LABELS.get(column)
    return f"{column}（{chinese}）" if chinese else column


class _Locator:
    """Turns an index label into words: a file row (and sheet), or a DataFrame index label."""

    def __init__(
        self,
        source: str | None,
        first_row: int | None,
        sheets: list[tuple[str, int]] | None = None,
    ):
        self.source = source
        self.first_row = first_row
        self.sheets = sheets or []

    def _row(self, position: int) -> str:
        if len(self.sheets) > 1 or (self.sheets and self.sheets[0][0]):
            starts = [start for _, start in self.sheets]
            at = int(np.searchsorted(starts, position, side="right")) - 1
            name, start = self.sheets[max(at, 0)]
            row = position - start + self.first_row
            return f"工作表 {name!r} 第 {row} 行 (sheet {name!r}, row {row})"
        row = position + self.first_row
        return f"第 {row} 行 (row {row})"

    def __call__(self, index: pd.Index, labels) -> str:
        if self.first_row is None:
            return "、".join(f"索引 (index) {label!r}" for label in labels)
        positions = index.get_indexer(list(labels))
        return "、".join(self._row(int(p)) for p in positions)

    def prefix(self) -> str:
        return f"{self.source}: " if self.source else ""


def _problem(locate: _Locator, frame: pd.DataFrame, column: str, bad, what: str):
    bad = pd.Series(np.asarray(bad, dtype=bool), index=frame.index)
    labels = bad[bad].index[:_SHOWN_PROBLEMS]
    values = ", ".join(repr(_plain(frame.at[label, column])) for label in labels)
    count = int(bad.sum())
    more = f"（共 {count} 处 / {count} in total）" if count > len(labels) else ""
    return DataError(
        f"{locate.prefix()}列 {_label(column)} {what}：{locate(frame.index, labels)}，"
        f"值 (value) {values}{more}"
    )


def _plain(value):
    """A cell as the user wrote it (numpy scalars as Python numbers)."""
    return value.item() if isinstance(value, np.generic) else value


def _text(values: pd.Series) -> pd.Series:
    """Trimmed text, blanks as missing (fast pyarrow-backed strings)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = values.astype("string[pyarrow]")
    chunks = pc.utf8_trim_whitespace(_arrow(text))
    chunks = pc.if_else(pc.equal(chunks, ""), pa.scalar(None, pa.string()), chunks)
    return pd.Series(pd.arrays.ArrowStringArray(chunks), index=values.index, name=values.name)


def _arrow(text: pd.Series):
    """The pyarrow chunked array behind a ``string[pyarrow]`` series."""
    import pyarrow as pa

    return pa.chunked_array(text.array.__arrow_array__())


def _arrow_cast(text: pd.Series, to) -> pd.Series | None:
    """A fast cast of clean text (numbers, ISO dates); None when any value needs care."""
    import pyarrow as pa

    try:
        cast = _arrow(text).cast(to)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(cast.to_numpy(), index=text.index)


# ----- dates ---------------------------------------------------------------------------
def _iso(text: pd.Series) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
        except (ValueError, TypeError, OverflowError):
            return pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if not pd.api.types.is_datetime64_any_dtype(parsed):  # mixed offsets
        return pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if getattr(parsed.dt, "tz", None) is not None:  # one offset: keep the wall-clock time
        parsed = parsed.dt.tz_localize(None)
    return parsed.astype("datetime64[ns]")


def _timestamp():
    import pyarrow as pa

    return pa.timestamp("ns")


def _normalise_date_text(text: pd.Series) -> pd.Series:
    """Chinese forms, offsets and ``2024/3/1`` spellings as ISO text."""
    text = text.str.replace(
        r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", r"\1-\2-\3", regex=True
    )
    text = text.str.replace(
        r"(\d{1,2})\s*[时點点]\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?", r"\1:\2:\3", regex=True
    )
    text = text.str.replace(r":$", "", regex=True)
    text = text.str.replace(_OFFSET, r"\1", regex=True)
    text = text.str.replace(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})", r"\1-\2-\3", regex=True)
    return text.str.replace(r"^(\d{4})-(\d)(?=\D|$)", r"\1-0\2", regex=True).str.replace(
        r"^(\d{4}-\d{2})-(\d)(?=\D|$)", r"\1-0\2", regex=True
    )


def _day_month(text: pd.Series, frame, locate, column) -> pd.Series:
    """``DD/MM/YYYY`` or ``MM/DD/YYYY``: decided by the file itself, or a clear stop."""
    parts = text.str.extract(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(\D.*)?$")
    found = parts[0].notna()
    if not found.any():
        return pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    ask = (
        "请用 date_format= 或 --date-format 说明日期格式，例如 '%d/%m/%Y'（日/月/年）或 "
        "'%m/%d/%Y'（月/日/年）(ambiguous dates: give date_format)"
    )
    short_year = parts[2].str.len() == 2
    if short_year.any():
        raise _problem(locate, frame, column, found & short_year, "的年份只有两位，无法确定 " + ask)
    day_first = (first > 12).any()
    month_first = (second > 12).any()
    if day_first and month_first:
        mixed = found & ((first > 12) | (second > 12))
        raise _problem(locate, frame, column, mixed, "的日期中日和月的顺序前后不一致 " + ask)
    if not (day_first or month_first):
        raise _problem(locate, frame, column, found, "的日期无法确定是日/月还是月/日 " + ask)
    day, month = (parts[0], parts[1]) if day_first else (parts[1], parts[0])
    iso = parts[2] + "-" + month.str.zfill(2) + "-" + day.str.zfill(2) + parts[3].fillna("")
    return _iso(_normalise_date_text(iso.where(found)))


def _parse_dates(
    frame: pd.DataFrame, locate: _Locator, date_format: str | None = None
) -> pd.Series:
    column = "invoice_date"
    raw = frame[column]
    if pd.api.types.is_datetime64_any_dtype(raw):
        parsed = raw
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        blank = parsed.isna()
    else:
        fast = None
        if _is_arrow_text(raw) and not date_format:  # clean ISO text: no trimming needed
            fast = _arrow_cast(raw, _timestamp())
        text = raw if fast is not None else _text(raw)
        blank = text.isna()
        if fast is None and not date_format:
            fast = _arrow_cast(text, _timestamp())
        if fast is not None:
            parsed = fast
        elif date_format:
            parsed = pd.to_datetime(text, format=date_format, errors="coerce")
        else:
            parsed = _iso(text)
            retry = parsed.isna() & ~blank
            if retry.any():
                again = _normalise_date_text(text[retry])
                parsed[retry] = _iso(again)
                retry = parsed.isna() & ~blank
            if retry.any():
                parsed[retry] = _day_month(text[retry], frame, locate, column)
                retry = parsed.isna() & ~blank
            words = retry & (
                text.str.contains(r"[A-Za-z]{3}", regex=True).fillna(False)
                if retry.any()
                else False
            )
            if words.any():  # "5 March 2024", "Mar 5, 2024": month names are unambiguous
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    parsed[words] = pd.to_datetime(text[words], format="mixed", errors="coerce")
    missing = parsed.isna()
    if (missing & ~blank).any():
        how = (
            f"（date_format={date_format!r}）" if date_format else "（例如 2024-03-01 或 2024/3/1）"
        )
        raise _problem(
            locate,
            frame,
            column,
            missing & ~blank,
            f"有无法识别的日期 (unparseable date){how}",
        )
    if blank.any():
        raise _problem(locate, frame, column, blank, "有空的日期 (missing date)")
    return parsed.astype("datetime64[ns]")


# ----- numbers -------------------------------------------------------------------------
def _floats(values: pd.Series) -> pd.Series:
    return pd.Series(values.to_numpy(dtype="float64", na_value=np.nan), index=values.index)


def _parse_numbers(frame: pd.DataFrame, column: str, locate: _Locator) -> pd.Series:
    raw = frame[column]
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        values = raw.astype("float64")
        blank = values.isna()
    else:
        import pyarrow as pa

        values = _arrow_cast(raw, pa.float64()) if _is_arrow_text(raw) else None
        text = raw if values is not None else _text(raw)
        blank = text.isna()
        if values is None:
            values = _arrow_cast(text, pa.float64())
        if values is None:
            values = _floats(pd.to_numeric(text, errors="coerce"))
        else:
            values = values.astype("float64")
        retry = values.isna() & ~blank
        if retry.any():
            marked = text[retry].str.replace(_CURRENCY_MARKS, "", regex=True)
            marked = marked.str.replace("，", ",")
            comma = marked.str.contains(",", regex=False)
            thousands = marked.str.fullmatch(_THOUSANDS)
            bad_comma = comma & ~thousands
            if bad_comma.any():
                raise _problem(
                    locate,
                    frame,
                    column,
                    bad_comma.reindex(frame.index, fill_value=False),
                    "的数字里有逗号，但不是千位分隔（小数点请用“.”）"
                    "(comma that is not a thousands separator; use . for decimals)",
                )
            values[retry] = _floats(pd.to_numeric(marked.str.replace(",", ""), errors="coerce"))
        wrong = values.isna() & ~blank
        if wrong.any():
            raise _problem(locate, frame, column, wrong, "需要数字，但有文字 (non-numeric value)")
    infinite = np.isinf(values.to_numpy())
    if infinite.any():
        raise _problem(locate, frame, column, infinite, "有无穷大的数 (infinite value)")
    if blank.any():
        raise _problem(locate, frame, column, blank, "有空值 (missing value)")
    return values


# ----- ids -----------------------------------------------------------------------------
def _parse_ids(frame: pd.DataFrame, column: str, locate: _Locator, notes: list[str]) -> pd.Series:
    """Ids stay as they are: text stays text, whole numbers stay whole numbers.

    A text column whose numeric-looking ids include integral float exports ("17850.0")
    is normalised as a whole ("17850"), and the change is noted. An id written in
    scientific notation ("1.2E+17") among digit ids is an error: the digits are lost.
    """
    values = frame[column]
    if pd.api.types.is_integer_dtype(values):
        return values
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            big = values.abs() >= 2**53
            if big.any():
                raise _problem(
                    locate,
                    frame,
                    column,
                    big.fillna(False),
                    "的编号太长，以小数形式保存时已丢失数字，请以文字格式读取 "
                    "(id too long for a float; read the column as text)",
                )
            return values.astype("Int64")
        return values
    text = _text(values)
    present = text.notna()
    if not present.any():
        return text
    digits = _all_digits(text)
    if bool(digits[present].all()):
        return text
    floats = text.str.fullmatch(r"\d+\.0+").fillna(False)
    exponent = text.str.fullmatch(r"[-+]?\d+(?:\.\d+)?[eE][-+]?\d+").fillna(False)
    numeric_like = digits | floats
    if exponent.any() and bool((numeric_like | exponent)[present].all()):
        raise _problem(
            locate,
            frame,
            column,
            exponent,
            "的编号像科学计数法（Excel 会把长编号变成这样并丢失数字），"
            "请把该列设为文本后重新导出 (id in scientific notation)",
        )
    if floats.any() and bool(numeric_like[present].all()):
        text = text.str.replace(r"\.0+$", "", regex=True)
        count = int(floats.sum())
        notes.append(
            f"列 {_label(column)} 有 {count:,} 个编号带“.0”（如 17850.0），已统一为整数写法"
            f"（如 17850）(ids normalised: {count:,})"
        )
    return text


def _all_digits(text: pd.Series) -> pd.Series:
    """Whether each text is ASCII digits only (``str.fullmatch(r"\\d+")``, missing False), fast."""
    import pyarrow.compute as pc

    flags = pc.fill_null(pc.ascii_is_decimal(_arrow(text)), False)
    return pd.Series(flags.to_numpy(), index=text.index)


def _is_arrow_text(values: pd.Series) -> bool:
    dtype = values.dtype
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _storage_of(values: pd.Series, text: pd.Series) -> pd.Series:
    """Text in the storage of the input: pyarrow strings stay pyarrow, others ``string``."""
    return text if _is_arrow_text(values) else text.astype("string")


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
    locate = _Locator(source, first_row, sheets)
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
            ids = _parse_ids(frame, column, locate, notes)
            if isinstance(ids.dtype, pd.StringDtype):
                ids = _storage_of(frame[column], ids)
            out[column] = ids
    out["invoice_date"] = _parse_dates(frame, locate, date_format)
    for column in ("stock_code", "description", "country"):
        if column in frame.columns:
            values = frame[column]
            out[column] = values if _is_arrow_text(values) else values.astype("string")
    for column in ("quantity", "unit_price", "amount"):
        if column in frame.columns:
            out[column] = _parse_numbers(frame, column, locate)
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


def declare_conventions(
    frame: pd.DataFrame,
    *,
    drop_duplicates: bool,
    cancel_prefix: str | None,
    refunds: str,
) -> pd.DataFrame:
    """Record on ``frame`` the cleaning conventions its source follows, and return it.

    :func:`clean_transactions` uses them when its own arguments are left as ``None``.
    The project's loaders of the UCI Online Retail files declare
    :data:`UCI_CONVENTIONS`. They live in ``frame.attrs["custseg_cleaning"]``, which
    pandas keeps through filtering, copying and column changes (not through building a
    new frame).

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"customer_id": ["a", "a"], "invoice_id": ["1", "1"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01"] * 2), "amount": [5.0, 5.0]})
    >>> len(clean_transactions(lines)[0])
    2
    >>> declared = declare_conventions(lines, **UCI_CONVENTIONS)
    >>> len(clean_transactions(declared[declared["amount"] > 0])[0])
    1
    """
    conventions = _check_conventions(
        {"drop_duplicates": drop_duplicates, "cancel_prefix": cancel_prefix, "refunds": refunds},
        "declare_conventions",
    )
    frame.attrs[CONVENTIONS_ATTR] = conventions
    return frame


def _check_conventions(options: Mapping, where: str) -> dict:
    unknown = sorted(set(options) - set(USER_DEFAULTS))
    if unknown:
        raise DataError(f"{where}: 未知的清洗规则 (unknown cleaning option) {unknown}")
    checked = dict(options)
    if "drop_duplicates" in checked and not isinstance(checked["drop_duplicates"], bool | np.bool_):
        raise DataError(
            f"{where}: drop_duplicates 只能是 True 或 False，收到 {checked['drop_duplicates']!r}"
        )
    prefix = checked.get("cancel_prefix")
    if prefix is not None and (not isinstance(prefix, str) or not prefix.strip()):
        raise DataError(
            f"{where}: cancel_prefix 应是取消单号的开头文字（如 'C'）或 None，收到 {prefix!r}"
        )
    if "refunds" in checked and checked["refunds"] not in ("net", "drop"):
        raise DataError(f"{where}: refunds 只能是 'net' 或 'drop'，收到 {checked['refunds']!r}")
    return checked


@dataclass(frozen=True)
class CleaningReport:
    """What :func:`clean_transactions` removed or changed and why: nothing silently.

    Attributes
    ----------
    rows_in, rows_out : int
        Rows before and after cleaning.
    removed : pandas.DataFrame
        Every removed row, with its original index and a ``reason`` column (a key of
        :data:`CLEANING_REASONS`).
    changed : pandas.DataFrame
        Every kept row whose amount was changed (a refund netted against it): the row as
        it was, with ``new_amount`` and ``reason`` (a key of :data:`CHANGE_REASONS`).
    rules : dict
        The rules applied: ``drop_duplicates``, ``cancel_prefix``, ``refunds``, ``as_of``.
    notes : tuple of str
        What else was noticed, in Chinese: sheets read or skipped, ids normalised,
        refunds larger than the purchases.
    """

    rows_in: int
    rows_out: int
    removed: pd.DataFrame
    changed: pd.DataFrame = field(default_factory=pd.DataFrame)
    rules: dict = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def counts(self) -> pd.Series:
        """Rows removed per reason: the five classic reasons always, others when they occur."""
        counts = self.removed["reason"].value_counts()
        keys = [k for k in CLEANING_REASONS if k in _CLASSIC_REASONS or counts.get(k, 0)]
        counts = counts.reindex(keys, fill_value=0).astype("int64")
        return counts.rename("rows_removed")

    @property
    def changed_counts(self) -> pd.Series:
        """Kept rows changed per reason (only reasons that occur)."""
        if self.changed.empty:
            return pd.Series(dtype="int64", name="rows_changed")
        counts = self.changed["reason"].value_counts()
        return counts.reindex(list(CHANGE_REASONS)).dropna().astype("int64").rename("rows_changed")

    def to_frame(self) -> pd.DataFrame:
        """The report as a table in Chinese, one row per reason plus a total."""
        counts = self.counts
        table = pd.DataFrame(
            {
                "原因 (reason)": [CLEANING_REASONS[k] for k in counts.index],
                "删除行数 (rows removed)": counts.to_numpy(),
            },
            index=counts.index,
        )
        table.loc["kept"] = ["保留 (kept)", self.rows_out]
        table.loc["total"] = ["合计 (rows in)", self.rows_in]
        share = table["删除行数 (rows removed)"] / max(self.rows_in, 1)
        table["占比 (share)"] = share.map("{:.1%}".format)
        changed = self.changed_counts
        if len(changed):
            table["修改行数 (rows changed)"] = 0
            for key, count in changed.items():
                table.loc[key] = [
                    CHANGE_REASONS[key],
                    0,
                    f"{count / max(self.rows_in, 1):.1%}",
                    count,
                ]
        return table

    def _repr_html_(self) -> str:
        return self.to_frame().to_html()

    def __str__(self) -> str:
        text = self.to_frame().to_string()
        return "\n".join([text, *self.notes])


def _conventions(transactions: pd.DataFrame, given: dict) -> dict:
    declared = transactions.attrs.get(CONVENTIONS_ATTR) or {}
    if not isinstance(declared, Mapping):
        raise DataError(
            f"frame.attrs[{CONVENTIONS_ATTR!r}] 应是清洗规则的字典 (a dict of cleaning rules)，"
            f"收到 {declared!r}"
        )
    declared = _check_conventions(declared, f"frame.attrs[{CONVENTIONS_ATTR!r}]")
    given = _check_conventions(
        {k: v for k, v in given.items() if v is not None}, "clean_transactions"
    )
    return {**USER_DEFAULTS, **declared, **given}


def _far_dates(dates: pd.Series) -> np.ndarray:
    """Dates far outside the rest: beyond the central 98 % by more than its own span.

    The tails allowed out are 1 % of the lines on each side (at least one); their dates
    count as far only beyond the others' span (at least a year) from the nearest
    central date. Fewer than 10 lines are never judged.
    """
    values = dates.to_numpy(dtype="datetime64[ns]")
    n = len(values)
    if n < 10:
        return np.zeros(n, dtype=bool)
    tail = max(1, n // 100)
    ordered = np.partition(values.view("int64"), [tail, n - 1 - tail]).view("datetime64[ns]")
    low, high = ordered[tail], ordered[n - 1 - tail]
    span = max(high - low, np.timedelta64(365, "D"))
    return (values > high + span) | (values < low - span)


def _net_refunds(
    codes: np.ndarray,
    dates: np.ndarray,
    amounts: np.ndarray,
    purchase: np.ndarray,
    refund: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Subtract each customer's refunds from their latest purchases first.

    ``codes`` numbers the customers. Returns every line's new amount (0 = a purchase
    fully refunded; lines other than purchases unchanged) and, per customer code, the
    refund left over when it is larger than the purchases.
    """
    size = int(codes.max()) + 1 if len(codes) else 0
    owed = np.bincount(codes[refund], weights=-amounts[refund], minlength=size)
    spent_total = np.bincount(codes[purchase], weights=amounts[purchase], minlength=size)
    new = amounts.copy()
    rows = np.flatnonzero(purchase & (owed[codes] > 0))
    if len(rows):
        rows = rows[::-1]  # latest position first among equal days
        rows = rows[np.argsort(-dates[rows].view("int64"), kind="stable")]
        group = codes[rows]
        if size <= 1 << 16:  # small codes: numpy's stable sort is then a fast radix sort
            group = group.astype(np.uint16)
        rows = rows[np.argsort(group, kind="stable")]
        group = codes[rows]
        value = amounts[rows]
        running = np.cumsum(value)
        starts = np.r_[0, np.flatnonzero(np.diff(group)) + 1]
        offset = np.repeat(running[starts] - value[starts], np.diff(np.r_[starts, len(rows)]))
        spent = running - offset
        due = owed[group]
        left = np.where(spent - value >= due, value, np.clip(spent - due, 0, None))
        left[left < 1e-9] = 0.0
        new[rows] = left
    return new, np.clip(owed - spent_total, 0, None)


def clean_transactions(
    transactions: pd.DataFrame,
    *,
    drop_duplicates: bool | None = None,
    cancel_prefix: str | None = None,
    refunds: str | None = None,
    as_of=None,
) -> tuple[pd.DataFrame, CleaningReport]:
    """Remove the lines that must not count as purchases, and say what was removed.

    Rules, applied in this order (a line is counted under the first rule it breaks):

    1. a missing ``customer_id``;
    2. a cancellation: ``invoice_id`` starting with ``cancel_prefix`` (only when given);
    3. refunds, lines with a negative amount (and negative quantity): with
       ``refunds="net"`` they are taken off the same customer's latest purchases
       (a purchase fully refunded is removed, one partly refunded keeps the rest, and
       the refund line itself is removed as counted); with ``refunds="drop"`` they are
       removed as ``quantity`` <= 0 / ``amount`` <= 0 lines;
    4. ``quantity`` <= 0; ``unit_price`` <= 0 (or ``amount`` <= 0 when there is no price);
    5. an exact duplicate of an earlier line (only with ``drop_duplicates=True``);
    6. a date after ``as_of``, or far outside the rest of the dates (a typing error
       such as 2042 would otherwise move "today" and every recency).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Canonical transactions (see :func:`to_canonical`). Not modified.
    drop_duplicates : bool, optional
        Drop lines identical to an earlier one. Real files with few columns have identical
        lines that are real purchases, so this is off unless asked or declared.
    cancel_prefix : str, optional
        The invoice-number prefix of cancellations (``"C"`` in the UCI files).
    refunds : {"net", "drop"}, optional
        How to treat refund lines (default ``"net"``).
    as_of : date-like, optional
        The analysis day; later lines are removed and reported.

    Options left as ``None`` come from the conventions declared on ``transactions``
    (:func:`declare_conventions`; the project's loaders declare :data:`UCI_CONVENTIONS`),
    else from :data:`USER_DEFAULTS`.

    Returns
    -------
    clean : pandas.DataFrame
        The kept lines, original index and order (amounts reduced by netted refunds).
    report : CleaningReport
        Counts per reason, the removed and changed lines themselves, the rules and notes.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({
    ...     "customer_id": [1, 1, None, 2, 2],
    ...     "invoice_id": ["10", "C11", "12", "13", "13"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01"] * 5),
    ...     "amount": [5.0, -5.0, 3.0, 8.0, 8.0]})
    >>> clean, report = clean_transactions(lines, cancel_prefix="C", drop_duplicates=True)
    >>> len(clean), report.counts.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    (2, {'missing_customer': 1, 'cancellation': 1, 'non_positive_quantity': 0,
         'non_positive_price': 0, 'duplicate': 1})
    >>> clean, report = clean_transactions(lines)  # a user's file: refunds are netted
    >>> clean["amount"].tolist(), report.counts.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    ([8.0, 8.0], {'missing_customer': 1, 'cancellation': 0, 'non_positive_quantity': 0,
                  'non_positive_price': 0, 'duplicate': 0, 'refund': 1,
                  'refunded_purchase': 1})
    """
    require_columns(
        transactions, ["customer_id", "invoice_date", "amount"], what="订单数据 (transactions)"
    )
    rules = _conventions(
        transactions,
        {"drop_duplicates": drop_duplicates, "cancel_prefix": cancel_prefix, "refunds": refunds},
    )
    keys = list(CLEANING_REASONS)
    reason = np.zeros(len(transactions), dtype=np.int8)  # 0: kept, else 1 + index in keys

    def mark(mask, key):
        reason[np.asarray(mask, dtype=bool) & (reason == 0)] = keys.index(key) + 1

    def numbers(column):
        return transactions[column].to_numpy(dtype="float64", na_value=np.nan)

    columns = transactions.columns
    amount = numbers("amount")
    mark(transactions["customer_id"].isna().to_numpy(), "missing_customer")
    prefix = rules["cancel_prefix"]
    if prefix and "invoice_id" in columns:
        invoice = transactions["invoice_id"].astype("string").str.strip().str.upper()
        starts = invoice.str.startswith(prefix.strip().upper()).fillna(False)
        mark(starts.to_numpy(dtype=bool), "cancellation")
    quantity = numbers("quantity") if "quantity" in columns else None
    price = numbers("unit_price") if "unit_price" in columns else None
    if rules["refunds"] == "net":
        is_refund = amount < 0
        if quantity is not None:
            is_refund &= quantity < 0
        if price is not None:
            is_refund &= price > 0
        mark(is_refund, "refund")
    if quantity is not None:
        mark(quantity <= 0, "non_positive_quantity")
    mark((price if price is not None else amount) <= 0, "non_positive_price")
    if price is not None:
        mark(amount <= 0, "non_positive_price")
    if rules["drop_duplicates"]:
        kept = reason == 0
        mark(transactions.duplicated(keep="first").to_numpy() & kept, "duplicate")
    dates = transactions["invoice_date"]
    day = None
    if as_of is not None:
        day = pd.Timestamp(as_of)
        mark((dates >= day + pd.Timedelta(days=1)).to_numpy(), "after_as_of")
    refund_code = keys.index("refund") + 1
    candidates = (reason == 0) | (reason == refund_code)
    far = np.zeros(len(transactions), dtype=bool)
    far[candidates] = _far_dates(dates[candidates])
    mark(far, "date_outlier")
    notes = list(transactions.attrs.get(NOTES_ATTR, []))
    new_amount = amount
    refund_rows = reason == refund_code
    if refund_rows.any():
        codes = pd.factorize(transactions["customer_id"])[0]
        new_amount, excess = _net_refunds(
            codes,
            dates.to_numpy(dtype="datetime64[ns]"),
            amount,
            reason == 0,
            refund_rows,
        )
        mark((reason == 0) & (new_amount <= 0), "refunded_purchase")
        if (excess > 0).any():
            notes.append(
                f"{int((excess > 0).sum()):,} 位客户的退款多于文件中他们的购买，多出的 "
                f"{float(excess.sum()):,.2f} 没有可冲减的购买 "
                "(refunds larger than the customers' purchases)"
            )
    kept = reason == 0
    reduced = np.flatnonzero(kept & (new_amount < amount))
    changed = transactions.iloc[reduced].assign(
        new_amount=new_amount[reduced], reason="refund_reduced"
    )
    labels = np.array([None, *keys], dtype=object)[reason[~kept]]
    removed = transactions.loc[~kept].assign(reason=pd.array(labels, dtype="string"))
    clean = transactions.take(np.flatnonzero(kept))
    if len(reduced):
        clean["amount"] = new_amount[kept]
    rules = {**rules, "as_of": None if day is None else day.date().isoformat()}
    report = CleaningReport(
        rows_in=len(transactions),
        rows_out=int(kept.sum()),
        removed=removed,
        changed=changed,
        rules=rules,
        notes=tuple(notes),
    )
    return clean, report
