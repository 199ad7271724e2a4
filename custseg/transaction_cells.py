"""The cells of a user's order table: text, numbers and ids, each problem named by row.

A user's file is read as text (:mod:`custseg.files`); these functions turn a column into
numbers or ids without losing or guessing anything, and raise a :class:`DataError` in
Chinese that names the file, sheet, row, column and value when a cell cannot be read.
Dates have their own module, :mod:`custseg.transaction_dates`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.errors import DataError

__all__ = [
    "COLUMN_LABELS",
    "RowLocator",
    "arrow_cast",
    "cell_problem",
    "column_label",
    "in_storage_of",
    "is_arrow_text",
    "parse_ids",
    "parse_numbers",
    "trimmed_text",
]

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

_SHOWN_PROBLEMS = 5
_CURRENCY_MARKS = r"[¥￥$€£\s]"
_THOUSANDS = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"


def column_label(column: str) -> str:
    """A canonical column's name with its Chinese label, as messages show it.

    Examples
    --------
    >>> column_label("amount"), column_label("门店")
    ('amount（金额）', '门店')
    """
    chinese = COLUMN_LABELS.get(column)
    return f"{column}（{chinese}）" if chinese else column


class RowLocator:
    """Turns index labels into words: a file row (and sheet), or a DataFrame index label.

    Parameters
    ----------
    source : str, optional
        The file, named at the start of messages.
    first_row : int, optional
        The file row of the table's first data row; without it labels are named as
        index labels.
    sheets : list of (name, position), optional
        Workbooks: each sheet and the position of its first row in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> index = pd.RangeIndex(6)
    >>> RowLocator("订单.csv", first_row=2)(index, [0, 3])
    '第 2 行 (row 2)、第 5 行 (row 5)'
    >>> RowLocator("b.xlsx", 2, sheets=[("1月", 0), ("2月", 4)])(index, [5])
    "工作表 '2月' 第 3 行 (sheet '2月', row 3)"
    >>> RowLocator(None, None)(index, [3])
    '索引 (index) 3'
    """

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
        """``"file: "`` to start a message, or nothing when the table has no file."""
        return f"{self.source}: " if self.source else ""


def cell_problem(locate: RowLocator, frame: pd.DataFrame, column: str, bad, what: str) -> DataError:
    """The error for the cells of ``column`` marked ``bad``: file, column, rows and values.

    At most five rows are named, with the total when there are more.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"amount": ["5", "x", "y"]})
    >>> error = cell_problem(RowLocator("a.csv", 2), frame, "amount", [False, True, True], "有文字")
    >>> str(error)
    "a.csv: 列 amount（金额） 有文字：第 3 行 (row 3)、第 4 行 (row 4)，值 (value) 'x', 'y'"
    """
    bad = pd.Series(np.asarray(bad, dtype=bool), index=frame.index)
    labels = bad[bad].index[:_SHOWN_PROBLEMS]
    values = ", ".join(repr(_plain(frame.at[label, column])) for label in labels)
    count = int(bad.sum())
    more = f"（共 {count} 处 / {count} in total）" if count > len(labels) else ""
    return DataError(
        f"{locate.prefix()}列 {column_label(column)} {what}：{locate(frame.index, labels)}，"
        f"值 (value) {values}{more}"
    )


def _plain(value):
    """A cell as the user wrote it (numpy scalars as Python numbers)."""
    return value.item() if isinstance(value, np.generic) else value


def trimmed_text(values: pd.Series) -> pd.Series:
    """Trimmed text, blanks as missing (fast pyarrow-backed strings).

    Examples
    --------
    >>> import pandas as pd
    >>> trimmed_text(pd.Series([" A1 ", "", None, 7])).tolist()
    ['A1', <NA>, <NA>, '7']
    """
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


def arrow_cast(text: pd.Series, to) -> pd.Series | None:
    """A fast cast of clean text (numbers, ISO dates); None when any value needs care.

    Parameters
    ----------
    text : pandas.Series
        ``string[pyarrow]`` text.
    to : pyarrow.DataType
        The type to cast to.

    Examples
    --------
    >>> import pandas as pd, pyarrow as pa
    >>> arrow_cast(pd.Series(["1.5", "2"], dtype="string[pyarrow]"), pa.float64()).tolist()
    [1.5, 2.0]
    >>> arrow_cast(pd.Series(["1,5"], dtype="string[pyarrow]"), pa.float64()) is None
    True
    """
    import pyarrow as pa

    try:
        cast = _arrow(text).cast(to)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(cast.to_numpy(), index=text.index)


# ----- numbers -------------------------------------------------------------------------
def _floats(values: pd.Series) -> pd.Series:
    return pd.Series(values.to_numpy(dtype="float64", na_value=np.nan), index=values.index)


def parse_numbers(frame: pd.DataFrame, column: str, locate: RowLocator) -> pd.Series:
    """The numbers of ``column`` as floats, or an error naming every kind of bad cell.

    Currency marks (¥, ￥, $, €, £) and thousands separators are read; a decimal comma
    ("1,5"), text, an infinite value or a blank cell are errors, never a guess.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"amount": ["￥1,200", "3.5"]}, dtype="string[pyarrow]")
    >>> parse_numbers(frame, "amount", RowLocator(None, None)).tolist()
    [1200.0, 3.5]
    >>> parse_numbers(frame.replace("3.5", "1,5"), "amount", RowLocator("a.csv", 2))
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: a.csv: 列 amount（金额） 的数字里有逗号，但不是千位分隔...
    """
    raw = frame[column]
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        values = raw.astype("float64")
        blank = values.isna()
    else:
        import pyarrow as pa

        values = arrow_cast(raw, pa.float64()) if is_arrow_text(raw) else None
        text = raw if values is not None else trimmed_text(raw)
        blank = text.isna()
        if values is None:
            values = arrow_cast(text, pa.float64())
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
                raise cell_problem(
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
            raise cell_problem(
                locate, frame, column, wrong, "需要数字，但有文字 (non-numeric value)"
            )
    infinite = np.isinf(values.to_numpy())
    if infinite.any():
        raise cell_problem(locate, frame, column, infinite, "有无穷大的数 (infinite value)")
    if blank.any():
        raise cell_problem(locate, frame, column, blank, "有空值 (missing value)")
    return values


# ----- ids -----------------------------------------------------------------------------
def parse_ids(frame: pd.DataFrame, column: str, locate: RowLocator, notes: list[str]) -> pd.Series:
    """Ids stay as they are: text stays text, whole numbers stay whole numbers.

    A text column whose numeric-looking ids include integral float exports ("17850.0")
    is normalised as a whole ("17850"), and the change is noted. An id written in
    scientific notation ("1.2E+17") among digit ids is an error: the digits are lost.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"customer_id": ["17850.0", "0012", "17850"]})
    >>> notes = []
    >>> parse_ids(frame, "customer_id", RowLocator(None, None), notes).tolist()
    ['17850', '0012', '17850']
    >>> notes  # doctest: +ELLIPSIS
    ['列 customer_id（客户编号） 有 1 个编号带“.0”（如 17850.0），已统一为整数写法...']
    """
    values = frame[column]
    if pd.api.types.is_integer_dtype(values):
        return values
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            big = values.abs() >= 2**53
            if big.any():
                raise cell_problem(
                    locate,
                    frame,
                    column,
                    big.fillna(False),
                    "的编号太长，以小数形式保存时已丢失数字，请以文字格式读取 "
                    "(id too long for a float; read the column as text)",
                )
            return values.astype("Int64")
        return values
    text = trimmed_text(values)
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
        raise cell_problem(
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
            f"列 {column_label(column)} 有 {count:,} 个编号带“.0”（如 17850.0），已统一为整数写法"
            f"（如 17850）(ids normalised: {count:,})"
        )
    return text


def _all_digits(text: pd.Series) -> pd.Series:
    """Whether each text is ASCII digits only (``str.fullmatch(r"\\d+")``, missing False), fast."""
    import pyarrow.compute as pc

    flags = pc.fill_null(pc.ascii_is_decimal(_arrow(text)), False)
    return pd.Series(flags.to_numpy(), index=text.index)


def is_arrow_text(values: pd.Series) -> bool:
    """Whether ``values`` is pyarrow-backed text (``string[pyarrow]``).

    Examples
    --------
    >>> import pandas as pd
    >>> is_arrow_text(pd.Series(["a"], dtype="string[pyarrow]")), is_arrow_text(pd.Series(["a"]))
    (True, False)
    """
    dtype = values.dtype
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def in_storage_of(values: pd.Series, text: pd.Series) -> pd.Series:
    """Text in the storage of the input: pyarrow strings stay pyarrow, others ``string``.

    Examples
    --------
    >>> import pandas as pd
    >>> text = pd.Series(["a"], dtype="string[pyarrow]")
    >>> str(in_storage_of(pd.Series(["a"], dtype=object), text).dtype)
    'string'
    """
    return text if is_arrow_text(values) else text.astype("string")
