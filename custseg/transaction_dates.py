"""Dates in a user's order table: every unambiguous form parsed, an ambiguous one refused.

ISO dates (with or without time, fractional seconds, a ``+08:00`` offset whose written
time is kept), ``2024/3/1``, Chinese forms (``2024年3月1日 14时5分``) and month names are
read as they are. ``DD/MM/YYYY`` against ``MM/DD/YYYY`` is decided by the file itself
(a day above 12) or stops with a message asking for ``date_format``; two-digit years
are never guessed.
"""

from __future__ import annotations

import warnings

import pandas as pd

from custseg.transaction_cells import (
    RowLocator,
    arrow_cast,
    cell_problem,
    is_arrow_text,
    trimmed_text,
)

__all__ = ["parse_dates"]

_OFFSET = r"(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$"


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
        raise cell_problem(
            locate, frame, column, found & short_year, "的年份只有两位，无法确定 " + ask
        )
    day_first = (first > 12).any()
    month_first = (second > 12).any()
    if day_first and month_first:
        mixed = found & ((first > 12) | (second > 12))
        raise cell_problem(locate, frame, column, mixed, "的日期中日和月的顺序前后不一致 " + ask)
    if not (day_first or month_first):
        raise cell_problem(locate, frame, column, found, "的日期无法确定是日/月还是月/日 " + ask)
    day, month = (parts[0], parts[1]) if day_first else (parts[1], parts[0])
    iso = parts[2] + "-" + month.str.zfill(2) + "-" + day.str.zfill(2) + parts[3].fillna("")
    return _iso(_normalise_date_text(iso.where(found)))


def parse_dates(
    frame: pd.DataFrame, locate: RowLocator, date_format: str | None = None
) -> pd.Series:
    """The ``invoice_date`` column as datetime64, or an error naming the rows at fault.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with an ``invoice_date`` column (text or datetimes).
    locate : RowLocator
        Names the rows in messages.
    date_format : str, optional
        The format (``"%d/%m/%Y"``); needed when day and month could be swapped.

    Raises
    ------
    DataError
        An unparseable, blank or ambiguous date, or a two-digit year.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"invoice_date": ["2024年3月1日", "2024-03-02T09:30+08:00",
    ...                                        "2024/3/3 10:00:00.500"]})
    >>> parse_dates(frame, RowLocator(None, None)).dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2024-03-01 00:00', '2024-03-02 09:30', '2024-03-03 10:00']
    >>> parse_dates(pd.DataFrame({"invoice_date": ["03/04/2024"]}), RowLocator("a.csv", 2))
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: a.csv: 列 invoice_date（订单日期） 的日期无法确定是日/月还是月/日 ...
    """
    column = "invoice_date"
    raw = frame[column]
    if pd.api.types.is_datetime64_any_dtype(raw):
        parsed = raw
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        blank = parsed.isna()
    else:
        fast = None
        if is_arrow_text(raw) and not date_format:  # clean ISO text: no trimming needed
            fast = arrow_cast(raw, _timestamp())
        text = raw if fast is not None else trimmed_text(raw)
        blank = text.isna()
        if fast is None and not date_format:
            fast = arrow_cast(text, _timestamp())
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
        raise cell_problem(
            locate,
            frame,
            column,
            missing & ~blank,
            f"有无法识别的日期 (unparseable date){how}",
        )
    if blank.any():
        raise cell_problem(locate, frame, column, blank, "有空的日期 (missing date)")
    return parsed.astype("datetime64[ns]")
