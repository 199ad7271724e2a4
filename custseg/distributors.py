"""Distributor (经销商) classification, evaluation and periodic re-evaluation.

Three criteria classify and select distributors:

- **市场覆盖率** (market coverage): 全国性 / 区域性 / 地方性经销商, scored by points per
  coverage type (``coverage_points``, default 全国 100, 区域 70, 地方 40);
- **销售能力** (sales capacity): the mean percentile of the sales columns (default sales and
  sales-target attainment) among the distributors of the reference period: high-performing
  (高绩效, score >= 50) or low-performing (低绩效);
- **合作意愿** (cooperation willingness): a rating on a fixed scale (default 1-5, from the
  sales team), mapped linearly to 0-100.

:class:`DistributorEvaluator` weighs the three (weights set by the user), grades each
distributor A / B / C / D with a recommended strategy per grade, and
:meth:`DistributorEvaluator.reevaluate` scores a later period with the **same yardstick**
(fitted on the reference period) and shows which distributors moved up or down: the
quantified evaluation system, re-evaluated periodically and adjusted dynamically.

The bundled example data (``custseg/data/distributors.csv``) is synthetic: no real
distributor evaluation data is public. ``datasets/distributors.md`` in the repository says
how it was generated.

Examples
--------
>>> from importlib import resources
>>> import pandas as pd
>>> data = pd.read_csv(resources.files("custseg") / "data" / "distributors.csv")
>>> h1, h2 = (rows for _, rows in data.groupby("period"))
>>> evaluator = DistributorEvaluator().fit(h1)
>>> evaluator.evaluate(h1)["grade"].value_counts().sort_index().tolist()
[11, 29, 38, 42]
>>> evaluator.reevaluate(h1, h2)["movement"].value_counts().to_dict()
{'不变': 79, '升级': 29, '降级': 12}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from custseg.errors import DataError, require_columns

__all__ = [
    "COVERAGE_LABELS",
    "COVERAGE_POINTS",
    "CRITERIA_LABELS",
    "DEFAULT_WEIGHTS",
    "GRADES",
    "GRADE_LABELS",
    "GRADE_STRATEGIES",
    "DistributorEvaluator",
]

COVERAGE_POINTS = {"全国": 100.0, "区域": 70.0, "地方": 40.0}
"""Default market-coverage score of each coverage type."""

COVERAGE_LABELS = {"全国": "全国性经销商", "区域": "区域性经销商", "地方": "地方性经销商"}
"""Name of each coverage type."""

CRITERIA_LABELS = {"coverage": "市场覆盖率", "sales": "销售能力", "cooperation": "合作意愿"}
"""Chinese name of each criterion."""

DEFAULT_WEIGHTS = {"coverage": 0.3, "sales": 0.4, "cooperation": 0.3}
"""Default weights of the three criteria."""

GRADES = ("A", "B", "C", "D")
"""Grades from the best down; ``grade_cuts`` separates them."""

GRADE_LABELS = {"A": "核心经销商", "B": "重点经销商", "C": "一般经销商", "D": "待整改经销商"}
"""Name of each grade."""

GRADE_STRATEGIES = {
    "A": "建立长期战略合作伙伴关系：优先供货和返利，联合制定年度计划，提供管理与产品培训",
    "B": "重点扶持：提供销售培训和市场推广支持，帮助扩大覆盖范围，争取升为 A 级",
    "C": "维持合作：设定明确的改进目标（销量、回款、配合度），按期跟踪，下期重点复评",
    "D": "限期整改：减少资源投入，约谈并制定整改计划；整改无效则调整或更换经销商",
}
"""Recommended strategy for each grade."""


class DistributorEvaluator(BaseEstimator):
    """Weighted evaluation of distributors: scores, grades, strategies and re-evaluation.

    Parameters
    ----------
    weights : mapping, optional
        Weights of ``"coverage"``, ``"sales"`` and ``"cooperation"`` (non-negative, not all
        zero; rescaled to sum to 1). Default :data:`DEFAULT_WEIGHTS`.
    id_col : str, default "distributor_id"
        The column identifying a distributor (one row per distributor).
    coverage_col : str, default "coverage"
        The coverage type column.
    sales_cols : sequence of str, default ("sales", "target_attainment")
        Numeric columns of sales capacity, higher is better; their percentiles are averaged.
    cooperation_col : str, default "cooperation"
        The cooperation rating column.
    coverage_points : mapping, optional
        Score (0-100) of each coverage type; default :data:`COVERAGE_POINTS`.
    cooperation_range : pair of float, default (1, 5)
        Lowest and highest possible rating, scored 0 and 100.
    grade_cuts : sequence of float, default (75, 60, 45)
        Total scores where A, B and C begin; below the last is D.

    Attributes
    ----------
    weights_ : pandas.Series
        The weights used, summing to 1.
    reference_ : dict of str to numpy.ndarray
        Sorted values of each sales column in the reference period.
    n_distributors_ : int
        Distributors in the reference period.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({
    ...     "distributor_id": ["D1", "D2", "D3", "D4"],
    ...     "coverage": ["全国", "区域", "地方", "地方"],
    ...     "sales": [5000.0, 1200.0, 300.0, 150.0],
    ...     "target_attainment": [1.1, 0.9, 1.05, 0.7],
    ...     "cooperation": [4.5, 4.0, 3.0, 2.0]})
    >>> evaluator = DistributorEvaluator().fit(h1)
    >>> evaluator.evaluate(h1)[["total_score", "grade", "grade_label"]]
                    total_score grade grade_label
    distributor_id
    D1                    96.25     A       核心经销商
    D2                    68.50     B       重点经销商
    D3                    52.00     C       一般经销商
    D4                    29.50     D      待整改经销商
    >>> h2 = h1.assign(sales=[5000.0, 1200.0, 2000.0, 150.0], cooperation=[4.5, 4.0, 5.0, 2.0])
    >>> evaluator.reevaluate(h1, h2).loc["D3", ["grade_before", "grade_after", "movement"]]
    grade_before       C
    grade_after        B
    movement          升级
    Name: D3, dtype: object
    """

    def __init__(
        self,
        weights: Mapping[str, float] | None = None,
        *,
        id_col: str = "distributor_id",
        coverage_col: str = "coverage",
        sales_cols: Sequence[str] = ("sales", "target_attainment"),
        cooperation_col: str = "cooperation",
        coverage_points: Mapping[str, float] | None = None,
        cooperation_range: tuple[float, float] = (1.0, 5.0),
        grade_cuts: Sequence[float] = (75.0, 60.0, 45.0),
    ):
        self.weights = weights
        self.id_col = id_col
        self.coverage_col = coverage_col
        self.sales_cols = sales_cols
        self.cooperation_col = cooperation_col
        self.coverage_points = coverage_points
        self.cooperation_range = cooperation_range
        self.grade_cuts = grade_cuts

    def _columns(self) -> list[str]:
        return [self.id_col, self.coverage_col, *self.sales_cols, self.cooperation_col]

    def _numbers(self, X: pd.DataFrame, column: str) -> np.ndarray:
        values = pd.to_numeric(X[column], errors="coerce")
        bad = values.isna().to_numpy()
        if bad.any():
            row = np.flatnonzero(bad)[0]
            raise DataError(
                f"列 {column!r} 有缺失或不是数字的值 (missing or non-numeric)：经销商 "
                f"{X[self.id_col].iloc[row]!r}，值 (value) {X[column].iloc[row]!r}"
            )
        return values.to_numpy(dtype=float)

    def _check_frame(self, X: pd.DataFrame) -> None:
        require_columns(X, self._columns(), what="经销商数据 (distributors)")
        if len(X) == 0:
            raise DataError("没有任何经销商 (no distributors)")
        duplicated = X[self.id_col].duplicated()
        if duplicated.any():
            raise DataError(
                f"经销商编号重复 (duplicate {self.id_col}): {X[self.id_col][duplicated].iloc[0]!r}；"
                "每期每个经销商只能有一行，多期数据请先按期 (period) 分开"
            )

    def fit(self, X: pd.DataFrame, y: object = None) -> DistributorEvaluator:
        """Check the settings and learn the sales yardstick from the reference period ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per distributor of the reference period.
        y : ignored

        Returns
        -------
        DistributorEvaluator
            The fitted evaluator (self).

        Raises
        ------
        DataError
            A missing column, a duplicate distributor, an unknown coverage type or a bad
            value (naming the distributor), or bad settings.
        """
        weights = dict(DEFAULT_WEIGHTS if self.weights is None else self.weights)
        if set(weights) != set(DEFAULT_WEIGHTS):
            raise DataError(
                f"权重 (weights) 需要且只需要 {sorted(DEFAULT_WEIGHTS)} 三项，收到 {sorted(weights)}"
            )
        series = pd.Series({k: float(weights[k]) for k in DEFAULT_WEIGHTS}, name="weight")
        if (series < 0).any() or not np.isfinite(series).all() or series.sum() <= 0:
            raise DataError(f"权重 (weights) 必须非负且不全为 0: {weights}")
        if not list(self.sales_cols):
            raise DataError("sales_cols 至少需要一列销售能力指标 (at least one column)")
        low, high = (float(v) for v in self.cooperation_range)
        if not low < high:
            raise DataError(f"cooperation_range 需要 (最低分, 最高分): {self.cooperation_range}")
        cuts = [float(c) for c in self.grade_cuts]
        if len(cuts) != len(GRADES) - 1 or sorted(cuts, reverse=True) != cuts:
            raise DataError(
                f"grade_cuts 需要 {len(GRADES) - 1} 个递减的分数 (decreasing scores): "
                f"{list(self.grade_cuts)}"
            )
        points = dict(COVERAGE_POINTS if self.coverage_points is None else self.coverage_points)
        self._check_frame(X)
        self._coverage_scores(X, points)  # unknown coverage types fail at fit time
        reference = {name: np.sort(self._numbers(X, name)) for name in self.sales_cols}
        self.weights_ = series / series.sum()
        self.coverage_points_ = points
        self.grade_cuts_ = cuts
        self.reference_ = reference
        self.n_distributors_ = len(X)
        return self

    def _coverage_scores(self, X: pd.DataFrame, points: Mapping[str, float]) -> np.ndarray:
        coverage = X[self.coverage_col]
        unknown = ~coverage.isin(list(points))
        if unknown.any():
            row = np.flatnonzero(unknown.to_numpy())[0]
            raise DataError(
                f"未知的市场覆盖类型 (unknown coverage) {coverage.iloc[row]!r}：经销商 "
                f"{X[self.id_col].iloc[row]!r}；可选: {list(points)}"
            )
        return coverage.map(points).to_numpy(dtype=float)

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """The 0-100 score of every distributor on each criterion.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per distributor (any period).

        Returns
        -------
        pandas.DataFrame
            Indexed by distributor id, columns ``coverage``, ``sales`` and ``cooperation``.
            The sales score of a value ``x`` is ``100 * share of reference distributors with
            a value <= x``, averaged over ``sales_cols``.
        """
        check_is_fitted(self, "reference_")
        self._check_frame(X)
        sales = np.zeros(len(X))
        for name in self.sales_cols:
            reference = self.reference_[name]
            values = self._numbers(X, name)
            sales += np.searchsorted(reference, values, side="right") / len(reference)
        sales = 100 * sales / len(self.sales_cols)
        low, high = (float(v) for v in self.cooperation_range)
        rating = self._numbers(X, self.cooperation_col)
        outside = (rating < low) | (rating > high)
        if outside.any():
            row = np.flatnonzero(outside)[0]
            raise DataError(
                f"合作意愿评分 ({self.cooperation_col}) 超出范围 {low:g}-{high:g}：经销商 "
                f"{X[self.id_col].iloc[row]!r}，值 (value) {rating[row]!r}"
            )
        cooperation = 100 * (rating - low) / (high - low)
        return pd.DataFrame(
            {
                "coverage": self._coverage_scores(X, self.coverage_points_),
                "sales": sales,
                "cooperation": cooperation,
            },
            index=pd.Index(X[self.id_col].to_numpy(), name=self.id_col),
        )

    def evaluate(self, X: pd.DataFrame) -> pd.DataFrame:
        """Scores, grade and recommended strategy of every distributor, in input order.

        Returns
        -------
        pandas.DataFrame
            Indexed by distributor id: ``coverage_type`` (全国性 / 区域性 / 地方性经销商),
            ``sales_level`` (高绩效 when the sales score is at least 50, else 低绩效), the
            criterion scores ``score_coverage``, ``score_sales``, ``score_cooperation``,
            ``total_score`` (weighted sum, 0-100), ``grade`` (A-D), ``grade_label`` and
            ``strategy``.
        """
        scores = self.transform(X)
        table = pd.DataFrame(index=scores.index)
        table["coverage_type"] = (
            X[self.coverage_col].map(COVERAGE_LABELS).fillna(X[self.coverage_col]).to_numpy()
        )
        table["sales_level"] = np.where(scores["sales"] >= 50, "高绩效", "低绩效")
        table = table.join(scores.add_prefix("score_"))
        total = scores[list(DEFAULT_WEIGHTS)].to_numpy() @ self.weights_.to_numpy()
        table["total_score"] = np.round(total, 10)
        position = np.searchsorted(-np.asarray(self.grade_cuts_), -table["total_score"], "left")
        table["grade"] = np.asarray(GRADES)[position]
        table["grade_label"] = table["grade"].map(GRADE_LABELS)
        table["strategy"] = table["grade"].map(GRADE_STRATEGIES)
        return table

    def predict(self, X: pd.DataFrame) -> pd.Series:
        """The grade (A-D) of every distributor, indexed by distributor id."""
        return self.evaluate(X)["grade"]

    def reevaluate(self, before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
        """Score two periods with the same yardstick and show who moved up or down.

        Parameters
        ----------
        before, after : pandas.DataFrame
            One row per distributor in each period (e.g. the reference period and the next).

        Returns
        -------
        pandas.DataFrame
            Indexed by distributor id (all distributors of either period, those of
            ``before`` first): ``score_before``, ``score_after``, ``score_change``,
            ``grade_before``, ``grade_after``, ``movement`` (升级 up, 降级 down, 不变 same,
            新增 new, 退出 gone), ``steps`` (grades moved, positive = up) and
            ``strategy`` (for the new grade), sorted with the biggest moves up first.
        """
        old = self.evaluate(before)
        new = self.evaluate(after)
        table = pd.DataFrame(
            {
                "score_before": old["total_score"],
                "grade_before": old["grade"],
            }
        ).join(
            pd.DataFrame({"score_after": new["total_score"], "grade_after": new["grade"]}),
            how="outer",
            sort=False,
        )
        order = list(old.index) + [i for i in new.index if i not in old.index]
        table = table.loc[order]
        table["score_change"] = table["score_after"] - table["score_before"]
        rank = {grade: len(GRADES) - k for k, grade in enumerate(GRADES)}
        steps = table["grade_after"].map(rank) - table["grade_before"].map(rank)
        movement = np.select(
            [
                table["grade_before"].isna(),
                table["grade_after"].isna(),
                steps > 0,
                steps < 0,
            ],
            ["新增", "退出", "升级", "降级"],
            default="不变",
        )
        table["movement"] = movement
        table["steps"] = steps.astype("Int64")
        table["strategy"] = table["grade_after"].map(GRADE_STRATEGIES)
        columns = [
            "score_before",
            "score_after",
            "score_change",
            "grade_before",
            "grade_after",
            "movement",
            "steps",
            "strategy",
        ]
        table = table[columns]
        key = table["steps"].astype(float).fillna(0) * 1000 + table["score_change"].fillna(0)
        return table.iloc[np.argsort(-key.to_numpy(), kind="stable")]
