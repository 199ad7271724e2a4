"""Clustering in one line: readable Chinese tables for choosing k and for cluster profiles.

The functions here wrap :mod:`custseg.clustering` for a reader who never programs: each
takes the customer table and a few named settings and returns a table with Chinese
headers, rounded numbers and shares in per cent (``占比（%）``), e.g.::

    k_choice_table(rfm, k_from=2, k_to=8)
    cluster_profile_table(rfm, k=4)
    cluster_profile_table(customers, k=4, features=SURVEY_COLUMNS)
    mixed_profile_table(data=clients, k=3, numeric=["age", "balance"], categorical=["job"])

The clusters are those of :class:`~custseg.clustering.CustomerClusterer` and
:class:`~custseg.clustering.MixedClusterer` with a fixed seed, named by
:func:`~custseg.clustering.cluster_profiles`, so every call gives the same clusters and
:func:`cluster_customers` gives the cluster of each customer that the tables describe.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pandas as pd

from custseg.clustering import (
    CustomerClusterer,
    MixedClusterer,
    choose_k,
    cluster_profiles,
    feature_name,
)
from custseg.deprecation import warn_renamed
from custseg.dimensions import BANK_LABELS, label_values
from custseg.errors import ParameterError, require_columns
from custseg.frames import to_pandas

__all__ = [
    "SURVEY_COLUMNS",
    "TOTAL_ROW",
    "cluster_customers",
    "cluster_profile_table",
    "k_choice_table",
    "mixed_profile_table",
    "readable_profiles",
]

SURVEY_COLUMNS = (
    "price_sensitivity",
    "health_focus",
    "brand_loyalty",
    "novelty_seeking",
    "convenience",
)
"""The 1-5 survey answers of :func:`custseg.datasets.load_cn_customers` (psychographics)."""

INERTIA_HEADER = "簇内平方和（到所属中心距离的平方之和）"
SILHOUETTE_HEADER = "轮廓系数"
SUGGESTED_HEADER = "轮廓系数最高"
TOTAL_ROW = "全体"
"""Index of the last row of the profile tables: all customers, to compare each cluster with."""


F = TypeVar("F", bound=Callable[..., Any])


def _old_keywords(function: F) -> F:
    """Accept the old spellings, with a warning: the table as ``features=``, the columns as
    ``columns=``.

    ``features=`` now names the columns to cluster on, as in
    :class:`~custseg.clustering.CustomerClusterer`; the table is the first argument, ``data``.
    A call without ``data`` that gives ``features=`` is an old call giving the table.
    """

    @functools.wraps(function)
    def accepting_old_keywords(*args: Any, **kwargs: Any) -> Any:
        if not args and "data" not in kwargs and "features" in kwargs:
            warn_renamed("features=", "data=")
            kwargs["data"] = kwargs.pop("features")
        if "columns" in kwargs:
            if "features" in kwargs:
                raise ParameterError(
                    "columns= 已改名为 features=，只能给一个：请只写 features= (both given)"
                )
            warn_renamed("columns=", "features=")
            kwargs["features"] = kwargs.pop("columns")
        return function(*args, **kwargs)

    return accepting_old_keywords  # type: ignore[return-value]


def _frame(data: Any, features: str | Sequence[str] | None) -> pd.DataFrame:
    frame = data if isinstance(data, pd.DataFrame) else to_pandas(data)
    if features is None:
        return frame
    chosen = [features] if isinstance(features, str) else list(features)
    require_columns(frame, chosen, what="客户表 (data)")
    return frame[chosen]


def _check_k(k: Any, n_rows: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise ParameterError(f"k 应为不小于 2 的整数 (integer k >= 2)，收到 {k!r}")
    if k >= n_rows:
        raise ParameterError(
            f"k={k} 不少于客户数 {n_rows}：请减小 k (k must be below the number of customers)"
        )
    return k


@_old_keywords
def k_choice_table(
    data: Any, *, k_from: int = 2, k_to: int = 8, features: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """For each number of clusters k: the within-cluster sum of squares and the silhouette.

    The sum of squares (簇内平方和, inertia) adds up the **squared** distance of every
    customer to the centre of its cluster, in the log-scaled, standardised units k-means
    works in; it always falls as k grows, so look for the "elbow" where it stops falling
    fast. The silhouette (轮廓系数, -1 to 1) is higher when customers sit close to their own
    cluster and far from the others.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, numeric columns (e.g. :func:`custseg.rfm.rfm_table`).
        Given as ``features=`` before (still works, with a :class:`DeprecationWarning`).
    k_from, k_to : int, default 2 and 8
        The smallest and the largest k tried (both included).
    features : list of str, optional
        The columns to cluster on (as in :class:`~custseg.clustering.CustomerClusterer`);
        all columns by default. ``columns=`` is its old, deprecated name.

    Returns
    -------
    pandas.DataFrame
        Index ``簇数 k``; columns 簇内平方和 (1 decimal), 轮廓系数 (3 decimals) and
        轮廓系数最高 (“是” on the best k, else empty).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 3, 200, 250, 230, 90, 100, 80],
    ...                     "frequency": [12, 9, 15, 1, 2, 1, 4, 5, 4],
    ...                     "monetary": [900.0, 700, 1200, 40, 80, 35, 300, 320, 280]})
    >>> table = k_choice_table(rfm, k_from=2, k_to=4)
    >>> table.index.name, list(table.columns)[1:]
    ('簇数 k', ['轮廓系数', '轮廓系数最高'])
    >>> table[SUGGESTED_HEADER].tolist()
    ['', '是', '']
    """
    frame = _frame(data, features)
    if isinstance(k_from, bool) or isinstance(k_to, bool) or k_from > k_to:
        raise ParameterError(
            f"k_from ({k_from!r}) 应不大于 k_to ({k_to!r}) (k_from must be <= k_to)"
        )
    table = choose_k(frame, k_range=range(k_from, k_to + 1))
    out = pd.DataFrame(
        {
            INERTIA_HEADER: table["inertia"].round(1),
            SILHOUETTE_HEADER: table["silhouette"].round(3),
            SUGGESTED_HEADER: ["是" if s else "" for s in table["suggested"]],
        },
        index=pd.Index(table.index, name="簇数 k"),
    )
    return out


@_old_keywords
def cluster_customers(
    data: Any,
    *,
    k: int = 4,
    features: str | Sequence[str] | None = None,
    random_state: int = 0,
) -> pd.Series:
    """The cluster number of every customer, with k-means on log-scaled, standardised features.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, numeric columns. Given as ``features=`` before (still works,
        with a :class:`DeprecationWarning`).
    k : int, default 4
        Number of clusters.
    features : list of str, optional
        The columns to cluster on (as in :class:`~custseg.clustering.CustomerClusterer`);
        all columns by default. ``columns=`` is its old, deprecated name.
    random_state : int, default 0
        Seed, so everyone gets the same clusters.

    Returns
    -------
    pandas.Series
        On the table's index, named ``cluster``.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> cluster_customers(rfm, k=2).nunique()
    2
    """
    frame = _frame(data, features)
    _check_k(k, len(frame))
    return CustomerClusterer(n_clusters=k, random_state=random_state).fit(frame).labels_


def readable_profiles(profiles: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster in Chinese, then a row 全体 with the overall figures.

    Parameters
    ----------
    profiles : pandas.DataFrame
        From :func:`custseg.clustering.cluster_profiles` on ``frame``.
    frame : pandas.DataFrame
        The customers that were clustered (one row per customer).

    Returns
    -------
    pandas.DataFrame
        Index ``簇``: 名称, 客户数, 占比（%）, then 平均<feature> for each numeric feature,
        最常见<feature> and <feature>占该类（%） for each category; the last row (index
        ``全体``) gives the same over all customers.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.clustering import cluster_profiles
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> readable_profiles(cluster_profiles(rfm, [0, 0, 1, 1]), rfm)[["名称", "客户数", "平均消费金额"]]
                名称  客户数  平均消费金额
    簇
    0      高价值活跃客户    2   800.0
    1     已流失低价值客户    2    60.0
    全体  （对照）全体客户    4   430.0
    """
    out = pd.DataFrame(
        {
            "名称": profiles["name"],
            "客户数": profiles["size"].astype(int),
            "占比（%）": (100 * profiles["share"]).round(1),
        }
    )
    overall: dict[str, object] = {
        "名称": "（对照）全体客户",
        "客户数": len(frame),
        "占比（%）": 100.0,
    }
    for column in frame.columns:
        name = feature_name(column)
        if f"{column}_mean" in profiles.columns:
            out[f"平均{name}"] = profiles[f"{column}_mean"].round(1)
            overall[f"平均{name}"] = round(float(frame[column].mean()), 1)
        elif f"{column}_mode" in profiles.columns:
            out[f"最常见{name}"] = profiles[f"{column}_mode"]
            out[f"{name}占该类（%）"] = (100 * profiles[f"{column}_mode_share"]).round(1)
            mode = frame[column].value_counts().idxmax()
            overall[f"最常见{name}"] = mode
            overall[f"{name}占该类（%）"] = round(100 * float((frame[column] == mode).mean()), 1)
    out.index = [int(label) if hasattr(label, "__index__") else label for label in out.index]
    out.loc[TOTAL_ROW] = pd.Series(overall)
    out["客户数"] = out["客户数"].astype(int)
    out.index.name = "簇"
    return out


