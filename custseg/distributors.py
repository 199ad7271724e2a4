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

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from custseg import scorecard
from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import check_fitted, record_input_columns, validate_parameters

__all__ = [
    "COVERAGE_LABELS",
    "COVERAGE_POINTS",
    "CRITERIA_LABELS",
    "DEFAULT_WEIGHTS",
    "GRADES",
    "GRADE_LABELS",
    "GRADE_STRATEGIES",
    "RANKING_COLUMNS",
    "DistributorEvaluator",
    "coverage_table",
    "distributor_score_table",
    "evaluate_distributors",
    "grade_count_table",
    "grade_counts",
    "grade_profile_table",
    "grade_strategy_table",
    "movement_table",
    "period_rows",
    "ranked_distributors",
    "ranking_table",
    "reevaluate_distributors",
    "regrade_table",
]

COVERAGE_POINTS = {"全国": 100.0, "区域": 70.0, "地方": 40.0}
"""Default market-coverage score of each coverage type."""

COVERAGE_LABELS = {"全国": "全国性经销商", "区域": "区域性经销商", "地方": "地方性经销商"}
"""Name of each coverage type."""

COVERAGE_SIZES = {"全国性经销商": 140, "区域性经销商": 70, "地方性经销商": 30}
"""Point area of each coverage type on the grade charts (static and interactive)."""

OTHER_COVERAGE_SIZE = 50
"""Point area of a coverage type not in :data:`COVERAGE_SIZES`."""

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


