"""Psychographic segments (心理): lifestyle read from the spending mix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from custseg.dimensions._plain import _plain
from custseg.errors import DataError, ParameterError, require_columns

# ----------------------------------------------------------------------------- psychographic

IFOOD_SPENDING = {
    "MntWines": "葡萄酒",
    "MntFruits": "水果",
    "MntMeatProducts": "肉类",
    "MntFishProducts": "鱼类",
    "MntSweetProducts": "甜食",
    "MntGoldProds": "黄金饰品",
}
"""Spending columns of the Customer Personality Analysis (iFood) file and their Chinese names."""

IFOOD_CHANNELS = {
    "NumWebPurchases": "网店",
    "NumCatalogPurchases": "目录邮购",
    "NumStorePurchases": "门店",
}
"""Purchase-count columns per channel of the same file and their Chinese names."""


def _row_shares(values: pd.DataFrame) -> pd.DataFrame:
    numbers = values.apply(pd.to_numeric, errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any().any():
        column = bad.any().idxmax()
        row = bad.index[bad[column]][0]
        raise DataError(
            f"列 {column!r} 不是数字 (non-numeric)：索引 {_plain(row)!r}，值 {_plain(values.loc[row, column])!r}"
        )
    negative = numbers < 0
    if negative.any().any():
        column = negative.any().idxmax()
        row = negative.index[negative[column]][0]
        raise DataError(
            f"列 {column!r} 有负数 (negative)：索引 {_plain(row)!r}，值 {_plain(values.loc[row, column])!r}"
        )
    totals = numbers.sum(axis=1)
    return numbers.div(totals.where(totals > 0), axis=0)


def spending_mix(
    frame: pd.DataFrame,
    columns: Sequence[str] | Mapping[str, str],
) -> pd.DataFrame:
    """Each customer's share of spend per category (rows sum to 1): the spending mix.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer, one column of spend per category.
    columns : sequence of str, or mapping
        The spending columns; a mapping also renames them (e.g. :data:`IFOOD_SPENDING`).

    Returns
    -------
    pandas.DataFrame
        Same index; customers who spent nothing get NaN shares.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"MntWines": [80, 0], "MntFruits": [20, 0]})
    >>> spending_mix(spend, {"MntWines": "葡萄酒", "MntFruits": "水果"})
       葡萄酒   水果
    0  0.8  0.2
    1  NaN  NaN
    """
    names = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
    if not names:
        raise ParameterError("至少需要一个消费列 (no spending column given)")
    require_columns(frame, list(names), what="客户数据 (customers)")
    return _row_shares(frame[list(names)]).rename(columns=names)


def dominant_segments(
    values: pd.DataFrame,
    *,
    dominance: float = 0.5,
    suffix: str = "偏好型",
    mixed: str = "均衡型",
) -> pd.Series:
    """Rule-based segments from a mix: the category holding at least ``dominance`` of a row.

    Works for spend per category (lifestyle: 葡萄酒偏好型 / 均衡型) and for purchases per
    channel (``suffix="为主", mixed="多渠道"``: 门店为主 / 多渠道). Rows are turned into
    shares first, so amounts or counts can be passed as they are.

    Parameters
    ----------
    values : pandas.DataFrame
        One row per customer, one non-negative column per category.
    dominance : float, default 0.5
        The share the largest category must reach, in (0, 1].
    suffix : str, default "偏好型"
        Added to the category name.
    mixed : str, default "均衡型"
        The label when no category reaches ``dominance``.

    Returns
    -------
    pandas.Series
        Named ``segment``; rows with nothing at all read ``"无记录"``.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"葡萄酒": [80, 30, 0], "肉类": [20, 40, 0], "水果": [0, 30, 0]})
    >>> dominant_segments(spend).tolist()
    ['葡萄酒偏好型', '均衡型', '无记录']
    """
    if not 0 < dominance <= 1:
        raise ParameterError(f"dominance 须在 (0, 1] 之间：收到 {dominance!r} (must be in (0, 1])")
    if values.shape[1] == 0:
        raise ParameterError("至少需要一个类别列 (no column given)")
    shares = _row_shares(values)
    empty = shares.isna().all(axis=1)
    top = shares.fillna(-1).to_numpy().argmax(axis=1)
    largest = shares.fillna(-1).to_numpy().max(axis=1)
    names = np.array([f"{column}{suffix}" for column in shares.columns], dtype=object)
    # shares passed in again sum to 1 only up to rounding: 0.5 must still reach 0.5
    labels = np.where(largest >= dominance - 1e-9, names[top], mixed)
    labels = np.where(empty.to_numpy(), "无记录", labels)
    return pd.Series(labels, index=values.index, name="segment")


def cluster_mix(
    mix: pd.DataFrame, n_clusters: int = 4, *, standout: float = 1.2, random_state: int = 0
) -> pd.Series:
    """Lifestyle segments by k-means on the spending mix, named by their stand-out categories.

    Rows are turned into shares (as in :func:`spending_mix`) and clustered with
    :class:`sklearn.cluster.KMeans` (``n_init=10``). For each cluster, the index of a
    category is its mean share in the cluster divided by its mean share over all
    customers. The cluster is named after the (at most two) categories with an index of
    at least ``standout``, highest first (``"鱼类、水果偏好型"``), or ``"均衡型"`` when no
    category stands out; a name used twice gets a number.

    Parameters
    ----------
    mix : pandas.DataFrame
        One row per customer, spend per category (amounts or shares).
    n_clusters : int, default 4
    standout : float, default 1.2
        The index (1 = average) a category needs to name a cluster.
    random_state : int, default 0

    Returns
    -------
    pandas.Series
        Ordered categorical named ``segment``, largest cluster first; NaN for customers
        with no spend.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"葡萄酒": [90, 80, 85, 10, 5], "肉类": [10, 20, 15, 90, 95]})
    >>> cluster_mix(spend, 2).tolist()
    ['葡萄酒偏好型', '葡萄酒偏好型', '葡萄酒偏好型', '肉类偏好型', '肉类偏好型']
    """
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    if not standout > 0:
        raise ParameterError(f"standout 须为正数：收到 {standout!r} (must be positive)")
    shares = _row_shares(mix)
    usable = shares.dropna()
    if not isinstance(n_clusters, int | np.integer) or not 2 <= n_clusters <= len(usable):
        raise ParameterError(
            f"n_clusters 须为 2 到 {len(usable)}（有消费的客户数）之间的整数：收到 {n_clusters!r} (invalid n_clusters)"
        )
    model = KMeans(n_clusters=int(n_clusters), n_init=10, random_state=random_state)
    # one thread: on a few thousand rows, starting OpenMP threads costs more than it saves
    with threadpool_limits(limits=1, user_api="openmp"):
        raw = pd.Series(model.fit_predict(usable.to_numpy()), index=usable.index)
    sizes = raw.value_counts(sort=False)
    order = sorted(sizes.index, key=lambda c: (-sizes[c], c))
    index = usable.groupby(raw).mean().div(usable.mean())
    names: dict[int, str] = {}
    used: dict[str, int] = {}
    for cluster in order:
        stand_out = index.loc[cluster]
        stand_out = stand_out[stand_out >= standout].sort_values(ascending=False, kind="stable")
        base = "、".join(stand_out.index[:2].astype(str)) + "偏好型" if len(stand_out) else "均衡型"
        used[base] = used.get(base, 0) + 1
        names[cluster] = base if used[base] == 1 else f"{base}{used[base]}"
    labels = raw.map(names).reindex(shares.index)
    categories = [names[c] for c in order]
    return pd.Series(
        pd.Categorical(labels, categories=categories, ordered=True),
        index=shares.index,
        name="segment",
    )
