"""Demographic segments (人口统计): age and income bands, Chinese labels, combined segments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from custseg.dimensions._plain import _plain
from custseg.errors import DataError, ParameterError, require_columns

AGE_EDGES = (0, 25, 35, 45, 55, 65, 200)
"""Default age band edges: under 25, 25-34, 35-44, 45-54, 55-64, 65 and over."""


def age_bands(ages: pd.Series, edges: Sequence[float] = AGE_EDGES) -> pd.Series:
    """Cut ages into ordered bands labeled in Chinese ("25-34岁").

    Examples
    --------
    >>> import pandas as pd
    >>> age_bands(pd.Series([19, 25, 34, 70])).tolist()
    ['25岁以下', '25-34岁', '25-34岁', '65岁及以上']
    """
    edges = list(edges)
    if sorted(edges) != edges or len(set(edges)) != len(edges):
        raise ParameterError(f"年龄分段的边界必须严格递增 (edges must increase): {edges}")
    labels = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        if low <= 0:
            labels.append(f"{high}岁以下")
        elif high >= 120:
            labels.append(f"{low}岁及以上")
        else:
            labels.append(f"{low}-{high - 1}岁")
    values = pd.to_numeric(ages, errors="coerce")
    if values.isna().any():
        row = values.index[values.isna()][0]
        raise DataError(f"年龄 (age) 不是数字：索引 (index) {row!r}，值 (value) {ages.loc[row]!r}")
    return pd.cut(values, edges, right=False, labels=labels)


# ----------------------------------------------------------------------------- demographic

INCOME_LABELS = ("低收入", "中低收入", "中高收入", "高收入")
"""Default income band labels: the four quartiles of the data."""

BANK_LABELS: dict[str, dict[str, str]] = {
    "job": {
        "admin.": "行政文员",
        "blue-collar": "蓝领工人",
        "entrepreneur": "企业主",
        "housemaid": "家政服务",
        "management": "管理人员",
        "retired": "退休",
        "self-employed": "自雇",
        "services": "服务业",
        "student": "学生",
        "technician": "技术人员",
        "unemployed": "失业",
        "unknown": "未知",
    },
    "marital": {"married": "已婚", "single": "单身", "divorced": "离异或丧偶", "unknown": "未知"},
    "education": {
        "primary": "小学",
        "secondary": "中学",
        "tertiary": "大学及以上",
        "unknown": "未知",
    },
    "y": {"yes": "认购", "no": "未认购"},
    "poutcome": {
        "success": "成功",
        "failure": "失败",
        "other": "其他",
        "unknown": "未联系过或未知",
    },
    "housing": {"yes": "有房贷", "no": "无房贷"},
    "loan": {"yes": "有消费贷", "no": "无消费贷"},
    "default": {"yes": "有违约记录", "no": "无违约记录"},
    "contact": {"cellular": "手机", "telephone": "固定电话", "unknown": "未知"},
}
"""Chinese names for the values of Bank Marketing's categorical columns (for :func:`label_values`).

In this data set "divorced" also covers widowed clients.
"""


def income_bands(
    incomes: pd.Series,
    *,
    edges: Sequence[float] | None = None,
    labels: Sequence[str] = INCOME_LABELS,
) -> pd.Series:
    """Cut incomes into ordered bands: the data's quartiles by default, or given edges.

    Parameters
    ----------
    incomes : pandas.Series
        Numbers; missing values stay missing.
    edges : sequence of float, optional
        Band edges (left-closed, ``[low, high)``); by default the quantiles that split
        the incomes into ``len(labels)`` groups of (nearly) equal size.
    labels : sequence of str, default ("低收入", "中低收入", "中高收入", "高收入")
        One label per band.

    Returns
    -------
    pandas.Series
        Ordered categorical, same index.

    Examples
    --------
    >>> import pandas as pd
    >>> income_bands(pd.Series([1000, 2000, 3000, 4000, None])).tolist()
    ['低收入', '中低收入', '中高收入', '高收入', nan]
    >>> income_bands(pd.Series([3000, 12000]), edges=[0, 5000, 1e9], labels=["低", "高"]).tolist()
    ['低', '高']
    """
    values = pd.to_numeric(incomes, errors="coerce")
    wrong = values.isna() & pd.Series(incomes).notna()
    if wrong.any():
        row = values.index[wrong][0]
        raise DataError(
            f"收入 (income) 不是数字：索引 (index) {_plain(row)!r}，值 (value) {_plain(incomes.loc[row])!r}"
        )
    labels = list(labels)
    if edges is None:
        if values.nunique() < len(labels):
            raise DataError(
                f"收入只有 {values.nunique()} 个不同的值，分不出 {len(labels)} 档 (too few values)"
            )
        return pd.qcut(values, len(labels), labels=labels)
    edges = list(edges)
    if sorted(edges) != edges or len(set(edges)) != len(edges) or len(edges) != len(labels) + 1:
        raise ParameterError(
            f"收入分档边界 (edges) 须严格递增且比标签多一个：edges={edges}, labels={labels} (edges must increase and be one more than labels)"
        )
    return pd.cut(values, edges, right=False, labels=labels)


def label_values(frame: pd.DataFrame, labels: Mapping[str, Mapping[object, str]]) -> pd.DataFrame:
    """A copy of ``frame`` with the values of some columns replaced by Chinese labels.

    Values without a label are kept as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "retired", "pilot"], "age": [20, 70, 40]})
    >>> label_values(clients, BANK_LABELS)["job"].tolist()
    ['学生', '退休', 'pilot']
    """
    result = frame.copy()
    for column, mapping in labels.items():
        if column in result.columns:
            result[column] = result[column].map(lambda value, m=mapping: m.get(value, value))
    return result


def combine_segments(frame: pd.DataFrame, columns: Sequence[str], *, sep: str = "·") -> pd.Series:
    """One segment label from several dimensions, e.g. ``"35-44岁·已婚·大学及以上"``.

    Missing values read ``"未知"``.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"年龄段": ["25-34岁", "35-44岁"], "婚姻": ["单身", None]})
    >>> combine_segments(clients, ["年龄段", "婚姻"]).tolist()
    ['25-34岁·单身', '35-44岁·未知']
    """
    columns = list(columns)
    if not columns:
        raise ParameterError("至少需要一个维度列 (no column given)")
    require_columns(frame, columns, what="客户数据 (customers)")
    parts = [frame[c].astype(object).where(frame[c].notna(), "未知").astype(str) for c in columns]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + sep + part
    return combined.rename("segment")
