"""Canonical transactions: read a user's order file, check it, clean it without losing anything.

Every method in custseg works on one table of order lines with these columns:

=================  ==========================================================
``customer_id``    who bought (required)
``invoice_id``     the order / invoice number; cancellations start with "C"
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
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns
from custseg.files import read_table

__all__ = [
    "CANONICAL_COLUMNS",
    "CLEANING_REASONS",
    "CleaningReport",
    "clean_transactions",
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
}

_SHOWN_PROBLEMS = 5
_CURRENCY_MARKS = r"[¥￥$€£,，\s]"


def _label(column: str) -> str:
    chinese = COLUMN_LABELS.get(column)
    return f"{column}（{chinese}）" if chinese else column


class _Locator:
    """Turns an index label into words: a file row number, or a DataFrame index label."""

    def __init__(self, source: str | None, first_row: int | None):
        self.source = source
        self.first_row = first_row

    def __call__(self, index: pd.Index, labels) -> str:
        if self.first_row is None:
            return "、".join(f"索引 (index) {label!r}" for label in labels)
        positions = index.get_indexer(list(labels))
        return "、".join(
            f"第 {p + self.first_row} 行 (row {p + self.first_row})" for p in positions
        )

    def prefix(self) -> str:
        return f"{self.source}: " if self.source else ""


def _problem(locate: _Locator, frame: pd.DataFrame, column: str, bad: pd.Series, what: str):
    labels = bad[bad].index[:_SHOWN_PROBLEMS]
    values = ", ".join(repr(frame.at[label, column]) for label in labels)
    count = int(bad.sum())
    more = f"（共 {count} 处 / {count} in total）" if count > len(labels) else ""
    return DataError(
        f"{locate.prefix()}列 {_label(column)} {what}：{locate(frame.index, labels)}，"
        f"值 (value) {values}{more}"
    )


def _parse_dates(frame: pd.DataFrame, locate: _Locator) -> pd.Series:
    raw = frame["invoice_date"]
    if pd.api.types.is_datetime64_any_dtype(raw):
        parsed = raw
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
    else:
        text = raw.astype("string").str.strip()
        text = text.str.replace(r"(\d+)年(\d+)月(\d+)日?", r"\1-\2-\3", regex=True)
        text = text.str.replace(r"[/.]", "-", regex=True)
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
        retry = parsed.isna() & text.notna()
        if retry.any():
            parsed[retry] = pd.to_datetime(text[retry], format="mixed", errors="coerce")
    missing = parsed.isna()
    if missing.any():
        blank = raw.isna() | raw.astype("string").str.strip().eq("")
        if (missing & ~blank).any():
            raise _problem(
                locate,
                frame,
                "invoice_date",
                missing & ~blank,
                "有无法识别的日期 (unparseable date; use e.g. 2024-03-01 or 2024/3/1)",
            )
        raise _problem(locate, frame, "invoice_date", missing, "有空的日期 (missing date)")
    return parsed.astype("datetime64[ns]")


def _parse_numbers(frame: pd.DataFrame, column: str, locate: _Locator) -> pd.Series:
    raw = frame[column]
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        values = raw.astype("float64")
        blank = values.isna()
    else:
        text = raw.astype("string").str.replace(_CURRENCY_MARKS, "", regex=True)
        values = pd.to_numeric(text, errors="coerce").astype("float64")
        blank = text.isna() | text.eq("")
        wrong = values.isna() & ~blank
        if wrong.any():
            raise _problem(locate, frame, column, wrong, "需要数字，但有文字 (non-numeric value)")
    if blank.any():
        raise _problem(locate, frame, column, blank, "有空值 (missing value)")
    return values


def _parse_ids(values: pd.Series) -> pd.Series:
    """Integer-like ids (17850.0) become nullable integers; anything else trimmed text."""
    if pd.api.types.is_integer_dtype(values):
        return values
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            return values.astype("Int64")
        return values
    text = values.astype("string").str.strip().replace("", pd.NA)
    numeric = pd.to_numeric(text, errors="coerce")
    if numeric.notna().sum() == text.notna().sum() and text.notna().any():
        whole = numeric.dropna()
        if (whole == np.floor(whole)).all() and not text.dropna().str.startswith("0").any():
            return numeric.astype("Int64")
    return text


def to_canonical(
    frame: pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    source: str | None = None,
    first_row: int | None = None,
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

    Returns
    -------
    pandas.DataFrame
        The canonical columns present, in canonical order, then any other columns.
        ``invoice_date`` is datetime64, ``quantity``, ``unit_price`` and ``amount`` are
        floats (``amount`` is computed when missing), ids are integers when every id
        is a whole number and text otherwise.

    Raises
    ------
    DataError
        A missing required column (listing the columns found), an unparseable date or a
        non-numeric value (naming the column, the rows and the values).

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
    locate = _Locator(source, first_row)
    if columns:
        require_columns(frame, list(columns), what=f"{locate.prefix()}列名映射 (columns=)")
        frame = frame.rename(columns=dict(columns))
    else:
        frame = frame.copy(deep=False)
    duplicated = frame.columns[frame.columns.duplicated()].tolist()
    if duplicated:
        raise DataError(f"{locate.prefix()}有重名的列 (duplicate column names): {duplicated}")
    what = f"{locate.prefix()}订单数据 (transactions)"
    require_columns(frame, ["customer_id", "invoice_date"], what=what)
    if "amount" not in frame.columns:
        require_columns(
            frame, ["quantity", "unit_price"], what=f"{what} 没有 amount（金额）列，因此"
        )
    out = {}
    out["customer_id"] = _parse_ids(frame["customer_id"])
    if "invoice_id" in frame.columns:
        out["invoice_id"] = frame["invoice_id"].astype("string").str.strip()
    out["invoice_date"] = _parse_dates(frame, locate)
    for column in ("stock_code", "description", "country"):
        if column in frame.columns:
            out[column] = frame[column].astype("string")
    for column in ("quantity", "unit_price", "amount"):
        if column in frame.columns:
            out[column] = _parse_numbers(frame, column, locate)
    if "amount" not in out:
        out["amount"] = out["quantity"] * out["unit_price"]
    ordered = {c: out[c] for c in CANONICAL_COLUMNS if c in out}
    extra = {c: frame[c] for c in frame.columns if c not in ordered}
    return pd.DataFrame({**ordered, **extra}, index=frame.index)


def read_transactions(
    path: str | os.PathLike,
    columns: Mapping[str, str] | None = None,
    *,
    sheet_name: int | str = 0,
) -> pd.DataFrame:
    """Read a user's own order file (CSV, Excel or parquet) into canonical transactions.

    Parameters
    ----------
    path : path-like
        The file. CSV may be UTF-8, UTF-8 with BOM, or GBK / GB18030 (Chinese Excel
        exports); ``.csv.gz`` works too.
    columns : mapping, optional
        Your column names to canonical ones, e.g.
        ``{"客户编号": "customer_id", "订单日期": "invoice_date", "实付金额": "amount"}``.
    sheet_name : int or str, default 0
        Excel only: which sheet.

    Returns
    -------
    pandas.DataFrame
        See :func:`to_canonical`. Error messages name the file's row numbers.

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
    raw = read_table(path, sheet_name=sheet_name, dtype=str)
    return to_canonical(raw, columns, source=str(path), first_row=2)


