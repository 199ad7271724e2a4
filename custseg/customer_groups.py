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

from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import check_fitted, validate_parameters
from custseg.scorecard import numeric_column

__all__ = [
    "ATTRIBUTE_LABELS",
    "DEFAULT_RULES",
    "GROUPS",
    "GROUP_NEEDS",
    "GROUP_STRATEGIES",
    "REGIONS",
    "CustomerGroupClassifier",
    "account_groups",
    "example_accounts",
    "group_mix_table",
    "group_rule_table",
    "group_rules",
    "group_rules_by_share",
    "group_strategy_table",
    "region_group_mix",
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
                f"规则表第 {row} 行的阈值 (threshold) {value!r} 无效：分位数写成 'q0.9'，在 0 到 1 之间 (invalid quantile)"
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

    _parameter_constraints: dict = {
        "rules": [pd.DataFrame, None],
        "default_group": [str],
        "strategies": [Mapping, None],
    }

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
        ParameterError
            A parameter of the wrong type, or a default group without a strategy.
        """
        validate_parameters(self)
        rules = DEFAULT_RULES if self.rules is None else self.rules
        require_columns(rules, _RULE_COLUMNS, what="规则表 (rules)")
        if len(rules) == 0:
            raise DataError("规则表 (rules) 是空的 (no rules)")
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
                    f"可选: {list(_OPERATORS)} (unknown operator)"
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
            raise ParameterError(
                f"默认客户群 (default_group) {self.default_group!r} 没有对应的策略 (no strategy for the default group)"
            )
        table["threshold_value"] = values
        table["threshold_note"] = shown
        self.rules_ = table.sort_values("rule", kind="stable").reset_index(drop=True)
        self.strategies_ = strategies
        groups = list(dict.fromkeys([*self.rules_["group"], self.default_group]))
        self.groups_ = [g for g in GROUPS if g in groups] + [g for g in groups if g not in GROUPS]
        return self

    @staticmethod
    def _numbers(X: pd.DataFrame, column: str) -> np.ndarray:
        return numeric_column(X, column, label=ATTRIBUTE_LABELS.get(column))

    def explain(self, X: pd.DataFrame) -> pd.DataFrame:
        """Group, the rule that gave it, the reason and the strategy of every customer.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``X``: ``group``, ``rule`` (number of the matching rule, ``<NA>`` for
            the default group), ``reason`` (the conditions that held, in Chinese) and
            ``strategy``.
        """
        check_fitted(self, "rules_")
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


# ----------------------------------------------------------------------------- course tables

REGIONS = ("欧洲", "非洲")
"""The regions of :func:`example_accounts`."""

GROUP_NEEDS = {
    "技术型": "技术需求和产品性能",
    "标准型": "性价比和服务质量",
    "战略型": "长期合作、共同发展",
}
"""What each group cares about most."""


def example_accounts(per_region: int = 80, *, seed: int = 8) -> pd.DataFrame:
    """Simulated business accounts in two regions (模拟数据), for practising the group rules.

    No real account data of any company is public. This table is drawn from fixed random
    distributions (the same table for the same ``seed``): ``per_region`` accounts in 欧洲 and
    in 非洲, each with three 1-5 ratings in half points that account managers might give
    (``technical_need``, ``price_sensitivity``, ``strategic_importance``) and the yearly
    ``revenue`` (万元). The simulation assumes, as the course material describes, that
    European accounts ask more of the technology on average and African accounts weigh
    price more; which group **dominates** each region, and by how much, depends on the
    rules applied to it and is not stored anywhere in the table.

    Returns
    -------
    pandas.DataFrame
        Index ``account_id`` (``"EU001"`` …, ``"AF001"`` …); columns ``region``,
        ``technical_need``, ``price_sensitivity``, ``strategic_importance``, ``revenue``.

    Examples
    --------
    >>> accounts = example_accounts()
    >>> accounts["region"].value_counts().to_dict()
    {'欧洲': 80, '非洲': 80}
    >>> float(accounts["technical_need"].min()) >= 1.0, float(accounts["technical_need"].max()) <= 5
    (True, True)
    """
    if isinstance(per_region, bool) or not isinstance(per_region, int) or per_region < 1:
        raise ParameterError(
            f"per_region 应为正整数，收到 {per_region!r} (must be a positive integer)"
        )
    rng = np.random.default_rng(seed)

    def rating(mean: float) -> np.ndarray:
        return np.clip(np.round(rng.normal(mean, 0.8, per_region) * 2) / 2, 1, 5)

    parts = []
    for region, code, technical, price in (("欧洲", "EU", 3.9, 2.9), ("非洲", "AF", 2.8, 4.0)):
        parts.append(
            pd.DataFrame(
                {
                    "region": region,
                    "technical_need": rating(technical),
                    "price_sensitivity": rating(price),
                    "strategic_importance": rating(2.8),
                    "revenue": np.round(rng.lognormal(4.5, 0.8, per_region), 1),
                },
                index=[f"{code}{i:03d}" for i in range(1, per_region + 1)],
            )
        )
    return pd.concat(parts).rename_axis("account_id")


def group_rules(
    *,
    revenue_quantile: float = 0.9,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
) -> pd.DataFrame:
    """The rule table of :data:`DEFAULT_RULES` with other thresholds.

    Strategic (战略型) if revenue is in the top ``1 - revenue_quantile`` or the strategic
    importance is at least ``strategic_min``; technical (技术型) if the technical need is at
    least ``technical_min`` while the price sensitivity is below ``price_max``; otherwise
    standard (标准型).

    Examples
    --------
    >>> group_rules().equals(DEFAULT_RULES)
    True
    >>> group_rules(technical_min=4.0)["threshold"].tolist()
    ['q0.9', 4.5, 4.0, 3.5]
    """
    if not 0 <= revenue_quantile <= 1:
        raise ParameterError(
            f"revenue_quantile 须在 0 到 1 之间：收到 {revenue_quantile!r} (must be between 0 and 1)"
        )
    return pd.DataFrame(
        {
            "rule": [1, 2, 3, 3],
            "group": ["战略型", "战略型", "技术型", "技术型"],
            "attribute": ["revenue", "strategic_importance", "technical_need", "price_sensitivity"],
            "operator": [">=", ">=", ">=", "<"],
            "threshold": [
                f"q{float(revenue_quantile):g}",
                float(strategic_min),
                float(technical_min),
                float(price_max),
            ],
        }
    )


def group_rules_by_share(
    *,
    top_revenue_share: float = 0.1,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
) -> pd.DataFrame:
    """:func:`group_rules` with the strategic revenue cut given as a share of the accounts.

    ``top_revenue_share=0.1`` counts the 10 % of accounts with the highest revenue strategic
    (the rule ``revenue >= q0.9``), as the widget's slider says it.

    Examples
    --------
    >>> group_rules_by_share(top_revenue_share=0.25)["threshold"].tolist()
    ['q0.75', 4.5, 3.5, 3.5]
    """
    if isinstance(top_revenue_share, bool) or not 0 <= top_revenue_share <= 1:
        raise ParameterError(
            f"top_revenue_share 是 0 到 1 之间的比例（0.1 表示前 10%），收到 {top_revenue_share!r} (must be between 0 and 1)"
        )
    return group_rules(
        revenue_quantile=round(1 - float(top_revenue_share), 6),
        strategic_min=strategic_min,
        technical_min=technical_min,
        price_max=price_max,
    )


def region_group_mix(
    accounts: pd.DataFrame, rules: pd.DataFrame | None = None, *, region_col: str = "region"
) -> pd.DataFrame:
    """:func:`regional_contrast` of the groups that ``rules`` give the accounts.

    Parameters
    ----------
    accounts : pandas.DataFrame
        One row per account, with ``region_col`` and the attributes the rules use.
    rules : pandas.DataFrame, optional
        A rule table (:func:`group_rules`, :func:`group_rules_by_share`); default
        :data:`DEFAULT_RULES`.
    region_col : str, default "region"

    Returns
    -------
    pandas.DataFrame
        One row per region (sorted): the share of each group, ``customers`` and ``dominant``.

    Examples
    --------
    >>> mix = region_group_mix(example_accounts(), group_rules_by_share(top_revenue_share=0.2))
    >>> list(mix.index), int(mix["customers"].sum())
    (['欧洲', '非洲'], 160)
    """
    require_columns(accounts, [region_col], what="客户数据 (customers)")
    groups = CustomerGroupClassifier(rules).fit(accounts).predict(accounts)
    return regional_contrast(accounts, groups, region_col=region_col)


def group_rule_table(
    *,
    top_revenue_share: float = 0.1,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
) -> pd.DataFrame:
    """The group rules in words: one row per rule, tried from the top.

    Examples
    --------
    >>> group_rule_table()
                客户群                      条件
    规则
    1     战略型              收入贡献排在前 10%
    2     战略型              战略重要性至少 4.5 分
    3     技术型  技术需求至少 3.5 分，且价格敏感度低于 3.5 分
    其余    标准型                  不满足以上规则
    """
    group_rules_by_share(top_revenue_share=top_revenue_share)  # checks the share
    rows = [
        ("1", "战略型", f"收入贡献排在前 {top_revenue_share:.0%}"),
        ("2", "战略型", f"战略重要性至少 {strategic_min:g} 分"),
        ("3", "技术型", f"技术需求至少 {technical_min:g} 分，且价格敏感度低于 {price_max:g} 分"),
        ("其余", "标准型", "不满足以上规则"),
    ]
    return pd.DataFrame(rows, columns=["规则", "客户群", "条件"]).set_index("规则")


def account_groups(
    accounts: pd.DataFrame,
    *,
    top_revenue_share: float = 0.1,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
    region_col: str = "region",
) -> pd.DataFrame:
    """Every account with its ratings, its group by the rules and the reason, in Chinese.

    Parameters
    ----------
    accounts : pandas.DataFrame
        One row per account, e.g. :func:`example_accounts`.
    top_revenue_share : float, default 0.1
        The share of accounts with the highest revenue counted strategic (0.1 = top 10%).
    strategic_min, technical_min, price_max : float
        Least strategic importance for 战略型; least technical need and the price sensitivity
        to stay below for 技术型.
    region_col : str, default "region"
        The column of the account's region, shown as 地区; an account table without it
        is shown without 地区.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``accounts`` (an index named ``account_id`` or unnamed is called
        客户编号): 地区 (when there is ``region_col``), 技术需求, 价格敏感度,
        战略重要性, 收入贡献, 客户群, 理由.

    Examples
    --------
    >>> table = account_groups(example_accounts())
    >>> list(table.columns)
    ['地区', '技术需求', '价格敏感度', '战略重要性', '收入贡献', '客户群', '理由']
    >>> sorted(table["客户群"].unique())
    ['战略型', '技术型', '标准型']
    """
    rules = group_rules_by_share(
        top_revenue_share=top_revenue_share,
        strategic_min=strategic_min,
        technical_min=technical_min,
        price_max=price_max,
    )
    explained = CustomerGroupClassifier(rules).fit(accounts).explain(accounts)
    table = pd.DataFrame(index=accounts.index)
    if region_col in accounts.columns:
        table["地区"] = accounts[region_col]
    for column, label in ATTRIBUTE_LABELS.items():
        table[label] = accounts[column]
    table["客户群"] = explained["group"]
    reason = explained["reason"].str.replace(r" [a-z_]+ =", " =", regex=True)
    for code, sign in ((">=", "≥"), ("<=", "≤"), ("==", "=")):  # the signs of a maths lesson
        reason = reason.str.replace(code, sign, regex=False)
    table["理由"] = reason
    if table.index.name in (None, "account_id"):
        table.index.name = "客户编号"
    return table


def group_mix_table(
    accounts: pd.DataFrame,
    *,
    top_revenue_share: float = 0.1,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
    region_col: str = "region",
) -> pd.DataFrame:
    """How many accounts of each region fall in each group by the rules, in Chinese.

    Returns
    -------
    pandas.DataFrame
        One row per region, then 全部: 客户数, then for each group the number of accounts
        (``技术型（户）``…) and its share of the region (``技术型（%）``…, 1 decimal), and
        主导客户群 (the largest group).

    Examples
    --------
    >>> table = group_mix_table(example_accounts())
    >>> list(table.index)
    ['欧洲', '非洲', '全部']
    >>> int(table.loc["全部", "客户数"])
    160
    >>> bool((table[["技术型（户）", "标准型（户）", "战略型（户）"]].sum(axis=1)
    ...       == table["客户数"]).all())
    True
    """
    require_columns(accounts, [region_col], what="客户数据 (customers)")
    groups = account_groups(
        accounts,
        top_revenue_share=top_revenue_share,
        strategic_min=strategic_min,
        technical_min=technical_min,
        price_max=price_max,
        region_col=region_col,
    )["客户群"]
    counts = pd.crosstab(accounts[region_col], groups).reindex(columns=list(GROUPS), fill_value=0)
    counts.loc["全部"] = counts.sum()
    table = pd.DataFrame({"客户数": counts.sum(axis=1)})
    for group in GROUPS:
        table[f"{group}（户）"] = counts[group]
    for group in GROUPS:
        table[f"{group}（%）"] = (100 * counts[group] / table["客户数"]).round(1)
    table["主导客户群"] = counts.idxmax(axis=1)
    table.index.name = "地区"
    table.columns.name = None
    return table


def group_strategy_table() -> pd.DataFrame:
    """What each customer group cares about and how to serve it.

    Examples
    --------
    >>> group_strategy_table().loc["战略型", "最关心"]
    '长期合作、共同发展'
    """
    return pd.DataFrame(
        {"最关心": GROUP_NEEDS, "怎么服务": GROUP_STRATEGIES}, index=list(GROUPS)
    ).rename_axis("客户群")
