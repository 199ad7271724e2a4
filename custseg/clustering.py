"""Cluster customers: k-means on RFM (or any numeric features), k-prototypes on mixed data.

:class:`CustomerClusterer` is a scikit-learn style estimator around a
:class:`~sklearn.pipeline.Pipeline`: ``log1p`` on skewed non-negative features, then
:class:`~sklearn.preprocessing.StandardScaler`, then :class:`~sklearn.cluster.KMeans`.
RFM features are heavily right-skewed (a few customers spend a hundred times the
median), and k-means on raw values would put those few in clusters of their own; the
log and the scaling give each feature a comparable say in the distance.

:func:`choose_k` tabulates the elbow (inertia) and the silhouette for a range of k,
:func:`cluster_profiles` turns labels into a table a marketer can read, with a Chinese
name per cluster (see :data:`RFM_SEGMENT_NAMES` for the naming rule), and
:class:`MixedClusterer` clusters numeric and categorical columns together with
k-prototypes (Huang 1997, 1998) from the ``kmodes`` package.

Inputs are pandas DataFrames (polars and DuckDB frames are converted); they are never
modified. Labels come back as a pandas Series on the input's index, named ``cluster``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
from kmodes.kprototypes import KPrototypes
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.utils._param_validation import Interval

from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import check_fitted, validate_parameters
from custseg.frames import to_pandas

__all__ = [
    "FEATURE_LABELS",
    "FEATURE_NAMES",
    "RFM_SEGMENT_NAMES",
    "SKEW_THRESHOLD",
    "CustomerClusterer",
    "MixedClusterer",
    "choose_k",
    "cluster_profiles",
    "feature_name",
]

#: A non-negative feature whose sample skewness exceeds this gets ``log1p`` when
#: ``log_transform=True``.
SKEW_THRESHOLD = 1.0

#: Cluster names from the RFM means of a cluster compared with the overall means.
#: Key: (recency below the overall mean, i.e. bought more recently;
#: frequency above the overall mean; monetary above the overall mean).
RFM_SEGMENT_NAMES: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): "高价值活跃客户",
    (True, True, False): "高频活跃客户",
    (True, False, True): "高消费潜力客户",
    (True, False, False): "新近低频客户",
    (False, True, True): "流失风险高价值客户",
    (False, True, False): "流失风险客户",
    (False, False, True): "沉睡大额客户",
    (False, False, False): "已流失低价值客户",
}

_RFM = ("recency", "frequency", "monetary")


def _log1p_columns(values: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """``log1p`` of the chosen columns of a 2-D array; the other columns unchanged."""
    out = np.array(values, dtype="float64", copy=True)
    out[:, list(columns)] = np.log1p(out[:, list(columns)])
    return out


def _expm1_columns(values: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """Inverse of :func:`_log1p_columns`."""
    out = np.array(values, dtype="float64", copy=True)
    out[:, list(columns)] = np.expm1(out[:, list(columns)])
    return out


def _row(label: Any) -> str:
    """A row label as a learner would type it: 12357, not np.int64(12357)."""
    return repr(label.item() if isinstance(label, np.generic) else label)


def _as_frame(data: Any) -> pd.DataFrame:
    """pandas stays as it is (never modified); polars / DuckDB frames are converted."""
    if isinstance(data, pd.DataFrame):
        return data
    return to_pandas(data)


def _select(data: Any, features: str | Iterable[str] | None) -> pd.DataFrame:
    """The feature columns of ``data`` (all columns when ``features`` is None)."""
    frame = _as_frame(data)
    if features is None:
        columns = list(frame.columns)
    elif isinstance(features, str):
        columns = [features]
    else:
        columns = list(features)
    if not columns:
        raise ParameterError("没有可用的特征列 (no feature columns): 请检查 features=")
    require_columns(frame, columns, what="特征表 (features)")
    if frame.empty:
        raise DataError("特征表为空 (no rows): 没有可聚类的客户")
    return frame[columns]


def _check_numeric(frame: pd.DataFrame, columns: Iterable[str], hint: str) -> None:
    """Every column numeric and finite, or a DataError naming the column and a row."""
    for column in columns:
        series = frame[column]
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            raise DataError(f"列 {column!r} 不是数值 (not numeric, dtype {series.dtype})。{hint}")
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        bad = ~np.isfinite(values)
        if bad.any():
            row = series.index[int(np.argmax(bad))]
            kind = "缺失值 (missing value, NaN)" if np.isnan(values[bad][0]) else "无穷大 (inf)"
            raise DataError(
                f"列 {column!r} 在行 {_row(row)} 有{kind}，共 {int(bad.sum())} 行。"
                "请先删除或填补 (drop or fill) 这些行"
            )


def _check_complete(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    """No missing values in the (categorical) columns, or a DataError naming one."""
    for column in columns:
        missing = frame[column].isna().to_numpy()
        if missing.any():
            row = frame.index[int(np.argmax(missing))]
            raise DataError(
                f"列 {column!r} 在行 {_row(row)} 有缺失值 (missing value)，共 {int(missing.sum())} 行。"
                "请先删除或填补 (drop or fill) 这些行"
            )


def _check_n_clusters(n_clusters: int, n_rows: int) -> None:
    """No more clusters than rows (the constraints have already checked the type)."""
    if n_clusters > n_rows:
        raise ParameterError(
            f"n_clusters={n_clusters} 多于客户数 (more than the {n_rows} rows): 请减少类别数"
        )


def _log_columns(frame: pd.DataFrame, log_transform: bool | Iterable[str]) -> list[str]:
    """Which features get ``log1p``: the rule for True, a checked list otherwise."""
    if log_transform is True:
        return [
            c for c in frame.columns if frame[c].min() >= 0 and frame[c].skew() > SKEW_THRESHOLD
        ]
    if log_transform is False or log_transform is None:
        return []
    chosen = [log_transform] if isinstance(log_transform, str) else list(log_transform)
    require_columns(frame, chosen, what="log_transform 指定的列 (columns to log)")
    for column in chosen:
        negative = (frame[column] < 0).to_numpy()
        if negative.any():
            position = int(np.argmax(negative))
            row, value = frame.index[position], frame[column].iloc[position]
            raise DataError(
                f"列 {column!r} 在行 {_row(row)} 为负数 ({_row(value)})，"
                "不能取对数 (log1p needs non-negative values)"
            )
    return chosen


def _mode(values: pd.Series) -> Any:
    """Most frequent value; ties go to the smallest value, so the result is reproducible."""
    counts = values.value_counts()
    return min(counts.index[counts == counts.max()])


def _aligned_labels(frame: pd.DataFrame, labels: Any) -> pd.Series:
    """Labels as a Series on ``frame``'s index (a Series is aligned by index)."""
    if isinstance(labels, pd.Series):
        if len(labels) != len(frame) or not labels.index.equals(frame.index):
            if len(labels) == len(frame) and labels.index.sort_values().equals(
                frame.index.sort_values()
            ):
                labels = labels.reindex(frame.index)
            else:
                raise DataError(
                    "labels 的索引与特征表不一致 (labels index does not match the features): "
                    f"{len(labels)} 个标签, {len(frame)} 行"
                )
        out = labels.rename("cluster")
    else:
        values = np.asarray(labels)
        if values.ndim != 1 or len(values) != len(frame):
            raise DataError(
                f"labels 的长度 ({len(values)}) 与特征表行数 ({len(frame)}) 不一致 (length mismatch)"
            )
        out = pd.Series(values, index=frame.index, name="cluster")
    if out.isna().any():
        row = out.index[int(np.argmax(out.isna().to_numpy()))]
        raise DataError(f"labels 在行 {_row(row)} 有缺失值 (missing label)")
    return out


