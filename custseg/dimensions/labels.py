"""Readable segment labels for one column: age bands, Chinese names of coded values, 是/否."""

from __future__ import annotations

import pandas as pd

from custseg.deprecation import renamed_function
from custseg.dimensions.demographic import BANK_LABELS, age_bands
from custseg.errors import DataError, ParameterError, require_columns
from custseg.vocabulary import chinese_label

__all__ = [
    "CITY_TIERS",
    "COLUMN_NAMES",
    "DIMENSION_NAMES",
    "dimension_name",
    "labeled_rows",
    "segment_labels",
]

CITY_TIERS = ("一线", "新一线", "二线", "三线及以下")
"""City tiers from the largest cities down, the order segment tables list them in."""

DIMENSION_NAMES: dict[str, str] = {
    "age": "年龄段",
    "age_band": "年龄段",
    "job": "职业",
    "marital": "婚姻状况",
    "education": "学历",
    "default": "有无违约记录",
    "housing": "有无房贷",
    "loan": "有无消费贷",
    "contact": "联系方式",
    "poutcome": "上次活动结果",
    "gender": "性别",
    "province": "省份",
    "city": "城市",
    "city_tier": "城市级别",
    "channel": "渠道",
    "member": "是否会员",
    "category": "品类",
    "country": "国家/地区",
}
"""Chinese names of the columns the course segments by (the header of a segment table)."""


def dimension_name(column: str) -> str:
    """The Chinese name of a segmenting column, or the column itself.

    Examples
    --------
    >>> dimension_name("city_tier"), dimension_name("心理分群")
    ('城市级别', '心理分群')
    """
    return DIMENSION_NAMES.get(column, column)


def segment_labels(data: pd.DataFrame, by: str) -> pd.Series:
    """Each row's segment along one column, labeled for reading.

    A numeric ``age`` column is cut into age bands (:func:`age_bands`); coded values of
    the Bank Marketing data get their Chinese names (:data:`BANK_LABELS`: ``"student"``
    reads 学生, ``"success"`` 成功); true / false reads 是 / 否; anything else is kept.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"age": [19, 40], "job": ["student", "pilot"], "member": [True, False]})
    >>> segment_labels(clients, "age").tolist(), segment_labels(clients, "job").tolist()
    (['25岁以下', '35-44岁'], ['学生', 'pilot'])
    >>> segment_labels(clients, "member").tolist()
    ['是', '否']
    """
    require_columns(data, [by], what="客户数据 (customers)")
    values = data[by]
    if by == "age" and pd.api.types.is_numeric_dtype(values):
        labels = age_bands(values)
    elif by in BANK_LABELS:
        mapping = BANK_LABELS[by]
        labels = values.map(lambda value: mapping.get(value, value))
    elif by == "city_tier" and set(values.dropna()) <= set(CITY_TIERS):
        labels = pd.Series(
            pd.Categorical(values, categories=CITY_TIERS, ordered=True), index=values.index
        )
    elif pd.api.types.is_bool_dtype(values):
        labels = values.map({True: "是", False: "否"})
    else:
        labels = values
    if labels.notna().sum() == 0:
        raise DataError(f"列 {by!r} 全是空值，无法分群 (no segment)")
    return labels.rename(dimension_name(by))


COLUMN_NAMES: dict[str, str] = {
    **{column: name for column, name in DIMENSION_NAMES.items() if column in BANK_LABELS},
    "day": "联系日",
    "month": "联系月份",
    "duration": "通话时长（秒）",
    "campaign": "本次联系次数",
    "pdays": "距上次联系（天）",
    "previous": "以前联系次数",
    "y": "是否认购",
}
"""Chinese headers of the Bank Marketing columns the course vocabulary does not name."""


def labeled_rows(data: pd.DataFrame, rows: int = 5) -> pd.DataFrame:
    """The first rows of a customer table with Chinese headers and Chinese names for codes.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"age": [58], "job": ["management"], "y": ["no"]})
    >>> labeled_rows(clients)
       年龄    职业 是否认购
    0  58  管理人员  未认购
    """
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise ParameterError(f"rows 须为正整数：收到 {rows!r} (must be a positive integer)")
    shown = data.head(rows).copy()
    for column in shown.columns:
        if column in BANK_LABELS:
            mapping = BANK_LABELS[column]
            shown[column] = shown[column].map(lambda value, m=mapping: m.get(value, value))
        elif pd.api.types.is_bool_dtype(shown[column]):
            shown[column] = shown[column].map({True: "是", False: "否"})
        elif pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    return shown.rename(columns=lambda c: COLUMN_NAMES.get(c) or chinese_label(c))


# Old spelling, kept for released notebooks (not in __all__).
labelled_rows = renamed_function(labeled_rows, "labelled_rows")