class DistributorEvaluator(TransformerMixin, BaseEstimator):
    """Weighted evaluation of distributors: scores, grades, strategies and re-evaluation.

    Parameters
    ----------
    weights : mapping, optional
        Weights of ``"coverage"``, ``"sales"`` and ``"cooperation"`` (non-negative, not all
        zero; rescaled to sum to 1). Default :data:`DEFAULT_WEIGHTS`.
    distributor_col : str, default "distributor_id"
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
    id_col : str, optional
        Deprecated: the old name of ``distributor_col``; still works, with a warning.

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

    _parameter_constraints: dict = {
        "weights": [Mapping, None],
        "distributor_col": [str],
        "coverage_col": [str],
        "sales_cols": ["array-like"],
        "cooperation_col": [str],
        "coverage_points": [Mapping, None],
        "cooperation_range": ["array-like"],
        "grade_cuts": ["array-like"],
        "id_col": [str, None],
    }

    def __init__(
        self,
        weights: Mapping[str, float] | None = None,
        *,
        distributor_col: str = "distributor_id",
        coverage_col: str = "coverage",
        sales_cols: Sequence[str] = ("sales", "target_attainment"),
        cooperation_col: str = "cooperation",
        coverage_points: Mapping[str, float] | None = None,
        cooperation_range: tuple[float, float] = (1.0, 5.0),
        grade_cuts: Sequence[float] = (75.0, 60.0, 45.0),
        id_col: str | None = None,
    ):
        self.weights = weights
        self.distributor_col = distributor_col
        self.coverage_col = coverage_col
        self.sales_cols = sales_cols
        self.cooperation_col = cooperation_col
        self.coverage_points = coverage_points
        self.cooperation_range = cooperation_range
        self.grade_cuts = grade_cuts
        self.id_col = id_col

    def _id(self) -> str:
        """The distributor column: ``distributor_col``, or the deprecated ``id_col`` if set."""
        return self.distributor_col if self.id_col is None else self.id_col

    def _columns(self) -> list[str]:
        return [self._id(), self.coverage_col, *self.sales_cols, self.cooperation_col]

    def _numbers(self, X: pd.DataFrame, column: str) -> np.ndarray:
        return scorecard.numeric_column(
            X, column, row_ids=X[self._id()], row_word="经销商 (distributor)"
        )

    def _check_frame(self, X: pd.DataFrame) -> None:
        require_columns(X, self._columns(), what="经销商数据 (distributors)")
        if len(X) == 0:
            raise DataError("没有任何经销商 (no distributors)")
        duplicated = X[self._id()].duplicated()
        if duplicated.any():
            raise DataError(
                f"经销商编号重复 (duplicate {self._id()}): {X[self._id()][duplicated].iloc[0]!r}；"
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
            value (naming the distributor).
        ParameterError
            Bad settings: weights (unknown, negative or all 0), ``sales_cols``,
            ``cooperation_range`` or ``grade_cuts``.
        """
        validate_parameters(self)
        if self.id_col is not None:
            warnings.warn(
                "DistributorEvaluator 的参数 id_col 已改名为 distributor_col，请改用新名字 "
                "(id_col is deprecated: use distributor_col)",
                DeprecationWarning,
                stacklevel=2,
            )
        weights = scorecard.scorecard_weights(
            DEFAULT_WEIGHTS if self.weights is None else self.weights, list(DEFAULT_WEIGHTS)
        )
        if not list(self.sales_cols):
            raise ParameterError("sales_cols 至少需要一列销售能力指标 (at least one column)")
        try:
            scale = [float(v) for v in self.cooperation_range]
        except (TypeError, ValueError):
            scale = []
        if len(scale) != 2 or not scale[0] < scale[1]:
            raise ParameterError(
                "cooperation_range 需要 (最低分, 最高分)，最低分小于最高分 "
                f"(needs (lowest, highest) with lowest < highest): {self.cooperation_range!r}"
            )
        cuts = scorecard.decreasing_cuts(self.grade_cuts, levels=len(GRADES), name="grade_cuts")
        points = dict(COVERAGE_POINTS if self.coverage_points is None else self.coverage_points)
        self._check_frame(X)
        self._coverage_scores(X, points)  # unknown coverage types fail at fit time
        reference = {name: np.sort(self._numbers(X, name)) for name in self.sales_cols}
        self.weights_ = weights
        self.coverage_points_ = points
        self.grade_cuts_ = cuts
        self.cooperation_range_ = tuple(scale)
        self.reference_ = reference
        self.n_distributors_ = len(X)
        record_input_columns(self, X)
        return self

    def _coverage_scores(self, X: pd.DataFrame, points: Mapping[str, float]) -> np.ndarray:
        coverage = X[self.coverage_col]
        unknown = ~coverage.isin(list(points))
        if unknown.any():
            row = np.flatnonzero(unknown.to_numpy())[0]
            raise DataError(
                f"未知的市场覆盖类型 (unknown coverage) {coverage.iloc[row]!r}：经销商 "
                f"{X[self._id()].iloc[row]!r}；可选: {list(points)}"
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
        check_fitted(self, "reference_")
        self._check_frame(X)
        sales = np.mean(
            [
                scorecard.percentile_scores(self.reference_[name], self._numbers(X, name))
                for name in self.sales_cols
            ],
            axis=0,
        )
        low, high = self.cooperation_range_
        rating = self._numbers(X, self.cooperation_col)
        outside = (rating < low) | (rating > high)
        if outside.any():
            row = np.flatnonzero(outside)[0]
            raise DataError(
                f"合作意愿评分 ({self.cooperation_col}) 超出范围 {low:g}-{high:g}：经销商 "
                f"{X[self._id()].iloc[row]!r}，值 (value) {rating[row]!r}"
            )
        cooperation = 100 * (rating - low) / (high - low)
        return pd.DataFrame(
            {
                "coverage": self._coverage_scores(X, self.coverage_points_),
                "sales": sales,
                "cooperation": cooperation,
            },
            index=pd.Index(X[self._id()].to_numpy(), name=self._id()),
        )

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the columns :meth:`transform` returns: ``coverage``, ``sales`` and ``cooperation``.

        Parameters
        ----------
        input_features : list of str, optional
            Ignored: the output columns do not depend on the input's names.

        Returns
        -------
        numpy.ndarray of str
        """
        check_fitted(self, "reference_")
        return np.asarray(["coverage", "sales", "cooperation"], dtype=object)

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
        table["grade"] = scorecard.level_of(table["total_score"], self.grade_cuts_, GRADES)
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


# ----------------------------------------------------------------------------- course tables

_MOVEMENT_ORDER = ("升级", "不变", "降级", "新增", "退出")


def period_rows(
    distributors: pd.DataFrame, *, period: str, period_col: str = "period"
) -> pd.DataFrame:
    """The rows of one evaluation period, e.g. ``"2024-H1"``.

    Examples
    --------
    >>> import pandas as pd
    >>> data = pd.DataFrame({"distributor_id": ["D1", "D1"], "period": ["2024-H1", "2024-H2"]})
    >>> period_rows(data, period="2024-H2")["period"].tolist()
    ['2024-H2']
    """
    require_columns(distributors, [period_col], what="经销商数据 (distributors)")
    rows = distributors.loc[distributors[period_col] == period]
    if rows.empty:
        periods = sorted(distributors[period_col].dropna().astype(str).unique())
        raise DataError(
            f"列 '{period_col}' 中没有 {period!r} 这一期的数据 (no rows for this period)；"
            f"已有的期数 (periods found)：{periods}"
        )
    return rows


def coverage_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The three coverage types compared: how many, how far they reach, how much they sell.

    Returns
    -------
    pandas.DataFrame
        Index 覆盖类型 (全国性 / 区域性 / 地方性经销商): 家数, 平均覆盖省份数, 平均网点数,
        平均销售额（万元）, 平均目标达成率（%）, 平均合作意愿（1—5）.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"coverage": ["全国", "地方", "地方"], "provinces_covered": [20, 1, 1],
    ...     "outlets": [900, 40, 60], "sales": [5000.0, 300.0, 100.0],
    ...     "target_attainment": [1.1, 0.9, 1.0], "cooperation": [3.0, 4.0, 5.0]})
    >>> coverage_table(h1)[["家数", "平均网点数", "平均目标达成率（%）"]]
            家数  平均网点数  平均目标达成率（%）
    覆盖类型
    全国性经销商   1  900.0       110.0
    地方性经销商   2   50.0        95.0
    """
    columns = [
        "coverage",
        "provinces_covered",
        "outlets",
        "sales",
        "target_attainment",
        "cooperation",
    ]
    require_columns(frame, columns, what="经销商数据 (distributors)")
    grouped = frame.groupby("coverage", sort=False)
    order = [c for c in COVERAGE_POINTS if c in grouped.groups] + [
        c for c in grouped.groups if c not in COVERAGE_POINTS
    ]
    table = pd.DataFrame(
        {
            "家数": grouped.size(),
            "平均覆盖省份数": grouped["provinces_covered"].mean().round(1),
            "平均网点数": grouped["outlets"].mean().round(0),
            "平均销售额（万元）": grouped["sales"].mean().round(0),
            "平均目标达成率（%）": (100 * grouped["target_attainment"].mean()).round(1),
            "平均合作意愿（1—5）": grouped["cooperation"].mean().round(2),
        }
    ).loc[order]
    table.index = [COVERAGE_LABELS.get(c, c) for c in table.index]
    table.index.name = "覆盖类型"
    return table


def grade_strategy_table() -> pd.DataFrame:
    """Each grade's name and recommended strategy.

    Examples
    --------
    >>> grade_strategy_table().loc["D", "名称"]
    '待整改经销商'
    """
    return pd.DataFrame(
        {"名称": GRADE_LABELS, "总分": ["75 分以上", "60—75", "45—60", "45 分以下"],
         "建议策略": GRADE_STRATEGIES},
        index=list(GRADES),
    ).rename_axis("等级")  # fmt: skip


def evaluate_distributors(
    frame: pd.DataFrame, *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """:meth:`DistributorEvaluator.evaluate` of ``frame`` with itself as the reference period.

    The table for the charts (:mod:`custseg.plotting.distributors`); its readable version is
    :func:`distributor_score_table`.
    """
    return DistributorEvaluator(weights=weights).fit(frame).evaluate(frame)


def ranking_table(evaluation: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """An evaluation in Chinese, best first: rank, coverage, scores, total and grade.

    Parameters
    ----------
    evaluation : pandas.DataFrame
        The table of :meth:`DistributorEvaluator.evaluate`.
    top : int, optional
        Keep only the best ``top`` distributors.

    Returns
    -------
    pandas.DataFrame
        Index 经销商 (best total first; ties in input order): 排名, 覆盖类型, 销售能力
        (高绩效 / 低绩效), 覆盖得分, 销售得分, 合作得分, 总分 (1 decimal), 等级, 等级名称.

    Examples
    --------
    >>> import pandas as pd
    >>> evaluation = pd.DataFrame({"coverage_type": ["地方性经销商", "全国性经销商"],
    ...     "sales_level": ["低绩效", "高绩效"], "score_coverage": [40.0, 100.0],
    ...     "score_sales": [50.0, 100.0], "score_cooperation": [25.0, 87.5],
    ...     "total_score": [39.5, 96.25], "grade": ["D", "A"],
    ...     "grade_label": ["待整改经销商", "核心经销商"]}, index=["D2", "D1"])
    >>> ranking_table(evaluation, top=1)[["排名", "总分", "等级"]]
         排名    总分 等级
    经销商
    D1    1  96.2  A
    """
    if top is not None and (isinstance(top, bool) or int(top) != top or top < 1):
        raise ParameterError(f"top 必须是正整数 (positive integer): {top!r}")
    best = evaluation.sort_values("total_score", ascending=False, kind="stable")
    best = best if top is None else best.head(int(top))
    return pd.DataFrame(
        {
            "排名": range(1, len(best) + 1),
            "覆盖类型": best["coverage_type"],
            "销售能力": best["sales_level"],
            "覆盖得分": best["score_coverage"].round(1),
            "销售得分": best["score_sales"].round(1),
            "合作得分": best["score_cooperation"].round(1),
            "总分": best["total_score"].round(1),
            "等级": best["grade"],
            "等级名称": best["grade_label"],
        },
        index=pd.Index(best.index, name="经销商"),
    )


def distributor_score_table(
    frame: pd.DataFrame, *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Every distributor's scores, total, grade and strategy in Chinese, best first.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per distributor of one period (the reference period).
    weights : mapping, optional
        Weights of ``"coverage"``, ``"sales"``, ``"cooperation"``; default
        :data:`DEFAULT_WEIGHTS`.

    Returns
    -------
    pandas.DataFrame
        :func:`ranking_table` of the evaluation.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2"], "coverage": ["全国", "地方"],
    ...     "sales": [5000.0, 300.0], "target_attainment": [1.1, 0.9], "cooperation": [4.5, 2.0]})
    >>> distributor_score_table(h1)[["排名", "总分", "等级"]]
         排名     总分 等级
    经销商
    D1    1  96.2  A
    D2    2  39.5  D
    """
    return ranking_table(evaluate_distributors(frame, weights=weights))


RANKING_COLUMNS = ["排名", "覆盖类型", "总分", "等级", "等级名称"]
"""The columns of :func:`ranked_distributors`: the short ranking shown beside the chart."""


def ranked_distributors(
    frame: pd.DataFrame, weights: Mapping[str, float], *, top: int = 10
) -> pd.DataFrame:
    """Evaluate ``frame`` with ``weights`` and list the best ``top`` distributors.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per distributor of one period (the reference period of the evaluation).
    weights : mapping
        Weights of ``"coverage"``, ``"sales"`` and ``"cooperation"``, as in
        :class:`DistributorEvaluator`.
    top : int, default 10
        How many distributors to list.

    Returns
    -------
    pandas.DataFrame
        Indexed by distributor id (named ``经销商``), best first (ties in input order):
        the :data:`RANKING_COLUMNS` 排名, 覆盖类型, 总分, 等级, 等级名称.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2", "D3"],
    ...     "coverage": ["全国", "区域", "地方"], "sales": [300.0, 1200.0, 5000.0],
    ...     "target_attainment": [0.9, 1.0, 1.1], "cooperation": [2.0, 4.0, 4.5]})
    >>> ranked_distributors(h1, {"coverage": 1, "sales": 0, "cooperation": 0}).index.tolist()
    ['D1', 'D2', 'D3']
    >>> ranked_distributors(h1, {"coverage": 0, "sales": 1, "cooperation": 0}, top=1)
         排名    覆盖类型     总分 等级   等级名称
    经销商
    D3    1  地方性经销商  100.0  A  核心经销商
    """
    evaluation = evaluate_distributors(frame, weights=dict(weights))
    return ranking_table(evaluation, top=top)[RANKING_COLUMNS]


def grade_counts(evaluation: pd.DataFrame) -> pd.Series:
    """How many distributors each grade holds, A to D (empty grades count 0).

    Parameters
    ----------
    evaluation : pandas.DataFrame
        The table of :meth:`DistributorEvaluator.evaluate`.

    Returns
    -------
    pandas.Series
        Indexed by grade ``A``-``D``, named ``经销商数``.

    Examples
    --------
    >>> import pandas as pd
    >>> grade_counts(pd.DataFrame({"grade": ["B", "D", "B"]})).tolist()
    [0, 2, 0, 1]
    """
    counts = evaluation["grade"].value_counts().reindex(list(GRADES), fill_value=0)
    return counts.astype(int).rename("经销商数")


def grade_count_table(
    frame: pd.DataFrame, *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """How many distributors each grade holds (A to D, empty grades 0), and their share.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2"], "coverage": ["全国", "地方"],
    ...     "sales": [5000.0, 300.0], "target_attainment": [1.1, 0.9], "cooperation": [4.5, 2.0]})
    >>> grade_count_table(h1)["家数"].tolist()
    [1, 0, 0, 1]
    """
    counts = grade_counts(evaluate_distributors(frame, weights=weights))
    return pd.DataFrame(
        {
            "名称": [GRADE_LABELS[g] for g in GRADES],
            "家数": counts,
            "占比（%）": (100 * counts / counts.sum()).round(1),
        }
    ).rename_axis("等级")


def reevaluate_distributors(
    before: pd.DataFrame, after: pd.DataFrame, *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """:meth:`DistributorEvaluator.reevaluate` with the yardstick of ``before``: for the charts."""
    return DistributorEvaluator(weights=weights).fit(before).reevaluate(before, after)


def regrade_table(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    only: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Two periods scored with the same yardstick, in Chinese: who moved up or down.

    Returns
    -------
    pandas.DataFrame
        Index 经销商, biggest moves up first: 上期总分, 本期总分, 变化, 上期等级, 本期等级,
        变动 (升级 / 不变 / 降级 / 新增 / 退出). With ``only``, just those distributors, in
        the order given.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2"], "coverage": ["全国", "地方"],
    ...     "sales": [5000.0, 300.0], "target_attainment": [1.1, 0.9], "cooperation": [4.5, 2.0]})
    >>> h2 = h1.assign(cooperation=[4.5, 5.0])
    >>> regrade_table(h1, h2)[["上期等级", "本期等级", "变动"]]
        上期等级 本期等级  变动
    经销商
    D2     D    B  升级
    D1     A    A  不变
    >>> regrade_table(h1, h2, only=["D1"])["变动"].tolist()
    ['不变']
    """
    changes = reevaluate_distributors(before, after, weights=weights)
    if only is not None:
        wanted = [only] if isinstance(only, str) else list(only)
        unknown = [d for d in wanted if d not in changes.index]
        if unknown:
            raise DataError(
                f"没有这些经销商 (unknown distributors)：{unknown}；"
                f"编号形如 (ids look like) {changes.index[0]!r}"
            )
        changes = changes.loc[wanted]
    return pd.DataFrame(
        {
            "上期总分": changes["score_before"].round(1),
            "本期总分": changes["score_after"].round(1),
            "变化": changes["score_change"].round(1),
            "上期等级": changes["grade_before"],
            "本期等级": changes["grade_after"],
            "变动": changes["movement"],
        },
        index=pd.Index(changes.index, name="经销商"),
    )


