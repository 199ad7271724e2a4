"""Customer value tiers and customer selection (客户价值分层与客户选择): a weighted scorecard.

Three criteria decide which customers deserve attention first:

- **潜在价值** (potential value): the revenue a customer can still bring, for example the CLV
  forecast of :mod:`custseg.clv` (``GammaGammaModel.customer_lifetime_value``);
- **忠诚度** (loyalty): how attached the customer is, for example the number of purchases,
  the years as a customer, or the share of wallet;
- **支付能力** (payment ability): whether the customer can and does pay, preferring those who
  pay on time, for example the share of invoices paid on time, or a balance.

:class:`CustomerScorecard` takes one column per criterion (any numeric column, computed by the
caller), turns each into a 0-100 score by its percentile among the customers it was fitted on,
adds the scores with the weights the user sets, puts each customer in a value tier
(核心客户 / 重要客户 / 普通客户 / 观察客户) and writes, for each customer, the reasons of
the score in Chinese. More or other criteria work the same way: name them in ``columns``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from custseg.errors import DataError, ParameterError, require_columns

__all__ = [
    "CRITERIA_LABELS",
    "DEFAULT_WEIGHTS",
    "TIER_LABELS",
    "CustomerScorecard",
    "criteria_spread",
    "criterion_label",
    "select_customers",
    "selection_criteria",
    "tier_table",
]

CRITERIA_LABELS = {
    "potential_value": "潜在价值",
    "loyalty": "忠诚度",
    "payment_ability": "支付能力",
}
"""Chinese name of each standard criterion; other criteria are shown by their own name."""

DEFAULT_WEIGHTS = {"potential_value": 0.5, "loyalty": 0.3, "payment_ability": 0.2}
"""Default weights of the three standard criteria."""

TIER_LABELS = ("核心客户", "重要客户", "普通客户", "观察客户")
"""Value tiers from the highest total score down; ``tier_cuts`` separates them."""


def criterion_label(criterion: str) -> str:
    """The Chinese name of a criterion, or the name itself when it is not a standard one.

    Examples
    --------
    >>> criterion_label("loyalty"), criterion_label("增长潜力")
    ('忠诚度', '增长潜力')
    """
    return CRITERIA_LABELS.get(criterion, criterion)


def _level(score: float) -> str:
    if score >= 70:
        return "高"
    if score >= 30:
        return "中"
    return "低"


class CustomerScorecard(BaseEstimator):
    """Weighted scorecard for customer selection, with value tiers and reasons.

    Parameters
    ----------
    columns : mapping of str to str, optional
        Criterion name to the column holding it. Default: each of ``potential_value``,
        ``loyalty`` and ``payment_ability`` read from the column of the same name.
    weights : mapping of str to float, optional
        Criterion name to its weight (non-negative, not all zero; rescaled to sum to 1).
        Default :data:`DEFAULT_WEIGHTS` for the standard criteria, equal weights otherwise.
    lower_is_better : sequence of str, default ()
        Criteria where a smaller value is better (e.g. average days late in paying).
    tier_cuts : sequence of float, default (80, 60, 40)
        Total scores (0-100) where 核心客户, 重要客户 and 普通客户 begin; below the last is
        观察客户. Must decrease.

    Attributes
    ----------
    criteria_ : list of str
        The criteria, in the order of ``columns``.
    columns_ : dict
        Criterion to column.
    weights_ : pandas.Series
        The weights used, summing to 1.
    reference_ : dict of str to numpy.ndarray
        The sorted values of each criterion among the fitted customers, the yardstick of
        the percentile scores.

    Notes
    -----
    The score of a value ``x`` on a criterion is ``100 * share of fitted customers with a
    value <= x`` (``>= x`` when lower is better): the percentile rank, robust to skewed
    values such as CLV. The total score is the weighted sum of the criterion scores.
    Scoring new customers with a scorecard fitted on last year's customers keeps the same
    yardstick.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({
    ...     "potential_value": [900.0, 300.0, 50.0, 600.0],
    ...     "loyalty": [12, 3, 1, 8],
    ...     "payment_ability": [1.0, 0.5, 0.9, 0.6],
    ... }, index=pd.Index(["甲", "乙", "丙", "丁"], name="customer_id"))
    >>> card = CustomerScorecard().fit(customers)
    >>> card.shortlist(customers, top=2)[["rank", "total_score", "tier"]]
                 rank  total_score  tier
    customer_id
    甲               1        100.0  核心客户
    丁               2         70.0  重要客户
    >>> print(card.evaluate(customers).loc["丁", "reasons"])
    潜在价值高（75 分 × 50%）；忠诚度高（75 分 × 30%）；支付能力中（50 分 × 20%）
    """

    def __init__(
        self,
        columns: Mapping[str, str] | None = None,
        *,
        weights: Mapping[str, float] | None = None,
        lower_is_better: Sequence[str] = (),
        tier_cuts: Sequence[float] = (80.0, 60.0, 40.0),
    ):
        self.columns = columns
        self.weights = weights
        self.lower_is_better = lower_is_better
        self.tier_cuts = tier_cuts

    def _values(self, frame: pd.DataFrame, criterion: str) -> np.ndarray:
        column = self.columns_[criterion]
        raw = frame[column]
        values = pd.to_numeric(raw.astype(float) if raw.dtype == bool else raw, errors="coerce")
        bad = values.isna() | ~np.isfinite(values.astype(float))
        if bad.any():
            row = values.index[bad.to_numpy()][0]
            raise DataError(
                f"列 {column!r}（{criterion_label(criterion)}）有缺失或不是数字的值 "
                f"(missing or non-numeric)：索引 (index) {row!r}，值 (value) {raw.loc[row]!r}"
            )
        return values.to_numpy(dtype=float)

    def fit(self, X: pd.DataFrame, y: object = None) -> CustomerScorecard:
        """Check the settings and learn each criterion's yardstick from ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the criterion columns.
        y : ignored

        Returns
        -------
        CustomerScorecard
            The fitted scorecard (self).

        Raises
        ------
        DataError
            A missing column, a missing or non-numeric value (naming the row), no customer.
        ParameterError
            Bad weights, ``lower_is_better`` or ``tier_cuts``.
        """
        columns = dict(self.columns) if self.columns is not None else None
        if columns is None:
            columns = {name: name for name in CRITERIA_LABELS}
        if not columns:
            raise ParameterError("至少需要一个评分标准 (columns must not be empty)")
        criteria = list(columns)
        if self.weights is None:
            if set(criteria) == set(DEFAULT_WEIGHTS):
                raw_weights = {name: DEFAULT_WEIGHTS[name] for name in criteria}
            else:
                raw_weights = dict.fromkeys(criteria, 1.0)
        else:
            raw_weights = dict(self.weights)
        unknown = sorted(set(raw_weights) ^ set(criteria))
        if unknown:
            raise ParameterError(
                f"权重 (weights) 与评分标准 (columns) 不一致 (mismatch): {unknown}；"
                f"评分标准为 {criteria}"
            )
        weights = pd.Series({name: float(raw_weights[name]) for name in criteria}, name="weight")
        if (weights < 0).any() or not np.isfinite(weights).all() or weights.sum() <= 0:
            raise ParameterError(f"权重 (weights) 必须非负且不全为 0: {dict(weights)}")
        unknown = sorted(set(self.lower_is_better) - set(criteria))
        if unknown:
            raise ParameterError(
                f"lower_is_better 中的标准不在 columns 中 (unknown criteria): {unknown}"
            )
        cuts = [float(c) for c in self.tier_cuts]
        if len(cuts) != len(TIER_LABELS) - 1 or sorted(cuts, reverse=True) != cuts:
            raise ParameterError(
                f"tier_cuts 需要 {len(TIER_LABELS) - 1} 个递减的分数 (decreasing scores): "
                f"{list(self.tier_cuts)}"
            )
        require_columns(X, columns.values(), what="客户数据 (customers)")
        if len(X) == 0:
            raise DataError("没有任何客户 (no customers)")
        self.columns_ = columns
        self.criteria_ = criteria
        self.weights_ = weights / weights.sum()
        self.tier_cuts_ = cuts
        self.reference_ = {name: np.sort(self._values(X, name)) for name in criteria}
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """The 0-100 score of every customer on every criterion.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the criterion columns.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``X``, one column per criterion.
        """
        check_is_fitted(self, "reference_")
        require_columns(X, self.columns_.values(), what="客户数据 (customers)")
        scores = {}
        for name in self.criteria_:
            reference = self.reference_[name]
            values = self._values(X, name)
            if name in self.lower_is_better:
                share = 1 - np.searchsorted(reference, values, side="left") / len(reference)
            else:
                share = np.searchsorted(reference, values, side="right") / len(reference)
            scores[name] = 100 * share
        return pd.DataFrame(scores, index=X.index)

    def _reasons(self, scores: pd.DataFrame) -> list[str]:
        weights = self.weights_.to_numpy()
        contribution = scores.to_numpy() * weights
        order = np.argsort(-contribution, axis=1, kind="stable")
        texts = []
        for row, ranks in zip(scores.to_numpy(), order, strict=True):
            parts = [
                f"{criterion_label(self.criteria_[j])}{_level(row[j])}"
                f"（{row[j]:.0f} 分 × {weights[j]:.0%}）"
                for j in ranks
                if weights[j] > 0
            ]
            texts.append("；".join(parts))
        return texts

    def evaluate(self, X: pd.DataFrame) -> pd.DataFrame:
        """Score, tier, rank and reasons of every customer, best first.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the criterion columns.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``X``, sorted by ``total_score`` (highest first; ties keep the
            input order), with one ``score_<criterion>`` column per criterion, ``total_score``
            (0-100), ``tier`` (value tier), ``rank`` (1 = best) and ``reasons`` (the criteria
            from the largest weighted contribution down, each with its level 高 / 中 / 低,
            score and weight).
        """
        scores = self.transform(X)
        total = scores.to_numpy() @ self.weights_.to_numpy()
        table = scores.add_prefix("score_")
        table["total_score"] = np.round(total, 10)
        cuts = self.tier_cuts_
        tier_index = np.searchsorted(-np.asarray(cuts), -table["total_score"].to_numpy(), "left")
        table["tier"] = np.asarray(TIER_LABELS)[tier_index]
        table["reasons"] = self._reasons(scores)
        table = table.iloc[np.argsort(-table["total_score"].to_numpy(), kind="stable")]
        table.insert(0, "rank", np.arange(1, len(table) + 1))
        return table

    def predict(self, X: pd.DataFrame) -> pd.Series:
        """The value tier of every customer, in the order of ``X``.

        Returns
        -------
        pandas.Series
            核心客户, 重要客户, 普通客户 or 观察客户, indexed like ``X``.
        """
        return self.evaluate(X)["tier"].reindex(X.index).rename("tier")

    def shortlist(
        self, X: pd.DataFrame, *, top: int | None = 20, min_score: float | None = None
    ) -> pd.DataFrame:
        """The ranked shortlist: the best ``top`` customers, optionally above ``min_score``.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the criterion columns.
        top : int or None, default 20
            How many customers to keep; None keeps all that pass ``min_score``.
        min_score : float, optional
            Keep only customers with at least this total score.

        Returns
        -------
        pandas.DataFrame
            The first rows of :meth:`evaluate`.
        """
        if top is not None and (int(top) != top or top < 1):
            raise ParameterError(f"top 必须是正整数 (positive integer): {top!r}")
        table = self.evaluate(X)
        if min_score is not None:
            table = table[table["total_score"] >= float(min_score)]
        return table if top is None else table.head(int(top))


CRITERIA_MEASURES = {
    "potential_value": "未来 12 个月预测客户终身价值（第 5 讲的模型）",
    "loyalty": "至今的订单数",
    "payment_ability": "平均客单价（平均每笔订单的金额）",
}
"""What :func:`selection_criteria` measures each standard criterion by, in Chinese."""


def selection_criteria(transactions: Any, *, months: int = 12) -> pd.DataFrame:
    """The three selection criteria of every customer, from the transactions alone.

    - ``potential_value``: the predicted CLV over the next ``months``
      (:func:`custseg.clv_tables.clv_values`);
    - ``loyalty``: the number of orders so far;
    - ``payment_ability``: the average order value. Order data hold no payment records;
      a customer who places large orders has shown the means to pay for them. Scored by
      its percentile, it spreads the customers over the whole 0-100 range. (The share of
      orders not cancelled, used before, is 1 for most customers, so most of them got the
      same top score and the criterion told them apart for nobody.) With receivables,
      use days late or the share of invoices paid on time instead.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id, the columns ``potential_value``, ``loyalty`` and
        ``payment_ability``, ready for :class:`CustomerScorecard` and the widget.
    """
    from custseg.clv import historic_clv
    from custseg.clv_tables import clv_values

    values = clv_values(transactions, months=months)
    history = historic_clv(transactions).reindex(values.index)
    return pd.DataFrame(
        {
            "potential_value": values["clv"].round(2),
            "loyalty": history["orders"],
            "payment_ability": history["average_order_value"].round(2),
        },
        index=values.index,
    )


def criteria_spread(criteria: pd.DataFrame) -> pd.DataFrame:
    """How well each criterion tells customers apart, in Chinese.

    A criterion on which most customers share the largest value gives them all the same
    top score: it cannot separate them. This table shows, per criterion, what it is measured
    by, its median and range and the share of customers tied at the largest value.

    Examples
    --------
    >>> frame = pd.DataFrame({"loyalty": [1, 2, 9, 9], "payment_ability": [1.0, 1.0, 1.0, 0.5]})
    >>> criteria_spread(frame)[["中位数", "与最高值并列的客户占比"]]
              中位数 与最高值并列的客户占比
    评分标准
    忠诚度   5.5       50.0%
    支付能力  1.0       75.0%
    """
    rows = {}
    for column in criteria.columns:
        values = pd.to_numeric(criteria[column], errors="coerce")
        rows[criterion_label(column)] = {
            "衡量方法": CRITERIA_MEASURES.get(column, column),
            "最小": round(float(values.min()), 2),
            "中位数": round(float(values.median()), 2),
            "最大": round(float(values.max()), 2),
            "与最高值并列的客户占比": f"{float((values == values.max()).mean()):.1%}",
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "评分标准"
    return table


def _weights(potential_value: float, loyalty: float, payment_ability: float) -> dict[str, float]:
    return {
        "potential_value": potential_value,
        "loyalty": loyalty,
        "payment_ability": payment_ability,
    }


def select_customers(
    criteria: pd.DataFrame,
    *,
    potential_value: float = 50,
    loyalty: float = 30,
    payment_ability: float = 20,
    top: int = 10,
) -> pd.DataFrame:
    """The shortlist of the ``top`` customers for the weights given, in Chinese.

    Parameters
    ----------
    criteria : pandas.DataFrame
        From :func:`selection_criteria`.
    potential_value, loyalty, payment_ability : float
        The weights (any non-negative numbers, rescaled to sum to 100 %), as on the
        widget's sliders; default 50 / 30 / 20.
    top : int, default 10
        Length of the shortlist.

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户编号: 名次, one 0-100 score per criterion, 总分, 层级 and 理由.

    Examples
    --------
    >>> frame = pd.DataFrame({"potential_value": [900.0, 300.0, 50.0],
    ...     "loyalty": [12, 3, 1], "payment_ability": [80.0, 50.0, 90.0]},
    ...     index=pd.Index(["甲", "乙", "丙"], name="customer_id"))
    >>> select_customers(frame, top=2)[["名次", "总分", "层级"]]
          名次     总分    层级
    客户编号
    甲      1   93.3  核心客户
    乙      2   60.0  重要客户
    """
    card = CustomerScorecard(weights=_weights(potential_value, loyalty, payment_ability)).fit(
        criteria
    )
    chosen = card.shortlist(criteria, top=top)
    table = pd.DataFrame({"名次": chosen["rank"]}, index=chosen.index)
    for name in card.criteria_:
        table[f"{criterion_label(name)}分"] = chosen[f"score_{name}"].round(1)
    table["总分"] = chosen["total_score"].round(1)
    table["层级"] = chosen["tier"]
    table["理由"] = chosen["reasons"]
    table.index.name = "客户编号"
    return table


def tier_table(
    criteria: pd.DataFrame,
    *,
    potential_value: float = 50,
    loyalty: float = 30,
    payment_ability: float = 20,
) -> pd.DataFrame:
    """How many customers each value tier gets for the weights given, in Chinese.

    Examples
    --------
    >>> frame = pd.DataFrame({"potential_value": [900.0, 300.0, 50.0],
    ...     "loyalty": [12, 3, 1], "payment_ability": [80.0, 50.0, 90.0]})
    >>> tier_table(frame)
          客户数    占比
    层级
    核心客户    1  33.3%
    重要客户    1  33.3%
    普通客户    1  33.3%
    观察客户    0   0.0%
    """
    card = CustomerScorecard(weights=_weights(potential_value, loyalty, payment_ability)).fit(
        criteria
    )
    counts = card.predict(criteria).value_counts().reindex(list(TIER_LABELS), fill_value=0)
    table = pd.DataFrame(
        {"客户数": counts.to_numpy(), "占比": [f"{n / len(criteria):.1%}" for n in counts]},
        index=pd.Index(TIER_LABELS, name="层级"),
    )
    return table
