"""Travellers grouped by how they travel, and a package for each group (the tourism case).

Course material on the segmentation process cites tourism: a travel company analyses its
customers' behaviour and designs personalised packages. No real booking data is public, so
:func:`example_travellers` simulates a small travel agency (模拟数据); :data:`TRAVEL_RULES`
groups travellers by behaviour, tried from the top (the first that holds decides), and
:func:`travel_group_table` shows each group's size, behaviour, yearly spend and the package
designed for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.errors import ParameterError, require_columns

__all__ = [
    "TRAVEL_COLUMNS",
    "TRAVEL_PACKAGES",
    "TRAVEL_RULES",
    "example_travellers",
    "travel_group_table",
    "travel_groups",
]

TRAVEL_COLUMNS = {
    "trips_per_year": "每年出行次数",
    "spend_per_trip": "每次花费（元）",
    "days_booked_ahead": "提前预订天数",
    "family_share": "带孩子出行占比",
}
"""The behaviour columns of :func:`example_travellers` and their Chinese names."""

TRAVEL_RULES = (
    ("家庭亲子型", "带孩子出行占比至少 50%", lambda t: t["family_share"] >= 0.5),
    ("高端品质型", "每次花费至少 8,000 元", lambda t: t["spend_per_trip"] >= 8000),
    ("早鸟计划型", "提前 60 天以上预订", lambda t: t["days_booked_ahead"] >= 60),
    ("说走就走型", "提前 7 天以内预订", lambda t: t["days_booked_ahead"] <= 7),
)
"""(group, rule in words, test) tried in order; a traveller matching none is 经典观光型."""

OTHER_GROUP = "经典观光型"

TRAVEL_PACKAGES = {
    "家庭亲子型": "亲子套餐：寒暑假出发、儿童价、亲子酒店和半天自由活动",
    "高端品质型": "高端定制：小团或私家团、精品酒店、专属顾问全程对接",
    "早鸟计划型": "早鸟特惠：提前 90 天锁价、可免费改期一次",
    "说走就走型": "周末短途和尾单特价：出发前 3 天推送、一键下单",
    "经典观光型": "经典线路跟团游：热门城市、性价比、节假日成团",
}
"""The package designed for each group."""


def example_travellers(n: int = 400, *, seed: int = 11) -> pd.DataFrame:
    """A simulated travel agency's customers (模拟数据): one row per traveller.

    Drawn from fixed random distributions (the same table for the same ``seed``): a mix of
    families, well-off travellers, planners, last-minute travellers and sightseers, each
    with noisy behaviour, so the rules of :data:`TRAVEL_RULES` sort most, not all, of them
    back into the group they were drawn from.

    Returns
    -------
    pandas.DataFrame
        Index ``traveller_id`` (``"T0001"`` …); columns ``trips_per_year`` (int),
        ``spend_per_trip`` (元, whole), ``days_booked_ahead`` (int), ``family_share`` (0-1).

    Examples
    --------
    >>> travellers = example_travellers()
    >>> len(travellers), travellers.index[0]
    (400, 'T0001')
    >>> bool(travellers["family_share"].between(0, 1).all())
    True
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"n 应为正整数，收到 {n!r}")
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
        index=pd.Index([f"T{i:04d}" for i in range(1, n + 1)], name="traveller_id"),
    )
    return table


def travel_groups(travellers: pd.DataFrame) -> pd.Series:
    """Each traveller's group by :data:`TRAVEL_RULES`, tried from the top.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"trips_per_year": [2, 3], "spend_per_trip": [4000, 9000],
    ...                        "days_booked_ahead": [30, 30], "family_share": [0.8, 0.0]})
    >>> travel_groups(people).tolist()
    ['家庭亲子型', '高端品质型']
    """
    require_columns(travellers, list(TRAVEL_COLUMNS), what="旅客数据 (travellers)")
    groups = pd.Series(OTHER_GROUP, index=travellers.index, name="group", dtype=object)
    decided = pd.Series(False, index=travellers.index)
    for group, _, test in TRAVEL_RULES:
        hits = test(travellers).to_numpy() & ~decided.to_numpy()
        groups[hits] = group
        decided |= hits
    return groups


def travel_group_table(travellers: pd.DataFrame) -> pd.DataFrame:
    """Each group's rule, size, average behaviour, yearly spend and package, in Chinese.

    Returns
    -------
    pandas.DataFrame
        Index 客户群 in the rules' order: 分类规则, 人数, 占比（%）, 平均每年出行次数,
        平均每次花费（元）, 平均提前预订天数, 全年消费合计（万元） (trips × spend, summed
        over the group), 建议套餐.

    Examples
    --------
    >>> table = travel_group_table(example_travellers())
    >>> int(table["人数"].sum())
    400
    >>> table.loc["家庭亲子型", "建议套餐"][:4]
    '亲子套餐'
    """
    groups = travel_groups(travellers)
    yearly = travellers["trips_per_year"] * travellers["spend_per_trip"]
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
                "占比（%）": round(100 * count / len(travellers), 1),
                "平均每年出行次数": round(
                    float(travellers.loc[members, "trips_per_year"].mean()), 1
                )
                if count
                else 0.0,
                "平均每次花费（元）": round(float(travellers.loc[members, "spend_per_trip"].mean()))
                if count
                else 0,
                "平均提前预订天数": round(
                    float(travellers.loc[members, "days_booked_ahead"].mean())
                )
                if count
                else 0,
                "全年消费合计（万元）": round(float(yearly[members].sum()) / 10_000, 1),
                "建议套餐": TRAVEL_PACKAGES[group],
            }
        )
    return pd.DataFrame(rows).set_index("客户群")
