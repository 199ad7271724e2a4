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
from sklearn.base import BaseEstimator, TransformerMixin

from custseg.deprecation import warn_renamed
from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import check_fitted, record_input_columns, validate_parameters
from custseg.frames import canonical_columns, columns_as_given
from custseg.scorecard import (
    decreasing_cuts,
    level_of,
    numeric_column,
    percentile_scores,
    scorecard_weights,
)

__all__ = [
    "CRITERIA_LABELS",
    "DEFAULT_WEIGHTS",
    "TIER_LABELS",
    "CustomerScorecard",
    "criteria_spread",
    "criterion_label",
    "select_customers",
    "selection_criteria",
    "shortlist_table",
    "tier_counts",
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


class CustomerScorecard(TransformerMixin, BaseEstimator):
    """Weighted scorecard for customer selection, with value tiers and reasons.

    Parameters
    ----------
    criterion_cols : mapping of str to str, optional
        Criterion name to the column of your data holding it, e.g.
        ``{"potential_value": "潜在价值"}``. Default: each of ``potential_value``,
        ``loyalty`` and ``payment_ability`` read from the column of the same name.
    weights : mapping of str to float, optional
        Criterion name to its weight (non-negative, not all zero; rescaled to sum to 1).
        Default :data:`DEFAULT_WEIGHTS` for the standard criteria, equal weights otherwise.
    lower_is_better : sequence of str, default ()
        Criteria where a smaller value is better (e.g. average days late in paying).
    tier_cuts : sequence of float, default (80, 60, 40)
        Total scores (0-100) where 核心客户, 重要客户 and 普通客户 begin; below the last is
        观察客户. Must decrease.
    columns : mapping of str to str, optional
        Deprecated name of ``criterion_cols`` (works, with a :class:`DeprecationWarning`).

    Attributes
    ----------
    criteria_ : list of str
        The criteria, in the order of ``criterion_cols``.
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

    _parameter_constraints: dict = {
        "criterion_cols": [Mapping, None],
        "weights": [Mapping, None],
        "lower_is_better": ["array-like"],
        "tier_cuts": ["array-like"],
        "columns": [Mapping, None],
    }

    def __init__(
        self,
        criterion_cols: Mapping[str, str] | None = None,
        *,
        weights: Mapping[str, float] | None = None,
        lower_is_better: Sequence[str] = (),
        tier_cuts: Sequence[float] = (80.0, 60.0, 40.0),
        columns: Mapping[str, str] | None = None,
    ):
        self.criterion_cols = criterion_cols
        self.weights = weights
        self.lower_is_better = lower_is_better
        self.tier_cuts = tier_cuts
        self.columns = columns

    def _values(self, frame: pd.DataFrame, criterion: str) -> np.ndarray:
        return numeric_column(frame, self.columns_[criterion], label=criterion_label(criterion))

    def fit(self, X: pd.DataFrame, y: object = None) -> CustomerScorecard:
        """Check the settings and learn each criterion's yardstick from ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the criterion columns. Not modified.
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
        validate_parameters(self)
        given = self.criterion_cols
        if self.columns is not None:
            warn_renamed("CustomerScorecard(columns=)", "CustomerScorecard(criterion_cols=)")
            if given is not None:
                raise ParameterError(
                    "criterion_cols 和旧名 columns 只能给一个 "
                    "(give criterion_cols only; columns is its old name)"
                )
            given = self.columns
        columns = dict(given) if given is not None else {name: name for name in CRITERIA_LABELS}
        if not columns:
            raise ParameterError("至少需要一个评分标准 (criterion_cols must not be empty)")
        criteria = list(columns)
        weights = scorecard_weights(self.weights, criteria, default=DEFAULT_WEIGHTS)
        unknown = sorted(set(self.lower_is_better) - set(criteria))
        if unknown:
            raise ParameterError(
                f"lower_is_better 中的标准不在 criterion_cols 中 (unknown criteria): {unknown}"
            )
        cuts = decreasing_cuts(self.tier_cuts, levels=len(TIER_LABELS), name="tier_cuts")
        require_columns(X, columns.values(), what="客户数据 (customers)")
        if len(X) == 0:
            raise DataError("没有任何客户 (no customers)")
        self.columns_ = columns
        self.criteria_ = criteria
        self.weights_ = weights
        self.tier_cuts_ = cuts
        self.reference_ = {name: np.sort(self._values(X, name)) for name in criteria}
        record_input_columns(self, X)
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
        check_fitted(self, "reference_")
        require_columns(X, self.columns_.values(), what="客户数据 (customers)")
        scores = {
            name: percentile_scores(
                self.reference_[name],
                self._values(X, name),
                lower_is_better=name in self.lower_is_better,
            )
            for name in self.criteria_
        }
        return pd.DataFrame(scores, index=X.index)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the columns :meth:`transform` returns: one per criterion.

        Parameters
        ----------
        input_features : list of str, optional
            Ignored: the output columns do not depend on the input's names.

        Returns
        -------
        numpy.ndarray of str
        """
        check_fitted(self, "reference_")
        return np.asarray(list(self.criteria_), dtype=object)

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
            The customers to rank: the criterion columns, as for ``fit``.

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
        table["tier"] = level_of(table["total_score"], self.tier_cuts_, TIER_LABELS)
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


def selection_criteria(
    transactions: Any,
    *,
    months: int = 12,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
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

    Parameters
    ----------
    transactions : pandas.DataFrame
        Cleaned order lines (:func:`custseg.transactions.clean_transactions`). Not modified.
    months : int, default 12
        How far ahead the CLV is predicted.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, when they are not the canonical ones. An order is a distinct invoice of the
        customer; without an invoice column, each distinct purchase time counts as one.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id, the columns ``potential_value``, ``loyalty`` and
        ``payment_ability``, ready for :class:`CustomerScorecard` and the widget.

    Raises
    ------
    DataError
        A missing column or a bad value, named as in ``transactions``.
    """
    from custseg.clv import historic_clv
    from custseg.clv_tables import clv_values

    names = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    with columns_as_given(**names):
        lines = canonical_columns(transactions, **names)
        values = clv_values(lines, months=months)
        history = historic_clv(lines).reindex(values.index)
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


def _fitted(criteria: pd.DataFrame, weights: Mapping[str, float]) -> CustomerScorecard:
    """A scorecard on the columns named by ``weights``, fitted on ``criteria``."""
    columns = {name: name for name in weights}
    return CustomerScorecard(columns, weights=dict(weights)).fit(criteria)


def shortlist_table(
    criteria: pd.DataFrame, weights: Mapping[str, float], *, top: int = 10
) -> pd.DataFrame:
    """The shortlist of the ``top`` customers for any criteria and weights, in Chinese.

    Parameters
    ----------
    criteria : pandas.DataFrame
        One row per customer, one numeric column per criterion.
    weights : mapping of str to float
        Column to weight (non-negative, not all 0; rescaled to sum to 100 %). Every column
        named here is a criterion.
    top : int, default 10
        Length of the shortlist.

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户编号: 名次, one 0-100 score per criterion (``潜在价值分``…), 总分,
        层级 and 理由.

    Raises
    ------
    ParameterError
        Negative weights or all 0.
    DataError
        A column named in ``weights`` is missing or has a bad value.

    Examples
    --------
    >>> frame = pd.DataFrame({"spend": [900.0, 300.0, 50.0], "visits": [1, 9, 4]},
    ...     index=pd.Index(["甲", "乙", "丙"], name="customer_id"))
    >>> shortlist_table(frame, {"spend": 1, "visits": 3}, top=2)[["名次", "总分", "层级"]]
          名次     总分    层级
    客户编号
    乙      1   91.7  核心客户
    丙      2   58.3  普通客户
    """
    card = _fitted(criteria, weights)
    chosen = card.shortlist(criteria, top=top)
    table = pd.DataFrame({"名次": chosen["rank"]}, index=chosen.index)
    for name in card.criteria_:
        table[f"{criterion_label(name)}分"] = chosen[f"score_{name}"].round(1)
    table["总分"] = chosen["total_score"].round(1)
    table["层级"] = chosen["tier"]
    table["理由"] = chosen["reasons"]
    table.index.name = "客户编号"
    return table


def tier_counts(criteria: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """How many customers each value tier gets for any criteria and weights, in Chinese.

    Parameters
    ----------
    criteria : pandas.DataFrame
        One row per customer, one numeric column per criterion.
    weights : mapping of str to float
        Column to weight, as for :func:`shortlist_table`.

    Returns
    -------
    pandas.DataFrame
        Index 层级 (all four tiers, highest first): 客户数 and 占比.

    Examples
    --------
    >>> frame = pd.DataFrame({"spend": [900.0, 300.0, 50.0, 10.0]})
    >>> tier_counts(frame, {"spend": 1})["客户数"].tolist()
    [1, 1, 1, 1]
    """
    tiers = _fitted(criteria, weights).predict(criteria)
    counts = tiers.value_counts().reindex(list(TIER_LABELS), fill_value=0)
    return pd.DataFrame(
        {"客户数": counts.to_numpy(), "占比": [f"{n / len(criteria):.1%}" for n in counts]},
        index=pd.Index(TIER_LABELS, name="层级"),
    )


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
        :func:`shortlist_table` of the three standard criteria.

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
    return shortlist_table(criteria, _weights(potential_value, loyalty, payment_ability), top=top)


def tier_table(
    criteria: pd.DataFrame,
    *,
    potential_value: float = 50,
    loyalty: float = 30,
    payment_ability: float = 20,
) -> pd.DataFrame:
    """How many customers each value tier gets for the weights given, in Chinese.

    :func:`tier_counts` of the three standard criteria.

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
    return tier_counts(criteria, _weights(potential_value, loyalty, payment_ability))
