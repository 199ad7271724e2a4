"""The course quizzes' reference answers: their options and what custseg computes for a question's figures.

The pre- and post-course quizzes (``quiz_pre`` and ``quiz_post``) ask the same questions with
different figures. Their hidden checks share the options of the choice questions, in the order
the question lists them (A, B, C, ...), the other words a learner may write for an option, and
two helpers that work out the expected answer from a question's figures: :func:`stage_of` (the
lifecycle stage custseg gives a customer) and :func:`elbow` (the k the elbow rule picks). Each
quiz's ``check="setup"`` cell imports them from here; the per-question checks stay in the quiz.

The option tuples are the quiz's letters: changing their order changes which letter is right,
so the examples below pin them.

Examples
--------
>>> FIVE_STEPS
('数据收集', '数据分析', '客户分类', '策略制定', '效果评估')
>>> DIMENSIONS
('人口统计', '地理', '心理', '行为')
>>> HUAWEI
('技术型客户', '标准型客户', '战略型客户')
>>> STAGES
('新客', '回购', '忠诚', '流失风险', '已流失')
>>> tuple(CN8.values())
('重要价值客户', '重要发展客户', '重要保持客户', '重要挽留客户')

The stages and the groups are the ones custseg uses (the quiz leaves out 潜在, a customer with
no purchase), and the cn8 names are those of the cn8 scheme:

>>> from custseg.customer_groups import GROUPS
>>> from custseg.lifecycle import STAGES as LIFECYCLE_STAGES
>>> from custseg.segments import rule_table
>>> STAGES == LIFECYCLE_STAGES[1:]
True
>>> HUAWEI == tuple(f"{group}客户" for group in GROUPS)
True
>>> set(CN8.values()) <= set(rule_table("cn8")["segment"])
True
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from custseg.exercises.dimensions import DIMENSIONS
from custseg.lifecycle import lifecycle_stages
from custseg.process import STEPS as FIVE_STEPS

__all__ = [
    "CN8",
    "DIMENSIONS",
    "DIMENSION_WORDS",
    "FIVE_STEPS",
    "HUAWEI",
    "HUAWEI_WORDS",
    "STAGES",
    "STEP_WORDS",
    "elbow",
    "stage_of",
]

STEP_WORDS = {
    "收集数据": "数据收集",
    "分析数据": "数据分析",
    "制定策略": "策略制定",
    "评估效果": "效果评估",
}
"""Other words for a step of :data:`FIVE_STEPS` (the verb first)."""

DIMENSION_WORDS = {f"{name}维度": name for name in DIMENSIONS}
"""A dimension of :data:`DIMENSIONS` written with 维度."""

HUAWEI = ("技术型客户", "标准型客户", "战略型客户")
"""The customer groups by needs and value (:mod:`custseg.customer_groups`)."""

HUAWEI_WORDS = {"技术型": "技术型客户", "标准型": "标准型客户", "战略型": "战略型客户"}
"""A group of :data:`HUAWEI` written without 客户."""

STAGES = ("新客", "回购", "忠诚", "流失风险", "已流失")
"""The lifecycle stages a quiz offers (:data:`custseg.lifecycle.STAGES` without 潜在)."""

CN8 = {  # (bought recently, buys often) -> segment, all with high spend (M 高)
    (True, True): "重要价值客户",
    (True, False): "重要发展客户",
    (False, True): "重要保持客户",
    (False, False): "重要挽留客户",
}
"""The four high-spend cn8 segments, by (bought recently, buys often)."""


def stage_of(tenure_days: int, recency_days: int, orders: int) -> str:
    """The lifecycle stage custseg gives a customer with these purchases.

    Parameters
    ----------
    tenure_days : int
        Days from the first purchase to the reference date (2024-07-01).
    recency_days : int
        Days from the last purchase to the reference date.
    orders : int
        Number of purchases, spread evenly between the first and the last.

    Returns
    -------
    str
        The stage :func:`custseg.lifecycle.lifecycle_stages` gives, e.g. ``"流失风险"``.

    Examples
    --------
    >>> stage_of(730, 120, 8)
    '流失风险'
    >>> stage_of(365, 30, 3)
    '回购'
    """
    as_of = pd.Timestamp("2024-07-01")
    first = as_of - pd.Timedelta(days=tenure_days)
    last = as_of - pd.Timedelta(days=recency_days)
    dates = pd.date_range(first, last, periods=orders).normalize() + pd.Timedelta(hours=10)
    purchases = pd.DataFrame({"customer_id": "c1", "invoice_date": dates, "amount": 10.0})
    return lifecycle_stages(purchases, as_of=as_of)["stage"].iloc[0]


def elbow(inertia: Mapping[int, float]) -> int:
    """The k after which the within-cluster sum of squares stops falling much.

    Parameters
    ----------
    inertia : Mapping[int, float]
        Within-cluster sum of squares per number of clusters k (at least three values of k).

    Returns
    -------
    int
        The k where the curve bends most: the drop before it minus the drop after it is largest.

    Examples
    --------
    >>> elbow({2: 1000, 3: 600, 4: 350, 5: 330, 6: 315, 7: 305})
    4
    >>> elbow({2: 800, 3: 420, 4: 390, 5: 370, 6: 355, 7: 345})
    3
    """
    ks = sorted(inertia)
    bends = {
        k: (inertia[a] - inertia[k]) - (inertia[k] - inertia[b])
        for a, k, b in zip(ks, ks[1:], ks[2:], strict=False)
    }
    return max(bends, key=bends.get)
