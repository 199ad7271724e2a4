"""The rows data cleaning removed, shown in Chinese: why each row went, and a few examples."""

from __future__ import annotations

import pandas as pd

from custseg.errors import ParameterError
from custseg.overview import first_rows
from custseg.transactions import CLEANING_REASONS, CleaningReport

__all__ = ["REASON_NAMES", "cleaning_table", "removed_rows"]

REASON_NAMES: dict[str, str] = {
    "missing_customer": "缺少客户编号",
    "cancellation": "取消的订单",
    "non_positive_quantity": "数量不大于 0",
    "non_positive_price": "单价或金额不大于 0",
    "duplicate": "完全重复的行",
    "refund": "退款行（已从购买中扣除）",
    "refunded_purchase": "被退款全额冲销的购买",
    "after_as_of": "日期晚于分析日",
    "date_outlier": "日期远离其他订单",
}
"""Short Chinese names of the cleaning reasons (the keys of ``CLEANING_REASONS``)."""


def cleaning_table(report: CleaningReport) -> pd.DataFrame:
    """The cleaning report as a learner reads it: each reason, rows removed and their share.

    Parameters
    ----------
    report : CleaningReport
        The second result of :func:`custseg.transactions.clean_transactions`.

    Returns
    -------
    pandas.DataFrame
        Columns 处理 (the reason in Chinese, then 保留 and 合计), 行数 (with thousands
        separators) and 占比 (of the rows read, as "3.6%"); rows numbered from 1.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.transactions import clean_transactions
    >>> orders = pd.DataFrame({"customer_id": ["C1", None], "invoice_id": ["A1", "A2"],
    ...     "invoice_date": pd.to_datetime(["2024-01-05", "2024-01-06"]), "amount": [10.0, 5.0]})
    >>> _, report = clean_transactions(orders)
    >>> cleaning_table(report)
               处理 行数      占比
    1      缺少客户编号  1   50.0%
    2       取消的订单  0    0.0%
    3     数量不大于 0  0    0.0%
    4   单价或金额不大于 0  0    0.0%
    5      完全重复的行  0    0.0%
    6  保留（清洗后的数据）  1   50.0%
    7     合计（清洗前）  2  100.0%
    """
    if not isinstance(report, CleaningReport):
        raise ParameterError(
            "cleaning_table 需要清洗报告 report：先运行 clean, report = clean_transactions(orders)"
        )
    counts = report.counts
    names = [REASON_NAMES.get(key) or CLEANING_REASONS[key].split(" (")[0] for key in counts.index]
    rows = [*counts.to_numpy().tolist(), report.rows_out, report.rows_in]
    total = max(report.rows_in, 1)
    table = pd.DataFrame(
        {
            "处理": [*names, "保留（清洗后的数据）", "合计（清洗前）"],
            "行数": [f"{int(n):,}" for n in rows],
            "占比": [f"{n / total:.1%}" for n in rows],
        }
    )
    table.index = range(1, len(table) + 1)
    return table


def removed_rows(
    report: CleaningReport, reason: str = "cancellation", rows: int = 5
) -> pd.DataFrame:
    """A few of the rows cleaning removed for one reason, with Chinese headers.

    Parameters
    ----------
    report : CleaningReport
        The second result of :func:`custseg.transactions.clean_transactions`.
    reason : str, default "cancellation"
        A reason key (``"cancellation"``) or its Chinese name (``"取消的订单"``).
    rows : int, default 5
        How many rows to show.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.transactions import clean_transactions
    >>> orders = pd.DataFrame({"customer_id": ["C1", None], "invoice_id": ["A1", "A2"],
    ...     "invoice_date": pd.to_datetime(["2024-01-05", "2024-01-06"]), "amount": [10.0, 5.0]})
    >>> _, report = clean_transactions(orders)
    >>> removed_rows(report, reason="缺少客户编号")[["订单号", "金额", "删除原因"]]
      订单号   金额   删除原因
    1  A2  5.0  缺少客户编号
    """
    if not isinstance(report, CleaningReport):
        raise ParameterError(
            "removed_rows 需要清洗报告 report：先运行 clean, report = clean_transactions(orders)"
        )
    keys = {**{k: k for k in CLEANING_REASONS}, **{v: k for k, v in REASON_NAMES.items()}}
    if reason not in keys:
        names = "、".join(REASON_NAMES.values())
        raise ParameterError(f"没有这个删除原因：{reason!r}；可选：{names}")
    removed = report.removed[report.removed["reason"] == keys[reason]]
    shown = first_rows(removed.drop(columns="reason"), rows=rows) if len(removed) else removed
    shown = shown.copy()
    shown["删除原因"] = REASON_NAMES[keys[reason]]
    return shown