@_old_keywords
def cluster_profile_table(
    data: Any,
    *,
    k: int = 4,
    features: str | Sequence[str] | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Cluster the customers into k groups and describe each group in a Chinese table.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, numeric columns (e.g. the RFM table, or the survey answers of
        :func:`custseg.datasets.load_cn_customers` with ``features=SURVEY_COLUMNS``).
        Given as ``features=`` before (still works, with a :class:`DeprecationWarning`).
    k : int, default 4
        Number of clusters.
    features : list of str, optional
        The columns to cluster on (as in :class:`~custseg.clustering.CustomerClusterer`);
        all columns by default. ``columns=`` is its old, deprecated name.
    random_state : int, default 0
        Seed, so everyone gets the same clusters.

    Returns
    -------
    pandas.DataFrame
        One row per cluster (index ``簇``): 名称 (by the rule of
        :func:`custseg.clustering.cluster_profiles`), 客户数, 占比（%）, then the mean of
        each feature, e.g. 平均购买次数 (1 decimal); the last row (index ``全体``) gives the
        same figures over all customers, to compare with.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> table = cluster_profile_table(rfm, k=2)
    >>> table[["名称", "客户数", "占比（%）", "平均消费金额"]].sort_values("平均消费金额")
                名称  客户数  占比（%）  平均消费金额
    簇
    ...     已流失低价值客户    2   50.0    60.0
    全体  （对照）全体客户    4  100.0   430.0
    ...      高价值活跃客户    2   50.0   800.0
    """
    frame = _frame(data, features)
    labels = cluster_customers(frame, k=k, random_state=random_state)
    return readable_profiles(cluster_profiles(frame, labels), frame)


def mixed_profile_table(
    data: Any,
    *,
    k: int = 3,
    numeric: Sequence[str],
    categorical: Sequence[str],
    random_state: int = 0,
) -> pd.DataFrame:
    """Cluster numbers and categories together (k-prototypes) and describe each cluster.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer.
    k : int, default 3
        Number of clusters.
    numeric, categorical : list of str
        The numeric columns (e.g. age, balance) and the category columns (e.g. job).
    random_state : int, default 0
        Seed, so everyone gets the same clusters.

    Returns
    -------
    pandas.DataFrame
        One row per cluster (index ``簇``): 名称, 客户数, 占比（%）, the mean of each
        numeric column, the most common value of each category column (Chinese labels
        for the bank's jobs, marital status and education) and its share in the cluster
        (%); the last row (index ``全体``) gives the same over all customers.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({
    ...     "age": [25, 27, 26, 61, 64, 66],
    ...     "balance": [300.0, 250.0, 400.0, 9000.0, 12000.0, 8000.0],
    ...     "marital": ["single", "single", "single", "married", "married", "divorced"]})
    >>> table = mixed_profile_table(people, k=2, numeric=["age", "balance"],
    ...                             categorical=["marital"])
    >>> table.sort_values("平均年龄")[["平均年龄", "最常见婚姻状况"]].to_numpy().tolist()
    [[26.0, '单身'], [44.8, '单身'], [63.7, '已婚']]
    """
    numbers = [numeric] if isinstance(numeric, str) else list(numeric)
    categories = [categorical] if isinstance(categorical, str) else list(categorical)
    frame = label_values(_frame(data, numbers + categories), BANK_LABELS)
    _check_k(k, len(frame))
    model = MixedClusterer(n_clusters=k, categorical=categories, random_state=random_state)
    labels = model.fit(frame).labels_
    return readable_profiles(cluster_profiles(frame, labels), frame)
