"""Customer groups by needs and value (客户群分类): technical, standard and strategic customers.

The grouping that Huawei's technology and service marketing is known for:

- **技术型客户** (technical): care most about technical needs and product performance;
  served with high-end technical support and complete solutions;
- **标准型客户** (standard): care about price-performance and service quality; served with
  an optimised product mix and dependable service;
- **战略型客户** (strategic): the core customers; served through a long-term partnership and
  customised service.

Markets differ in their mix: a technology-led market (技术导向市场, the course's example is
Europe) has more technical customers, a price-performance market (性价比导向市场, the example
is Africa) more standard customers. :func:`regional_contrast` shows the mix per region.

:class:`CustomerGroupClassifier` applies a **rule table** (:data:`DEFAULT_RULES`) that the user
can read and replace. Each row is one condition ``attribute operator threshold``; rows sharing a
``rule`` number must all hold; rules are tried in increasing ``rule`` order and the first that
holds gives the group; a customer matching no rule gets ``default_group`` (标准型). A threshold
written ``"q0.9"`` is the 90th percentile of the attribute among the customers the classifier is
fitted on, so "the top 10 % by revenue" adapts to the data.

No real Huawei customer data is public: the examples and tests use made-up tables. The default
attributes are ratings on a 1-5 scale (``technical_need``, ``price_sensitivity``,
``strategic_importance``, e.g. from account managers or a needs survey) and ``revenue``.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from custseg.errors import DataError, require_columns

__all__ = [
    "ATTRIBUTE_LABELS",
    "DEFAULT_RULES",
    "GROUPS",
    "GROUP_STRATEGIES",
    "CustomerGroupClassifier",
    "regional_contrast",
]

GROUPS = ("技术型", "标准型", "战略型")
"""The three customer groups."""

GROUP_STRATEGIES = {
    "技术型": "提供高端技术支持和整体解决方案：技术专家团队对接，联合测试与研发，优先试用新产品",
    "标准型": "优化产品组合、突出性价比，保证服务质量：标准化方案、快速交付、可靠的售后服务",
    "战略型": "建立长期合作伙伴关系，提供定制化服务：高层互访、专属客户团队、共同制定发展规划",
}
"""Recommended strategy for each group."""

ATTRIBUTE_LABELS = {
    "technical_need": "技术需求",
    "price_sensitivity": "价格敏感度",
    "strategic_importance": "战略重要性",
    "revenue": "收入贡献",
}
"""Chinese name of each default attribute, used in the reasons."""

DEFAULT_RULES = pd.DataFrame(
    {
        "rule": [1, 2, 3, 3],
        "group": ["战略型", "战略型", "技术型", "技术型"],
        "attribute": ["revenue", "strategic_importance", "technical_need", "price_sensitivity"],
        "operator": [">=", ">=", ">=", "<"],
        "threshold": ["q0.9", 4.5, 3.5, 3.5],
    }
)
"""Default rule table: strategic if in the top 10 % by revenue or rated at least 4.5 in
strategic importance; technical if technical need is at least 3.5 while price sensitivity is
below 3.5; otherwise standard (the default group)."""

_OPERATORS = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}
_RULE_COLUMNS = ["rule", "group", "attribute", "operator", "threshold"]


def _attribute_name(attribute: str) -> str:
    label = ATTRIBUTE_LABELS.get(attribute)
    return f"{label} {attribute}" if label else str(attribute)


def _threshold(value: object, values: np.ndarray, row: int) -> tuple[float, str]:
    """A numeric threshold and how to show it; ``"q0.9"`` is a quantile of ``values``."""
    if isinstance(value, str) and value.startswith("q"):
        try:
            level = float(value[1:])
        except ValueError:
            level = np.nan
        if not 0 <= level <= 1:
            raise DataError(
                f"规则表第 {row} 行的阈值 (threshold) {value!r} 无效：分位数写成 'q0.9'，在 0 到 1 之间"
            )
        return float(np.quantile(values, level)), f"（前 {1 - level:.0%} 分界）"
    try:
        return float(value), ""
    except (TypeError, ValueError):
        raise DataError(
            f"规则表第 {row} 行的阈值 (threshold) {value!r} 不是数字或分位数 (e.g. 3.5, 'q0.9')"
        ) from None


class CustomerGroupClassifier(BaseEstimator):
    """Rule-based classifier of customers into 技术型 / 标准型 / 战略型 groups.

    Parameters
    ----------
    rules : pandas.DataFrame, optional
        The rule table, columns ``rule``, ``group``, ``attribute``, ``operator`` (one of
        ``>=``, ``>``, ``<=``, ``<``, ``==``) and ``threshold`` (a number, or ``"q0.9"`` for a
        quantile of the fitted data). Default :data:`DEFAULT_RULES`.
    default_group : str, default "标准型"
        The group of customers no rule matches.
    strategies : mapping, optional
        Recommended strategy per group; default :data:`GROUP_STRATEGIES`. Every group of the
        rules (and the default group) needs one.

    Attributes
    ----------
    rules_ : pandas.DataFrame
        The rule table sorted by ``rule``, with the numeric ``threshold_value`` used.
    groups_ : list of str
        The groups that can be assigned.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({
    ...     "technical_need": [4.5, 2.0, 3.0, 4.0],
    ...     "price_sensitivity": [2.0, 4.5, 3.0, 2.5],
    ...     "strategic_importance": [3.0, 2.0, 5.0, 2.0],
    ...     "revenue": [120.0, 80.0, 300.0, 900.0],
    ... }, index=["柏林电信", "拉各斯运营商", "内罗毕电力", "巴黎银行"])
    >>> model = CustomerGroupClassifier().fit(customers)
    >>> model.predict(customers).tolist()
    ['技术型', '标准型', '战略型', '战略型']
    >>> print(model.explain(customers).loc["柏林电信", "reason"])
    规则 3：技术需求 technical_need = 4.5 >= 3.5；价格敏感度 price_sensitivity = 2 < 3.5
    """

    def __init__(
        self,
        rules: pd.DataFrame | None = None,
        *,
        default_group: str = "标准型",
        strategies: Mapping[str, str] | None = None,
    ):
        self.rules = rules
        self.default_group = default_group
        self.strategies = strategies

    def fit(self, X: pd.DataFrame, y: object = None) -> CustomerGroupClassifier:
        """Check the rule table against ``X`` and fix the quantile thresholds.

        Parameters
        ----------
        X : pandas.DataFrame
            One row per customer, with the attributes the rules use.
        y : ignored

        Returns
        -------
        CustomerGroupClassifier
            The fitted classifier (self).

        Raises
        ------
        DataError
            A rule table without its columns, an unknown operator, a bad threshold, a group
            without a strategy (naming the row), or an attribute missing from ``X`` or not
            numeric.
        """
        rules = DEFAULT_RULES if self.rules is None else self.rules
        require_columns(rules, _RULE_COLUMNS, what="规则表 (rules)")
        if len(rules) == 0:
            raise DataError("规则表 (rules) 是空的")
        strategies = dict(GROUP_STRATEGIES if self.strategies is None else self.strategies)
        require_columns(X, rules["attribute"].unique(), what="客户数据 (customers)")
        if len(X) == 0:
            raise DataError("没有任何客户 (no customers)")
        table = rules[_RULE_COLUMNS].reset_index(drop=True).copy()
        values = []
        shown = []
        for row, condition in table.iterrows():
            if condition["operator"] not in _OPERATORS:
                raise DataError(
                    f"规则表第 {row} 行的运算符 (operator) {condition['operator']!r} 无效；"
                    f"可选: {list(_OPERATORS)}"
                )
            if condition["group"] not in strategies:
                raise DataError(
                    f"规则表第 {row} 行的客户群 (group) {condition['group']!r} 没有对应的策略 "
                    f"(strategies)；已有: {list(strategies)}"
                )
            data = self._numbers(X, condition["attribute"])
            value, note = _threshold(condition["threshold"], data, row)
            values.append(value)
            shown.append(note)
        if self.default_group not in strategies:
            raise DataError(f"默认客户群 (default_group) {self.default_group!r} 没有对应的策略")
        table["threshold_value"] = values
        table["threshold_note"] = shown
        self.rules_ = table.sort_values("rule", kind="stable").reset_index(drop=True)
        self.strategies_ = strategies
        groups = list(dict.fromkeys([*self.rules_["group"], self.default_group]))
        self.groups_ = [g for g in GROUPS if g in groups] + [g for g in groups if g not in GROUPS]
        return self

    @staticmethod
    def _numbers(X: pd.DataFrame, column: str) -> np.ndarray:
        values = pd.to_numeric(X[column], errors="coerce")
        bad = values.isna().to_numpy()
        if bad.any():
            row = X.index[np.flatnonzero(bad)[0]]
            raise DataError(
                f"列 {column!r} 有缺失或不是数字的值 (missing or non-numeric)："
                f"索引 (index) {row!r}，值 (value) {X[column].loc[row]!r}"
            )
        return values.to_numpy(dtype=float)

    def explain(self, X: pd.DataFrame) -> pd.DataFrame:
        """Group, the rule that gave it, the reason and the strategy of every customer.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``X``: ``group``, ``rule`` (number of the matching rule, ``<NA>`` for
            the default group), ``reason`` (the conditions that held, in Chinese) and
            ``strategy``.
        """
        check_is_fitted(self, "rules_")
        require_columns(X, self.rules_["attribute"].unique(), what="客户数据 (customers)")
        n = len(X)
        group = np.full(n, self.default_group, dtype=object)
        matched = np.zeros(n, dtype=bool)
        rule_of = np.full(n, -1)
        reason = np.full(n, f"未满足任何规则，归入默认客户群 {self.default_group}", dtype=object)
        for number, conditions in self.rules_.groupby("rule", sort=True):
            holds = np.ones(n, dtype=bool)
            parts = []
            for _, condition in conditions.iterrows():
                values = self._numbers(X, condition["attribute"])
                test = _OPERATORS[condition["operator"]]
                holds &= test(values, condition["threshold_value"])
                parts.append((condition, values))
            new = holds & ~matched
            for i in np.flatnonzero(new):
                text = "；".join(
                    f"{_attribute_name(c['attribute'])} = {v[i]:.4g} {c['operator']} "
                    f"{c['threshold_value']:.4g}{c['threshold_note']}"
                    for c, v in parts
                )
                reason[i] = f"规则 {number}：{text}"
            group[new] = conditions["group"].iloc[0]
            rule_of[new] = number
            matched |= new
        table = pd.DataFrame(
            {
                "group": group,
                "rule": pd.array(np.where(rule_of >= 0, rule_of, None), dtype="Int64"),
                "reason": reason,
            },
            index=X.index,
        )
        table["strategy"] = table["group"].map(self.strategies_)
        return table

    def predict(self, X: pd.DataFrame) -> pd.Series:
        """The group of every customer, indexed like ``X``."""
        return self.explain(X)["group"].rename("group")


def regional_contrast(
    frame: pd.DataFrame,
    groups: pd.Series | str,
    *,
    region_col: str = "region",
    order: tuple[str, ...] = GROUPS,
) -> pd.DataFrame:
    """Share of each customer group per region: the regional contrast.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer, with ``region_col``.
    groups : pandas.Series or str
        The group of each customer (aligned with ``frame``), or the name of its column.
    region_col : str, default "region"
        The region column.
    order : tuple of str, default GROUPS
        Column order of the groups; groups not listed come after.

    Returns
    -------
    pandas.DataFrame
        One row per region (sorted), one share column per group (rows sum to 1), then
        ``customers`` (count) and ``dominant`` (the most common group; 主导客户群).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"region": ["欧洲"] * 3 + ["非洲"] * 3,
    ...     "group": ["技术型", "技术型", "战略型", "标准型", "标准型", "技术型"]})
    >>> regional_contrast(customers, "group")
              技术型  标准型  战略型  customers dominant
    region
    欧洲  0.666667  0.000000  0.333333          3      技术型
    非洲  0.333333  0.666667  0.000000          3      标准型
    """
    require_columns(frame, [region_col], what="客户数据 (customers)")
    if isinstance(groups, str):
        require_columns(frame, [groups], what="客户数据 (customers)")
        groups = frame[groups]
    if len(groups) != len(frame):
        raise DataError(
            f"客户群 (groups) 有 {len(groups)} 行，客户数据有 {len(frame)} 行 (lengths differ)"
        )
    labels = pd.Series(np.asarray(groups), index=frame.index, name="group")
    if labels.isna().any() or frame[region_col].isna().any():
        raise DataError(f"客户群 (group) 或地区 ({region_col}) 有缺失值 (missing values)")
    counts = pd.crosstab(frame[region_col], labels)
    counts = counts.reindex(columns=list(dict.fromkeys([*order, *counts.columns])), fill_value=0)
    customers = counts.sum(axis=1)
    table = counts.div(customers, axis=0)
    table.columns.name = None
    table["customers"] = customers
    table["dominant"] = counts.idxmax(axis=1)
    table.index.name = region_col
    return table.sort_index()
