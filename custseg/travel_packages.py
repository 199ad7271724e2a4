"""Travelers grouped by how they travel, and a package for each group (the tourism case).

Course material on the segmentation process cites tourism: a travel company analyzes its
customers' behavior and designs personalized packages. No real booking data is public, so
:func:`example_travelers` simulates a small travel agency (模拟数据); :data:`TRAVEL_RULES`
groups travelers by behavior, tried from the top (the first that holds decides), and
:func:`travel_group_table` shows each group's size, behavior, yearly spend and the package
designed for it.

The British spellings ``example_travellers`` and the ``travellers=`` keyword still work as
deprecated aliases (they warn and name the new spelling).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.deprecation import renamed_function, renamed_keywords
from custseg.errors import ParameterError, require_columns

__all__ = [
    "TRAVEL_COLUMNS",
    "TRAVEL_PACKAGES",
    "TRAVEL_RULES",
    "example_travelers",
    "travel_group_table",
    "travel_groups",
]

TRAVEL_COLUMNS = {
    "trips_per_year": "每年出行次数",
    "spend_per_trip": "每次花费（元）",
    "days_booked_ahead": "提前预订天数",
    "family_share": "带孩子出行占比",
}
"""The behavior columns of :func:`example_travelers` and their Chinese names."""

TRAVEL_RULES = (
    ("家庭亲子型", "带孩子出行占比至少 50%", lambda t: t["family_share"] >= 0.5),
    ("高端品质型", "每次花费至少 8,000 元", lambda t: t["spend_per_trip"] >= 8000),
    ("早鸟计划型", "提前 60 天以上预订", lambda t: t["days_booked_ahead"] >= 60),
    ("说走就走型", "提前 7 天以内预订", lambda t: t["days_booked_ahead"] <= 7),
)
"""(group, rule in words, test) tried in order; a traveler matching none is 经典观光型."""

OTHER_GROUP = "经典观光型"

TRAVEL_PACKAGES = {
    "家庭亲子型": "亲子套餐：寒暑假出发、儿童价、亲子酒店和半天自由活动",
    "高端品质型": "高端定制：小团或私家团、精品酒店、专属顾问全程对接",
    "早鸟计划型": "早鸟特惠：提前 90 天锁价、可免费改期一次",
    "说走就走型": "周末短途和尾单特价：出发前 3 天推送、一键下单",
    "经典观光型": "经典线路跟团游：热门城市、性价比、节假日成团",
}
"""The package designed for each group."""


def example_travelers(n: int = 400, *, seed: int = 11) -> pd.DataFrame:
    """A simulated travel agency's customers (模拟数据): one row per traveler.

    Drawn from fixed random distributions (the same table for the same ``seed``): a mix of
    families, well-off travelers, planners, last-minute travelers and sightseers, each
    with noisy behavior, so the rules of :data:`TRAVEL_RULES` sort most, not all, of them
    back into the group they were drawn from.

    Returns
    -------
    pandas.DataFrame
        Index ``traveler_id`` (``"T0001"`` …); columns ``trips_per_year`` (int),
        ``spend_per_trip`` (元, whole), ``days_booked_ahead`` (int), ``family_share`` (0-1).

    Examples
    --------
    >>> travelers = example_travelers()
    >>> len(travelers), travelers.index[0], travelers.index.name
    (400, 'T0001', 'traveler_id')
    >>> bool(travelers["family_share"].between(0, 1).all())
    True
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"n 应为正整数，收到 {n!r} (n must be a positive integer)")
    rng = np.random.default_rng(seed)
    # kind: share, trips (Poisson mean), spend (lognormal median), days ahead (mean), family
    kinds = [
        (0.25, 2.0, 4500, 40, 0.75),
        (0.10, 3.0, 12000, 35, 0.15),
        (0.20, 1.5, 3500, 90, 0.20),
        (0.20, 4.0, 1800, 4, 0.10),
        (0.25, 1.2, 3000, 25, 0.20),
    ]
    kind = rng.choice(len(kinds), size=n, p=[k[0] for k in kinds])
    params = np.array([k[1:] for k in kinds])[kind]
    table = pd.DataFrame(
        {
            "trips_per_year": 1 + rng.poisson(params[:, 0] - 1 + 0.01),
            "spend_per_trip": np.round(params[:, 1] * rng.lognormal(0, 0.35, n), -1),
            "days_booked_ahead": np.maximum(
                0, np.round(params[:, 2] * rng.lognormal(0, 0.4, n))
            ).astype(int),
            "family_share": np.round(np.clip(rng.normal(params[:, 3], 0.15), 0, 1), 2),
        },
        index=pd.Index([f"T{i:04d}" for i in range(1, n + 1)], name="traveler_id"),
    )
    return table


