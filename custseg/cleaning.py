"""Cleaning order lines: the rules declared, every removed or changed line counted per reason.

Cleaning rules are declared, not guessed. Dropping identical lines and reading an invoice
number starting with "C" as a cancellation are conventions of the UCI Online Retail files:
the project's own loaders declare them on the frames they return
(:func:`declare_conventions`, stored in ``frame.attrs``), and :func:`clean_transactions`
applies them only to such frames or when asked. Refunds are netted against the same
customer's latest purchases by default; dates after the analysis day or far outside the
rest are excluded with a reason instead of moving "today".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.frames import canonical_columns, columns_as_given

__all__ = [
    "CHANGE_REASONS",
    "CLEANING_REASONS",
    "UCI_CONVENTIONS",
    "USER_DEFAULTS",
    "CleaningReport",
    "clean_transactions",
    "declare_conventions",
]

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
_WHAT = "订单数据 (transactions)"
NOTES_ATTR = "custseg_notes"


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
        raise ParameterError(f"{where}: 未知的清洗规则 (unknown cleaning option) {unknown}")
    checked = dict(options)
    if "drop_duplicates" in checked and not isinstance(checked["drop_duplicates"], bool | np.bool_):
        raise ParameterError(
            f"{where}: drop_duplicates 只能是 True 或 False，收到 {checked['drop_duplicates']!r} (True or False)"
        )
    prefix = checked.get("cancel_prefix")
    if prefix is not None and (not isinstance(prefix, str) or not prefix.strip()):
        raise ParameterError(
            f"{where}: cancel_prefix 应是取消单号的开头文字（如 'C'）或 None，收到 {prefix!r} (cancel_prefix: a text prefix or None)"
        )
    if "refunds" in checked and checked["refunds"] not in ("net", "drop"):
        raise ParameterError(
            f"{where}: refunds 只能是 'net' 或 'drop'，收到 {checked['refunds']!r} (refunds: 'net' or 'drop')"
        )
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
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
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
        Canonical transactions (see :func:`custseg.transactions.to_canonical`). Not modified.
    drop_duplicates : bool, optional
        Drop lines identical to an earlier one. Real files with few columns have identical
        lines that are real purchases, so this is off unless asked or declared.
    cancel_prefix : str, optional
        The invoice-number prefix of cancellations (``"C"`` in the UCI files).
    refunds : {"net", "drop"}, optional
        How to treat refund lines (default ``"net"``).
    as_of : date-like, optional
        The analysis day; later lines are removed and reported.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number (defaults: the canonical names). ``invoice_col`` is used when present; a
        name other than the default must be present. The kept, removed and changed lines
        keep the caller's column names.

    Options left as ``None`` come from the conventions declared on ``transactions``
    (:func:`declare_conventions`; the project's loaders declare :data:`UCI_CONVENTIONS`),
    else from :data:`USER_DEFAULTS`.

    Returns
    -------
    clean : pandas.DataFrame
        The kept lines, original index, order and column names (amounts reduced by
        netted refunds).
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

    A file with its own column names:

    >>> shop = lines.rename(columns={"customer_id": "会员号", "amount": "实付金额"})
    >>> clean, report = clean_transactions(shop, customer_col="会员号", amount_col="实付金额")
    >>> clean.columns.tolist(), len(report.removed)
    (['会员号', 'invoice_id', 'invoice_date', '实付金额'], 3)
    """
    if not isinstance(transactions, pd.DataFrame):
        raise DataError(
            f"clean_transactions 需要 pandas DataFrame (a pandas DataFrame)，"
            f"收到 (got) {type(transactions).__name__}"
        )
    columns = dict(
        customer_col=customer_col, date_col=date_col, amount_col=amount_col, invoice_col=invoice_col
    )
    canonical = canonical_columns(transactions, **columns, what=_WHAT)
    options = {
        "drop_duplicates": drop_duplicates,
        "cancel_prefix": cancel_prefix,
        "refunds": refunds,
    }
    with columns_as_given(**columns):
        clean, report = _clean(canonical, options, as_of)
    given = {
        new: old
        for new, old in zip(canonical.columns, transactions.columns, strict=True)
        if new != old
    }
    if not given:
        return clean, report
    report = replace(
        report,
        removed=report.removed.rename(columns=given),
        changed=report.changed.rename(columns=given),
    )
    return clean.rename(columns=given), report


def _clean(transactions: pd.DataFrame, options: dict, as_of) -> tuple[pd.DataFrame, CleaningReport]:
    """:func:`clean_transactions` on a frame with the canonical column names."""
    rules = _conventions(transactions, options)
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
        try:
            day = pd.Timestamp(as_of)
        except (TypeError, ValueError):
            day = pd.NaT
        if pd.isna(day):
            raise ParameterError(f"as_of 不是有效的日期 (not a valid date): {as_of!r}")
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
