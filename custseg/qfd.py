"""QFD (质量功能展开) with a small House of Quality (质量屋): customer needs → product requirements.

Quality function deployment turns what customers say they need into what the product must
do. Its House of Quality is a matrix: rows are customer needs with their importance (here
the 1-5 survey answers of a customer segment), columns are product requirements, and each
cell says how strongly meeting the requirement serves the need: 9 strong (◎), 3 medium
(○), 1 weak (△), 0 none. A requirement's **weighted score** is the sum over needs of
importance × strength; the requirements with the highest scores are where development
effort serves this segment most.

:data:`NEEDS` links the survey of :func:`custseg.datasets.load_cn_customers` to the needs,
:data:`RELATIONS` is the matrix of a snack maker (the simulated 禾悦食品), written by the
course as an example. :func:`relation_table` shows it, :func:`house_of_quality` scores the
requirements for any importances, :func:`segment_needs` gives the importances of each
survey cluster and :func:`segment_house_of_quality` does both in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from custseg.errors import DataError

__all__ = [
    "NEEDS",
    "RELATIONS",
    "REQUIREMENTS",
    "house_of_quality",
    "relation_table",
    "segment_house_of_quality",
    "segment_needs",
]

NEEDS = {
    "price_sensitivity": "价格实惠",
    "health_focus": "健康少糖",
    "brand_loyalty": "品牌可信",
    "novelty_seeking": "口味新鲜",
    "convenience": "方便携带",
}
"""Survey column → the customer need it measures (its answer is the need's importance)."""

REQUIREMENTS = ("单包成本低", "含糖量低", "新口味上市快", "独立小包装", "质量可追溯")
"""The product requirements (columns of the House of Quality)."""

RELATIONS = pd.DataFrame(
    [
        [9, 1, 0, 1, 1],
        [0, 9, 1, 1, 3],
        [0, 3, 0, 1, 9],
        [1, 1, 9, 1, 0],
        [0, 0, 0, 9, 0],
    ],
    index=pd.Index(list(NEEDS.values()), name="客户需求"),
    columns=pd.Index(list(REQUIREMENTS), name="产品要求"),
)
"""How strongly each requirement (column) serves each need (row): 9, 3, 1 or 0."""

_SYMBOLS = {9: "◎ 9", 3: "○ 3", 1: "△ 1", 0: ""}


def _check_relations(relations: pd.DataFrame) -> pd.DataFrame:
    values = relations.to_numpy()
    if not pd.api.types.is_numeric_dtype(relations.to_numpy().dtype) or (values < 0).any():
        raise DataError("关系矩阵 (relations) 只能是不小于 0 的数字（通常是 9、3、1、0）")
    return relations


def relation_table(relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """The House of Quality's relation matrix with its symbols: ◎ 9, ○ 3, △ 1, empty for 0.

    Examples
    --------
    >>> relation_table().loc["健康少糖", "含糖量低"]
    '◎ 9'
    """
    table = _check_relations(RELATIONS if relations is None else relations)
    return table.map(lambda v: _SYMBOLS.get(int(v), str(v)) if float(v).is_integer() else str(v))


def house_of_quality(
    importance: Mapping[str, float] | pd.Series, *, relations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Weighted score of every product requirement for the given importance of each need.

    Parameters
    ----------
    importance : mapping or pandas.Series
        Need → importance (e.g. 1-5), for every need of the matrix (its row names).
    relations : pandas.DataFrame, optional
        Needs (rows) × requirements (columns), strengths 9 / 3 / 1 / 0; default
        :data:`RELATIONS`.

    Returns
    -------
    pandas.DataFrame
        Index 产品要求, highest score first: 加权得分 (Σ importance × strength, 1 decimal),
        占比（%） (the score's share of all scores), 排名 (1 = develop first).

    Examples
    --------
    >>> needs = {"价格实惠": 4, "健康少糖": 5, "品牌可信": 3, "口味新鲜": 2, "方便携带": 2}
    >>> house_of_quality(needs)
            加权得分  占比（%）  排名
    产品要求
    含糖量低    60.0   30.2   1
    质量可追溯   46.0   23.1   2
    单包成本低   38.0   19.1   3
    独立小包装   32.0   16.1   4
    新口味上市快  23.0   11.6   5
    """
    matrix = _check_relations(RELATIONS if relations is None else relations)
    weights = pd.Series(dict(importance), dtype="float64")
    missing = [need for need in matrix.index if need not in weights.index]
    unknown = [need for need in weights.index if need not in matrix.index]
    if missing or unknown:
        raise DataError(
            f"客户需求对不上：缺少 {missing}，多出 {unknown}；需求应为 {list(matrix.index)}"
        )
    if weights.isna().any() or (weights < 0).any():
        raise DataError(f"需求的重要度应为不小于 0 的数字，收到 {weights.to_dict()}")
    scores = matrix.T.dot(weights.reindex(matrix.index)).astype(float)
    total = float(scores.sum())
    table = pd.DataFrame(
        {
            "加权得分": scores.round(1),
            "占比（%）": (100 * scores / total).round(1) if total else 0.0,
        }
    )
    table = table.sort_values("加权得分", ascending=False, kind="stable")
    table["排名"] = range(1, len(table) + 1)
    table.index.name = "产品要求"
    return table


def segment_needs(customers: pd.DataFrame, *, k: int = 4) -> pd.DataFrame:
    """The importance of each need in each survey cluster: its mean answer, 1 decimal.

    The clusters are those of :func:`custseg.cluster_tables.cluster_profile_table` on the
    survey columns (module 07), with the same numbers and names.

    Returns
    -------
    pandas.DataFrame
        Index 簇 (cluster numbers, then 全体); columns 名称 and one per need.
    """
    from custseg.cluster_tables import SURVEY_COLUMNS, cluster_profile_table
    from custseg.clustering import feature_name

    profiles = cluster_profile_table(customers, columns=SURVEY_COLUMNS, k=k)
    renamed = {f"平均{feature_name(column)}": need for column, need in NEEDS.items()}
    return profiles[["名称", *renamed]].rename(columns=renamed)


def segment_house_of_quality(
    customers: pd.DataFrame, *, cluster: Any, k: int = 4, relations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The House of Quality of one survey cluster: its mean answers weight the needs.

    Parameters
    ----------
    customers : pandas.DataFrame
        With the survey columns of :data:`NEEDS`, e.g. :func:`custseg.datasets.load_cn_customers`.
    cluster : int or str
        The cluster number of :func:`segment_needs` (or ``"全体"`` for all customers).
    k : int, default 4
        Number of survey clusters.

    Returns
    -------
    pandas.DataFrame
        As :func:`house_of_quality`.
    """
    needs = segment_needs(customers, k=k)
    key = int(cluster) if isinstance(cluster, str) and cluster.strip().isdigit() else cluster
    if key not in needs.index:
        raise DataError(f"没有第 {cluster!r} 簇：可选 {list(needs.index)}")
    return house_of_quality(needs.loc[key, list(NEEDS.values())].astype(float), relations=relations)