class CustomerClusterer(ClusterMixin, BaseEstimator):
    """k-means segmentation of customers on RFM or any numeric features.

    A :class:`~sklearn.pipeline.Pipeline` of ``log1p`` (on skewed non-negative
    features), :class:`~sklearn.preprocessing.StandardScaler` and
    :class:`~sklearn.cluster.KMeans` (``n_init=10``).

    Parameters
    ----------
    n_clusters : int, default 4
        Number of clusters (k).
    log_transform : bool or list of str, default True
        True: apply ``log1p`` to every feature that is non-negative with a sample
        skewness above :data:`SKEW_THRESHOLD`; a list: to exactly those columns
        (they must be non-negative); False: no log.
    random_state : int, RandomState or None, default 0
        Seed of k-means, for reproducible labels.
    features : list of str, optional
        The columns to cluster on; all columns by default (they must all be numeric).

    Attributes
    ----------
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted pipeline (steps ``log``, ``scale``, ``kmeans``).
    feature_names_in_ : numpy.ndarray
        The feature columns used.
    log_features_ : list of str
        The features that went through ``log1p``.
    labels_ : pandas.Series
        Cluster of each row of the training data, on its index, named ``cluster``.
    cluster_centers_ : pandas.DataFrame
        One row per cluster: the mean of each feature over the cluster's rows, in
        the input's own units (the k-means centres in the transformed space are
        ``pipeline_["kmeans"].cluster_centers_``).
    inertia_ : float
        Sum of squared distances to the nearest centre, in the transformed space.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame(
    ...     {"recency": [5, 8, 3, 200, 250, 230], "frequency": [12, 9, 15, 1, 2, 1],
    ...      "monetary": [900.0, 700.0, 1200.0, 40.0, 80.0, 35.0]},
    ...     index=pd.Index([101, 102, 103, 104, 105, 106], name="customer_id"))
    >>> model = CustomerClusterer(n_clusters=2).fit(rfm)
    >>> model.labels_.groupby(model.labels_).size().tolist()
    [3, 3]
    >>> model.cluster_centers_.round(1).sort_values("recency")
             recency  frequency  monetary
    cluster
    ...          5.3       12.0     933.3
    ...        226.7        1.3      51.7
    """

    _parameter_constraints: dict = {
        "n_clusters": [Interval(Integral, 1, None, closed="left")],
        "log_transform": ["boolean", str, "array-like", None],
        "random_state": ["random_state"],
        "features": [str, "array-like", None],
    }

    def __init__(
        self,
        n_clusters: int = 4,
        *,
        log_transform: bool | Iterable[str] = True,
        random_state: Any = 0,
        features: Iterable[str] | None = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.log_transform = log_transform
        self.random_state = random_state
        self.features = features

    def _features(self, X: Any, features: Iterable[str] | None) -> pd.DataFrame:
        frame = _select(X, features)
        _check_numeric(frame, frame.columns, "聚类只用数值特征：请用 features= 选择数值列")
        return frame

    def fit(self, X: Any, y: None = None) -> CustomerClusterer:
        """Fit the pipeline on the feature table ``X`` (one row per customer).

        Parameters
        ----------
        X : pandas.DataFrame
            Numeric features, e.g. the RFM table; not modified.
        y : None
            Ignored.

        Returns
        -------
        CustomerClusterer
            ``self``, fitted.

        Raises
        ------
        DataError
            Missing or non-numeric feature, NaN or inf (naming the column and a row),
            negative values in a column to log.
        ParameterError
            A parameter outside its allowed values (e.g. ``n_clusters`` not a positive
            integer), or ``n_clusters`` more than the rows.
        """
        validate_parameters(self)
        frame = self._features(X, self.features)
        _check_n_clusters(self.n_clusters, len(frame))
        log_features = _log_columns(frame, self.log_transform)
        positions = [frame.columns.get_loc(c) for c in log_features]
        pipeline = Pipeline(
            [
                (
                    "log",
                    FunctionTransformer(
                        _log1p_columns,
                        inverse_func=_expm1_columns,
                        kw_args={"columns": positions},
                        inv_kw_args={"columns": positions},
                    ),
                ),
                ("scale", StandardScaler()),
                (
                    "kmeans",
                    KMeans(n_clusters=self.n_clusters, n_init=10, random_state=self.random_state),
                ),
            ]
        )
        labels = pipeline.fit_predict(frame.to_numpy(dtype="float64"))
        self.pipeline_ = pipeline
        self.feature_names_in_ = np.asarray(frame.columns, dtype=object)
        self.log_features_ = log_features
        self.labels_ = pd.Series(labels, index=frame.index, name="cluster")
        self.cluster_centers_ = frame.groupby(self.labels_).mean().rename_axis("cluster")
        self.inertia_ = float(pipeline["kmeans"].inertia_)
        return self

    def transform_features(self, X: Any) -> np.ndarray:
        """The features after ``log1p`` and scaling: the space k-means works in.

        Parameters
        ----------
        X : pandas.DataFrame
            With the columns seen in :meth:`fit`.

        Returns
        -------
        numpy.ndarray
            Shape (rows, features).
        """
        check_fitted(self)
        frame = self._features(X, list(self.feature_names_in_))
        _log_columns(frame, self.log_features_)
        return self.pipeline_[:-1].transform(frame.to_numpy(dtype="float64"))

    def predict(self, X: Any) -> pd.Series:
        """The nearest cluster of each row of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            With the columns seen in :meth:`fit`; not modified.

        Returns
        -------
        pandas.Series
            Cluster labels on ``X``'s index, named ``cluster``.
        """
        check_fitted(self)
        frame = self._features(X, list(self.feature_names_in_))
        _log_columns(frame, self.log_features_)  # the logged columns must stay non-negative
        labels = self.pipeline_.predict(frame.to_numpy(dtype="float64"))
        return pd.Series(labels, index=frame.index, name="cluster")

    def fit_predict(self, X: Any, y: None = None) -> pd.Series:
        """Fit on ``X`` and return ``labels_``.

        Returns
        -------
        pandas.Series
            Cluster labels on ``X``'s index, named ``cluster``.
        """
        return self.fit(X).labels_.copy()


def choose_k(
    features: Any,
    k_range: Iterable[int] = range(2, 11),
    *,
    log_transform: bool | Iterable[str] = True,
    random_state: Any = 0,
    sample_size: int | None = 5_000,
) -> pd.DataFrame:
    """Elbow (inertia) and silhouette of :class:`CustomerClusterer` for each k.

    Parameters
    ----------
    features : pandas.DataFrame
        Numeric features, one row per customer (all columns are used).
    k_range : iterable of int, default range(2, 11)
        The numbers of clusters to try; each at least 2 and below the row count.
    log_transform : bool or list of str, default True
        As in :class:`CustomerClusterer`.
    random_state : int or None, default 0
        Seed of k-means and of the silhouette sample.
    sample_size : int or None, default 5000
        With more rows than this, the silhouette is computed on a random sample of
        this many rows (seeded by ``random_state``); None always uses every row.

    Returns
    -------
    pandas.DataFrame
        Index ``k``; columns ``inertia`` (within-cluster sum of squares in the
        transformed space: look for the elbow), ``silhouette`` (mean silhouette
        coefficient in the same space, -1 to 1, higher is better) and ``suggested``
        (True on the single row with the highest silhouette).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame(
    ...     {"recency": [5, 8, 3, 200, 250, 230, 90, 100],
    ...      "monetary": [900.0, 700.0, 1200.0, 40.0, 80.0, 35.0, 300.0, 310.0]})
    >>> table = choose_k(rfm, range(2, 5))
    >>> table.columns.tolist()
    ['inertia', 'silhouette', 'suggested']
    >>> int(table.index[table["suggested"]][0])
    3
    """
    ks = list(k_range)
    frame = _select(features, None)
    if not ks:
        raise ParameterError(
            "k_range 为空 (empty): 请至少给一个 k（k_choice_table 中 k_from 应不大于 k_to）"
        )
    for k in ks:
        if not isinstance(k, Integral) or isinstance(k, bool) or not 2 <= k < len(frame):
            raise ParameterError(
                f"k = {k!r} 无效 (invalid k): 轮廓系数 (silhouette) 要求 2 <= k < 行数 "
                f"{len(frame)}；请调整 k_range（k_choice_table 中是 k_from 和 k_to） "
                "(change k_range, or k_from and k_to of k_choice_table)"
            )
    sample = sample_size if sample_size is not None and len(frame) > sample_size else None
    rows = []
    for k in ks:
        model = CustomerClusterer(
            int(k), log_transform=log_transform, random_state=random_state
        ).fit(frame)
        space = model.transform_features(frame)
        silhouette = silhouette_score(
            space, model.labels_.to_numpy(), sample_size=sample, random_state=random_state
        )
        rows.append((int(k), model.inertia_, float(silhouette)))
    table = pd.DataFrame(rows, columns=["k", "inertia", "silhouette"]).set_index("k")
    table["suggested"] = table.index == table["silhouette"].idxmax()
    return table


def _rfm_name(means: pd.Series, overall: pd.Series) -> str:
    key = (
        bool(means["recency"] < overall["recency"]),
        bool(means["frequency"] > overall["frequency"]),
        bool(means["monetary"] > overall["monetary"]),
    )
    return RFM_SEGMENT_NAMES[key]


#: Chinese names of features the course clusters on (RFM, the simulated survey, the bank
#: clients); a feature not listed keeps its column name.
FEATURE_NAMES: dict[str, str] = {
    "recency": "最近一次购买距今天数",
    "frequency": "购买次数",
    "monetary": "消费金额",
    "price_sensitivity": "价格敏感",
    "health_focus": "注重健康",
    "brand_loyalty": "品牌忠诚",
    "novelty_seeking": "喜欢尝新",
    "convenience": "追求便利",
    "age": "年龄",
    "balance": "存款余额",
    "job": "职业",
    "marital": "婚姻状况",
    "education": "学历",
}

#: Chinese axis labels of the RFM features (Chinese, then the column in brackets); other
#: features keep their column name.
FEATURE_LABELS: dict[str, str] = {
    "recency": "最近购买距今天数 (recency)",
    "frequency": "购买次数 (frequency)",
    "monetary": "消费金额 (monetary)",
}

#: How two clusters of the same name differ, per RFM feature: (the one with the larger
#: mean, the one with the smaller mean). A smaller recency means a more recent purchase.
_COMPARATIVES = {
    "recency": ("更久没买", "买得更近"),
    "frequency": ("买得更勤", "买得较少"),
    "monetary": ("花得更多", "花得较少"),
}

#: How three or more clusters of the same name are ranked, per RFM feature: the phrase
#: around the rank, and whether rank 1 is the smallest mean (the most recent purchase).
_RANKS = {
    "recency": ("买得第 {} 近", True),
    "frequency": ("买得第 {} 勤", False),
    "monetary": ("花得第 {} 多", False),
}


def feature_name(column: object) -> str:
    """The Chinese name of a feature column (:data:`FEATURE_NAMES`), else the column name.

    Examples
    --------
    >>> feature_name("health_focus"), feature_name("积分")
    ('注重健康', '积分')
    """
    return FEATURE_NAMES.get(str(column), str(column))


def _numeric_traits(means: pd.Series, overall: pd.Series, spread: pd.Series) -> list[str]:
    """The two numeric features furthest from the overall mean, e.g. ["年龄偏高", "存款余额偏低"]."""
    z = ((means - overall) / spread.replace(0.0, np.nan)).fillna(0.0)
    top = z.abs().sort_values(ascending=False, kind="stable").index[:2]
    return [f"{feature_name(name)}{'偏高' if z[name] > 0 else '偏低'}" for name in top]


def _categorical_trait(frame: pd.DataFrame, table: pd.DataFrame, label: Any) -> str | None:
    """The cluster's most over-represented mode, e.g. "婚姻状况多为单身", or None."""
    best, best_lift = None, 0.0
    for column in frame.columns:
        if f"{column}_mode" not in table.columns:
            continue
        mode = table.loc[label, f"{column}_mode"]
        lift = table.loc[label, f"{column}_mode_share"] / float((frame[column] == mode).mean())
        if lift > best_lift:
            best, best_lift = f"{feature_name(column)}多为{mode}", lift
    return best


def _tell_apart(names: list[str], labels: pd.Index, means: pd.DataFrame | None) -> list[str]:
    """Suffix repeated names with how the clusters sharing a name differ.

    With RFM ``means`` (one row per cluster), the clusters sharing a name are compared on
    the RFM feature where their means lie furthest apart (in standard deviations of the
    cluster means): two get e.g. "（两类中花得更多）" and "（两类中花得较少）", more get
    their rank, e.g. "（3 类中花得第 2 多）". The suffix never contradicts the name: it only
    compares clusters that share it. Without ``means`` the cluster label is added.
    """
    out = list(names)
    for name in {n for n in names if names.count(n) > 1}:
        members = [i for i, n in enumerate(names) if n == name]
        if means is None:
            for i in members:
                out[i] = f"{name}（第{labels[i]}类）"
            continue
        group = means.loc[[labels[i] for i in members], list(_COMPARATIVES)]
        scale = means[list(_COMPARATIVES)].std(ddof=0).replace(0.0, 1.0)
        feature = ((group.max() - group.min()) / scale).idxmax()
        more, less = _COMPARATIVES[feature]
        if len(members) == 2:
            ranked = sorted(members, key=lambda i: -group.loc[labels[i], feature])
            for i, word in zip(ranked, (more, less), strict=True):
                out[i] = f"{name}（两类中{word}）"
            continue
        phrase, ascending = _RANKS[feature]
        sign = 1 if ascending else -1
        ranked = sorted(members, key=lambda i: sign * group.loc[labels[i], feature])
        for rank, i in enumerate(ranked, start=1):
            out[i] = f"{name}（{len(ranked)} 类中{phrase.format(rank)}）"
    return out


def _cluster_names(
    frame: pd.DataFrame, clusters: pd.Series, table: pd.DataFrame, numeric: list[str]
) -> list[str]:
    """The Chinese name of each cluster of ``table`` (rule in :func:`cluster_profiles`)."""
    means = frame[numeric].groupby(clusters).mean()
    overall = frame[numeric].mean()
    if all(c in numeric for c in _RFM):
        names = [_rfm_name(means.loc[label], overall) for label in table.index]
        return _tell_apart(names, table.index, means)
    spread = frame[numeric].std(ddof=0)
    names = []
    for label in table.index:
        traits = _numeric_traits(means.loc[label], overall, spread) if numeric else []
        trait = _categorical_trait(frame, table, label)
        names.append("、".join(traits + ([trait] if trait else [])) or "客户群")
    return _tell_apart(names, table.index, None)


def cluster_profiles(features: Any, labels: Any) -> pd.DataFrame:
    """Describe each cluster: a Chinese name, its size and share, feature means and medians.

    Naming rule: with ``recency``, ``frequency`` and ``monetary`` among the
    features, each cluster is named by :data:`RFM_SEGMENT_NAMES` from three
    comparisons of the cluster mean with the mean over all customers: recency below
    it (bought more recently), frequency above it, monetary above it. Clusters that
    get the same name are told apart by the RFM feature on which they differ most, and the
    suffix only compares them with each other, so it never contradicts the name: e.g.
    "（两类中花得更多）" and "（两类中花得较少）" for two, "（3 类中花得第 1 多）" ... for more.

    Without all three RFM columns, the name lists the two numeric features whose
    cluster mean lies furthest from the overall mean in overall standard deviations,
    and the categorical value most over-represented in the cluster (its share in the
    cluster divided by its share overall), with the Chinese names of
    :data:`FEATURE_NAMES`, e.g. "年龄偏低、存款余额偏低、婚姻状况多为单身";
    a name still repeated gets the cluster label, e.g. "（第2类）".

    Parameters
    ----------
    features : pandas.DataFrame
        One row per customer. Numeric columns get ``<col>_mean`` and
        ``<col>_median``; other columns (text, category, bool) get ``<col>_mode``
        (most frequent value, ties to the smallest) and ``<col>_mode_share``.
    labels : pandas.Series or array-like
        The cluster of each row (a Series is aligned on the index).

    Returns
    -------
    pandas.DataFrame
        Index ``cluster`` (sorted); columns ``name``, ``size``, ``share``, then the
        per-feature statistics in the order of the features.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> profiles = cluster_profiles(rfm, [0, 0, 1, 1])
    >>> profiles[["name", "size", "share", "monetary_mean"]]
                   name  size  share  monetary_mean
    cluster
    0           高价值活跃客户     2    0.5          800.0
    1          已流失低价值客户     2    0.5           60.0
    """
    frame = _select(features, None)
    clusters = _aligned_labels(frame, labels)
    numeric = [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]
    _check_numeric(frame, numeric, "")
    grouped = frame.groupby(clusters, sort=True)
    sizes = grouped.size()
    table = pd.DataFrame({"size": sizes, "share": sizes / sizes.sum()})
    for column in frame.columns:
        if column in numeric:
            table[f"{column}_mean"] = grouped[column].mean()
            table[f"{column}_median"] = grouped[column].median()
        else:
            modes = grouped[column].agg(_mode)
            table[f"{column}_mode"] = modes
            table[f"{column}_mode_share"] = [
                float((frame[column][clusters == label] == modes[label]).mean())
                for label in table.index
            ]
    table.insert(0, "name", _cluster_names(frame, clusters, table, numeric))
    return table.rename_axis("cluster")


class MixedClusterer(ClusterMixin, BaseEstimator):
    """k-prototypes segmentation on numeric and categorical columns together.

    Numeric columns are standardised, then ``kmodes.kprototypes.KPrototypes``
    combines the squared Euclidean distance on them with ``gamma`` times the number
    of mismatched categories (Huang 1997, 1998); ``gamma=None`` lets kmodes use
    half the mean standard deviation of the numeric columns (0.5 after scaling).

    kmodes moves the rows one at a time in Python, so a run takes seconds on a few
    thousand rows and minutes on tens of thousands: cluster a random sample of a
    large table, then :meth:`predict` the rest.

    Parameters
    ----------
    n_clusters : int, default 4
        Number of clusters (k).
    categorical : list of str, optional
        The categorical columns; by default every column that is not numeric
        (text, category, bool).
    random_state : int or None, default 0
        Seed of the initialisations, for reproducible labels.
    features : list of str, optional
        The columns to cluster on; all columns by default.
    gamma : float, optional
        Weight of the categorical mismatches against the numeric distance.
    n_init : int, default 5
        Number of runs with different initial centres; the lowest cost wins.
    max_iter : int, default 100
        Maximum iterations per run.

    Attributes
    ----------
    model_ : kmodes.kprototypes.KPrototypes
        The fitted model (numeric centres in standardised units).
    scaler_ : sklearn.preprocessing.StandardScaler
        Fitted on the numeric columns.
    numeric_features_, categorical_features_ : list of str
        The columns of each kind, in the input's order.
    feature_names_in_ : numpy.ndarray
        All feature columns.
    labels_ : pandas.Series
        Cluster of each training row, on its index, named ``cluster``.
    cluster_centers_ : pandas.DataFrame
        One row per cluster: means of the numeric columns in original units and
        the most frequent value of each categorical column.
    cost_ : float
        The k-prototypes cost of the best run.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({
    ...     "age": [25, 27, 26, 61, 64, 66],
    ...     "balance": [300.0, 250.0, 400.0, 9000.0, 12000.0, 8000.0],
    ...     "marital": ["single", "single", "single", "married", "married", "divorced"]})
    >>> model = MixedClusterer(n_clusters=2, n_init=2).fit(people)
    >>> model.categorical_features_
    ['marital']
    >>> model.cluster_centers_.sort_values("age")
                   age       balance  marital
    cluster
    ...      26.000000    316.666667   single
    ...      63.666667   9666.666667  married
    """

    _parameter_constraints: dict = {
        "n_clusters": [Interval(Integral, 1, None, closed="left")],
        "categorical": [str, "array-like", None],
        "random_state": ["random_state"],
        "features": [str, "array-like", None],
        "gamma": [Interval(Real, 0, None, closed="left"), None],
        "n_init": [Interval(Integral, 1, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(
        self,
        n_clusters: int = 4,
        *,
        categorical: Iterable[str] | None = None,
        random_state: Any = 0,
        features: Iterable[str] | None = None,
        gamma: float | None = None,
        n_init: int = 5,
        max_iter: int = 100,
    ) -> None:
        self.n_clusters = n_clusters
        self.categorical = categorical
        self.random_state = random_state
        self.features = features
        self.gamma = gamma
        self.n_init = n_init
        self.max_iter = max_iter

    def _matrix(self, frame: pd.DataFrame) -> np.ndarray:
        """Scaled numeric columns, then categorical columns as text, in one object array."""
        numeric = self.scaler_.transform(frame[self.numeric_features_].to_numpy(dtype="float64"))
        categorical = frame[self.categorical_features_].astype(str).to_numpy(dtype=object)
        return np.concatenate([numeric.astype(object), categorical], axis=1)

    def _categorical_positions(self) -> list[int]:
        start = len(self.numeric_features_)
        return list(range(start, start + len(self.categorical_features_)))

    def fit(self, X: Any, y: None = None) -> MixedClusterer:
        """Fit k-prototypes on the table ``X`` (one row per customer).

        Parameters
        ----------
        X : pandas.DataFrame
            Numeric and categorical columns; not modified.
        y : None
            Ignored.

        Returns
        -------
        MixedClusterer
            ``self``, fitted.

        Raises
        ------
        DataError
            Missing columns, missing values (naming the column and a row), a
            non-numeric column not declared categorical, no numeric or no
            categorical column.
        ParameterError
            A parameter outside its allowed values (e.g. ``n_clusters`` not a positive
            integer), or ``n_clusters`` more than the rows.
        """
        validate_parameters(self)
        frame = _select(X, self.features)
        _check_n_clusters(self.n_clusters, len(frame))
        if self.categorical is None:
            categorical = [
                c
                for c in frame.columns
                if not pd.api.types.is_numeric_dtype(frame[c])
                or pd.api.types.is_bool_dtype(frame[c])
            ]
        else:
            wanted = (
                [self.categorical] if isinstance(self.categorical, str) else list(self.categorical)
            )
            require_columns(frame, wanted, what="特征表 (features) 中 categorical 指定的列")
            categorical = [c for c in frame.columns if c in wanted]
        numeric = [c for c in frame.columns if c not in categorical]
        _check_numeric(frame, numeric, "请把它列入 categorical=，或从 features= 中去掉")
        _check_complete(frame, categorical)
        if not numeric or not categorical:
            kind = "数值列 (numeric)" if not numeric else "类别列 (categorical)"
            raise DataError(
                f"k-prototypes 需要数值列和类别列，缺少{kind}。只有数值列时请用 CustomerClusterer "
                "(k-prototypes needs numeric and categorical columns)"
            )
        self.numeric_features_ = numeric
        self.categorical_features_ = categorical
        self.feature_names_in_ = np.asarray(frame.columns, dtype=object)
        self.scaler_ = StandardScaler().fit(frame[numeric].to_numpy(dtype="float64"))
        model = KPrototypes(
            n_clusters=self.n_clusters,
            gamma=self.gamma,
            init="Cao",
            n_init=self.n_init,
            max_iter=self.max_iter,
            random_state=self.random_state,
            n_jobs=1,
        )
        labels = model.fit_predict(self._matrix(frame), categorical=self._categorical_positions())
        self.model_ = model
        self.labels_ = pd.Series(
            np.asarray(labels, dtype="int64"), index=frame.index, name="cluster"
        )
        grouped = frame.groupby(self.labels_)
        centres = pd.concat([grouped[numeric].mean(), grouped[categorical].agg(_mode)], axis=1)[
            list(frame.columns)
        ]
        self.cluster_centers_ = centres.rename_axis("cluster")
        self.cost_ = float(model.cost_)
        return self

    def predict(self, X: Any) -> pd.Series:
        """The nearest prototype of each row of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            With the columns seen in :meth:`fit`; not modified.

        Returns
        -------
        pandas.Series
            Cluster labels on ``X``'s index, named ``cluster``.
        """
        check_fitted(self)
        frame = _select(X, list(self.feature_names_in_))
        _check_numeric(frame, self.numeric_features_, "")
        _check_complete(frame, self.categorical_features_)
        labels = self.model_.predict(self._matrix(frame), categorical=self._categorical_positions())
        return pd.Series(np.asarray(labels, dtype="int64"), index=frame.index, name="cluster")

    def fit_predict(self, X: Any, y: None = None) -> pd.Series:
        """Fit on ``X`` and return ``labels_``.

        Returns
        -------
        pandas.Series
            Cluster labels on ``X``'s index, named ``cluster``.
        """
        return self.fit(X).labels_.copy()