def movement_table(
    before: pd.DataFrame, after: pd.DataFrame, *, weights: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """How many distributors moved up, stayed or moved down between two periods.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2"], "coverage": ["全国", "地方"],
    ...     "sales": [5000.0, 300.0], "target_attainment": [1.1, 0.9], "cooperation": [4.5, 2.0]})
    >>> movement_table(h1, h1.assign(cooperation=[4.5, 5.0]))["家数"].to_dict()
    {'升级': 1, '不变': 1}
    """
    moves = reevaluate_distributors(before, after, weights=weights)["movement"].value_counts()
    order = [m for m in _MOVEMENT_ORDER if m in moves.index]
    return moves.reindex(order).astype(int).rename("家数").rename_axis("变动").to_frame()


def grade_profile_table(
    frame: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    columns: Sequence[str] = ("trainings_attended", "payment_days", "target_attainment"),
) -> pd.DataFrame:
    """The average of other columns per grade, e.g. trainings attended and days to pay.

    Returns
    -------
    pandas.DataFrame
        Index 等级 (A-D that occur): 家数, then the mean of each column (Chinese names for
        the sample's columns; ``target_attainment`` in %), 1 decimal.
    """
    names = {
        "trainings_attended": "平均参加培训次数",
        "payment_days": "平均回款天数",
        "target_attainment": "平均目标达成率（%）",
        "outlets": "平均网点数",
        "sales": "平均销售额（万元）",
    }
    require_columns(frame, list(columns), what="经销商数据 (distributors)")
    grades = evaluate_distributors(frame, weights=weights)["grade"].to_numpy()
    grouped = frame.groupby(grades)
    table = pd.DataFrame({"家数": grouped.size()})
    for column in columns:
        scale = 100 if column == "target_attainment" else 1
        table[names.get(column, column)] = (scale * grouped[column].mean()).round(1)
    table.index.name = "等级"
    return table.loc[[g for g in GRADES if g in table.index]]
