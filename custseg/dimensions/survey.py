"""Psychographic segments (心理) from survey answers: what customers say they value.

The simulated 禾悦食品 customers (:func:`custseg.datasets.load_cn_customers`) answered five
statements on a 1-5 scale (1 = 完全不同意, 5 = 完全同意). :func:`survey_profile` compares
the average answers of groups; :func:`add_survey_segments` gives every customer the
attitude that stands out in their answers, a simple survey-based segmentation.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from custseg.dimensions.labels import segment_labels
from custseg.dimensions.profiles import OVERALL
from custseg.errors import DataError, ParameterError, require_columns

__all__ = [
    "BALANCED",
    "SURVEY_ITEMS",
    "SURVEY_SEGMENT",
    "add_survey_segments",
    "survey_item_ranking",
    "survey_item_sentence",
    "survey_profile",
    "survey_segments",
]

SURVEY_ITEMS: dict[str, str] = {
    "price_sensitivity": "价格敏感",
    "health_focus": "注重健康",
    "brand_loyalty": "品牌忠诚",
    "novelty_seeking": "喜欢尝新",
    "convenience": "追求便利",
}
"""The survey columns (answers 1-5) and their Chinese names."""

SURVEY_SEGMENT = "心理分群"
"""The column :func:`add_survey_segments` adds."""

BALANCED = "均衡型"
"""The segment of customers in whom no single attitude stands out."""


def _answers(data: pd.DataFrame, items: Mapping[str, str]) -> pd.DataFrame:
    require_columns(data, list(items), what="问卷数据 (survey answers)")
    answers = data[list(items)].apply(pd.to_numeric, errors="coerce")
    bad = answers.isna() | (answers < 1) | (answers > 5)
    if bad.any().any():
        column = bad.any().idxmax()
        row = bad.index[bad[column].to_numpy()][0]
        raise DataError(
            f"问卷列 {column!r} 的答案须为 1 到 5 的数字：索引 {row!r}，"
            f"值 {data.loc[row, column]!r} (answers must be numbers from 1 to 5)"
        )
    return answers


def survey_segments(
    data: pd.DataFrame, *, min_score: int = 4, items: Mapping[str, str] = SURVEY_ITEMS
) -> pd.Series:
    """Each customer's standout attitude: the one statement scored highest, at least ``min_score``.

    A customer whose highest answer is below ``min_score``, or shared by two statements,
    is :data:`BALANCED` (均衡型). The others get the statement's name plus 型:
    价格敏感型, 注重健康型, 品牌忠诚型, 喜欢尝新型, 追求便利型.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"price_sensitivity": [5, 3, 4], "health_focus": [2, 3, 4],
    ...     "brand_loyalty": [1, 3, 2], "novelty_seeking": [3, 3, 1], "convenience": [2, 3, 3]})
    >>> survey_segments(answers).tolist()
    ['价格敏感型', '均衡型', '均衡型']
    """
    if isinstance(min_score, bool) or not isinstance(min_score, int) or not 1 <= min_score <= 5:
        raise ParameterError(
            f"min_score 须为 1 到 5 的整数：收到 {min_score!r} (must be an integer from 1 to 5)"
        )
    answers = _answers(data, items).to_numpy()
    top = answers.max(axis=1)
    ties = (answers == top[:, None]).sum(axis=1)
    names = np.array([f"{name}型" for name in items.values()], dtype=object)
    labels = np.where((top >= min_score) & (ties == 1), names[answers.argmax(axis=1)], BALANCED)
    order = [*names, BALANCED]
    return pd.Series(
        pd.Categorical(labels, categories=order), index=data.index, name=SURVEY_SEGMENT
    )


def add_survey_segments(data: pd.DataFrame, *, min_score: int = 4) -> pd.DataFrame:
    """A copy of the customers with a column 心理分群 from :func:`survey_segments`.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"price_sensitivity": [5], "health_focus": [2],
    ...     "brand_loyalty": [1], "novelty_seeking": [3], "convenience": [2]})
    >>> add_survey_segments(answers)["心理分群"].tolist()
    ['价格敏感型']
    """
    result = data.copy()
    result[SURVEY_SEGMENT] = survey_segments(data, min_score=min_score)
    return result


def survey_profile(
    data: pd.DataFrame, by: str | None = None, *, items: Mapping[str, str] = SURVEY_ITEMS
) -> pd.DataFrame:
    """Average survey answers per group (1-5, one decimal), with a row for all customers.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer with the survey columns.
    by : str, optional
        The grouping column: ``"city_tier"``, ``"channel"``, ``"gender"``, ``"age"``
        (cut into age bands), ``"心理分群"``…; without it, one row for everyone.
    items : mapping of str to str, default :data:`SURVEY_ITEMS`
        Survey column → the Chinese name of its statement, in the order of the columns
        of the result; another questionnaire gives its own.

    Returns
    -------
    pandas.DataFrame
        One row per group plus ``全部客户``: ``客户数``, ``客户占比`` (text with %) and
        one column per statement (its Chinese name).

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"city_tier": ["一线", "一线", "二线"],
    ...     "price_sensitivity": [2, 3, 5], "health_focus": [5, 4, 2],
    ...     "brand_loyalty": [3, 3, 3], "novelty_seeking": [1, 2, 3], "convenience": [4, 4, 4]})
    >>> survey_profile(answers, by="city_tier")
          客户数    客户占比  价格敏感  注重健康  品牌忠诚  喜欢尝新  追求便利
    城市级别
    一线      2   66.7%   2.5   4.5   3.0   1.5   4.0
    二线      1   33.3%   5.0   2.0   3.0   3.0   4.0
    全部客户    3  100.0%   3.3   3.7   3.0   2.0   4.0
    """
    answers = _answers(data, items).rename(columns=dict(items))
    everyone = answers.mean().round(1)
    rows = []
    if by is not None:
        labels = segment_labels(data, by)
        groups = answers.groupby(labels.to_numpy(), observed=True, sort=False)
        means = groups.mean().round(1)
        sizes = groups.size()
        if isinstance(labels.dtype, pd.CategoricalDtype):
            order = [c for c in labels.cat.categories if c in sizes.index]
        else:
            order = sizes.sort_values(ascending=False, kind="stable").index.tolist()
        for group in order:
            rows.append((str(group), int(sizes[group]), means.loc[group]))
    rows.append((OVERALL, len(answers), everyone))
    total = len(answers)
    table = pd.DataFrame(
        [
            {"客户数": n, "客户占比": f"{n / total:.1%}", **values.to_dict()}
            for _, n, values in rows
        ],
        index=pd.Index(
            [name for name, _, _ in rows], name=segment_labels(data, by).name if by else None
        ),
    )
    return table


def survey_item_ranking(profile: pd.DataFrame, item: str) -> tuple[pd.Series, float]:
    """The groups' averages of one statement, highest first, and all customers' average.

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`survey_profile` with ``by`` (its last row is 全部客户).
    item : str
        A statement's Chinese name, a column of ``profile`` (e.g. "价格敏感").

    Returns
    -------
    groups : pandas.Series
        The average answer of each group, highest first (ties in the profile's order).
    everyone : float
        The average answer of all customers.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"city_tier": ["一线", "一线", "二线"],
    ...     "price_sensitivity": [2, 3, 5], "health_focus": [5, 4, 2],
    ...     "brand_loyalty": [3, 3, 3], "novelty_seeking": [1, 2, 3], "convenience": [4, 4, 4]})
    >>> groups, everyone = survey_item_ranking(survey_profile(answers, by="city_tier"), "价格敏感")
    >>> groups.to_dict(), everyone
    ({'二线': 5.0, '一线': 2.5}, 3.3)
    """
    require_columns(profile, [item], what="问卷画像表 (survey profile)")
    if OVERALL not in profile.index:
        raise DataError(
            f"问卷画像表缺少 {OVERALL!r} 行 (overall row)：请用 survey_profile 得到的表"
        )
    everyone = float(profile.loc[OVERALL, item])
    groups = profile.drop(index=OVERALL)[item].sort_values(ascending=False, kind="stable")
    if groups.empty:
        raise DataError("问卷画像表没有分组 (no group)：请用 survey_profile(..., by=...) 得到的表")
    return groups, everyone


def survey_item_sentence(profile: pd.DataFrame, item: str, grouping: str) -> str:
    """One Chinese line on a statement: the groups with the highest and lowest average.

    Parameters
    ----------
    profile, item
        As in :func:`survey_item_ranking`.
    grouping : str
        How the customers are grouped, as the reader calls it (e.g. "城市级别").

    Returns
    -------
    str
        HTML-marked text: the highest and the lowest group with their averages (one
        decimal) and all customers' average.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"city_tier": ["一线", "一线", "二线"],
    ...     "price_sensitivity": [2, 3, 5], "health_focus": [5, 4, 2],
    ...     "brand_loyalty": [3, 3, 3], "novelty_seeking": [1, 2, 3], "convenience": [4, 4, 4]})
    >>> survey_item_sentence(survey_profile(answers, by="city_tier"), "价格敏感", "城市级别")
    '按<b>城市级别</b>分组，“价格敏感”平均分最高的是 <b>二线</b>（5.0），最低的是 <b>一线</b>（2.5）；全部客户 3.3。'
    """
    groups, everyone = survey_item_ranking(profile, item)
    return (
        f"按<b>{grouping}</b>分组，“{item}”平均分最高的是 <b>{groups.index[0]}</b>"
        f"（{groups.iloc[0]:.1f}），最低的是 <b>{groups.index[-1]}</b>（{groups.iloc[-1]:.1f}）；"
        f"全部客户 {everyone:.1f}。"
    )