@dataclass(frozen=True)
class CleaningReport:
    """What :func:`clean_transactions` removed and why: nothing is dropped silently.

    Attributes
    ----------
    rows_in, rows_out : int
        Rows before and after cleaning.
    removed : pandas.DataFrame
        Every removed row, with its original index and a ``reason`` column (a key of
        :data:`CLEANING_REASONS`).
    """

    rows_in: int
    rows_out: int
    removed: pd.DataFrame

    @property
    def counts(self) -> pd.Series:
        """Rows removed per reason (every reason listed, zeros included)."""
        counts = self.removed["reason"].value_counts()
        counts = counts.reindex(list(CLEANING_REASONS), fill_value=0).astype("int64")
        return counts.rename("rows_removed")

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
        return table

    def _repr_html_(self) -> str:
        return self.to_frame().to_html()

    def __str__(self) -> str:
        return self.to_frame().to_string()


def clean_transactions(transactions: pd.DataFrame) -> tuple[pd.DataFrame, CleaningReport]:
    """Remove the lines that must not count as purchases, and say what was removed.

    Rules, applied in this order (a line is counted under the first rule it breaks):
    a missing ``customer_id``; a cancellation (``invoice_id`` starting with "C");
    ``quantity`` <= 0; ``unit_price`` <= 0 (or ``amount`` <= 0 when there is no price);
    an exact duplicate of an earlier line.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Canonical transactions (see :func:`to_canonical`). Not modified.

    Returns
    -------
    clean : pandas.DataFrame
        The kept lines, original index and order.
    report : CleaningReport
        Counts per reason and the removed lines themselves.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({
    ...     "customer_id": [1, 1, None, 2, 2],
    ...     "invoice_id": ["10", "C11", "12", "13", "13"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01"] * 5),
    ...     "amount": [5.0, -5.0, 3.0, 8.0, 8.0]})
    >>> clean, report = clean_transactions(lines)
    >>> len(clean), report.counts.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    (2, {'missing_customer': 1, 'cancellation': 1, 'non_positive_quantity': 0,
         'non_positive_price': 0, 'duplicate': 1})
    """
    require_columns(
        transactions, ["customer_id", "invoice_date", "amount"], what="订单数据 (transactions)"
    )
    reason = pd.Series(pd.NA, index=transactions.index, dtype="object")

    def mark(mask, key):
        reason[mask & reason.isna()] = key

    mark(transactions["customer_id"].isna().to_numpy(), "missing_customer")
    if "invoice_id" in transactions.columns:
        invoice = transactions["invoice_id"].astype("string")
        mark(invoice.str.upper().str.startswith("C").fillna(False).to_numpy(), "cancellation")
    if "quantity" in transactions.columns:
        mark((transactions["quantity"] <= 0).to_numpy(), "non_positive_quantity")
    price = "unit_price" if "unit_price" in transactions.columns else "amount"
    mark((transactions[price] <= 0).to_numpy(), "non_positive_price")
    if "unit_price" in transactions.columns:
        mark((transactions["amount"] <= 0).to_numpy(), "non_positive_price")
    kept = reason.isna()
    mark((transactions.duplicated(keep="first") & kept).to_numpy(), "duplicate")
    kept = reason.isna().to_numpy()
    removed = transactions.loc[~kept].assign(reason=reason[~kept].astype("string"))
    report = CleaningReport(rows_in=len(transactions), rows_out=int(kept.sum()), removed=removed)
    return transactions.loc[kept], report