@renamed_keywords(travellers="travelers")
def travel_groups(travelers: pd.DataFrame) -> pd.Series:
    """Each traveler's group by :data:`TRAVEL_RULES`, tried from the top.

    Parameters
    ----------
    travelers : pandas.DataFrame
        One row per traveler with the columns of :data:`TRAVEL_COLUMNS`
        (as :func:`example_travelers` gives).

    Returns
    -------
    pandas.Series
        The group of each traveler (``group``), on the travelers' index.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"trips_per_year": [2, 3], "spend_per_trip": [4000, 9000],
    ...                        "days_booked_ahead": [30, 30], "family_share": [0.8, 0.0]})
    >>> travel_groups(people).tolist()
    ['家庭亲子型', '高端品质型']
    """
    require_columns(travelers, list(TRAVEL_COLUMNS), what="旅客数据 (travelers)")
    groups = pd.Series(OTHER_GROUP, index=travelers.index, name="group", dtype=object)
    decided = pd.Series(False, index=travelers.index)
    for group, _, test in TRAVEL_RULES:
        hits = test(travelers).to_numpy() & ~decided.to_numpy()
        groups[hits] = group
        decided |= hits
    return groups


@renamed_keywords(travellers="travelers")
def travel_group_table(travelers: pd.DataFrame) -> pd.DataFrame:
    """Each group's rule, size, average behavior, yearly spend and package, in Chinese.

    Parameters
    ----------
    travelers : pandas.DataFrame
        One row per traveler with the columns of :data:`TRAVEL_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        Index 客户群 in the rules' order: 分类规则, 人数, 占比（%）, 平均每年出行次数,
        平均每次花费（元）, 平均提前预订天数, 全年消费合计（万元） (trips × spend, summed
        over the group), 建议套餐.

    Examples
    --------
    >>> table = travel_group_table(example_travelers())
    >>> int(table["人数"].sum())
    400
    >>> table.loc["家庭亲子型", "建议套餐"][:4]
    '亲子套餐'
    """
    groups = travel_groups(travelers)
    yearly = travelers["trips_per_year"] * travelers["spend_per_trip"]
    order = [g for g, _, _ in TRAVEL_RULES] + [OTHER_GROUP]
    rules = {g: text for g, text, _ in TRAVEL_RULES} | {OTHER_GROUP: "不满足以上规则"}
    rows = []
    for group in order:
        members = groups == group
        count = int(members.sum())
        rows.append(
            {
                "客户群": group,
                "分类规则": rules[group],
                "人数": count,
                "占比（%）": round(100 * count / len(travelers), 1),
                "平均每年出行次数": round(float(travelers.loc[members, "trips_per_year"].mean()), 1)
                if count
                else 0.0,
                "平均每次花费（元）": round(float(travelers.loc[members, "spend_per_trip"].mean()))
                if count
                else 0,
                "平均提前预订天数": round(float(travelers.loc[members, "days_booked_ahead"].mean()))
                if count
                else 0,
                "全年消费合计（万元）": round(float(yearly[members].sum()) / 10_000, 1),
                "建议套餐": TRAVEL_PACKAGES[group],
            }
        )
    return pd.DataFrame(rows).set_index("客户群")


example_travellers = renamed_function(example_travelers, "example_travellers")
