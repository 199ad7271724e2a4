"""RFM customer segments from documented, replaceable rule tables.

A rule table is a pandas DataFrame with one row per rule and the columns

- ``segment``: the segment's Chinese name (what a learner reads);
- ``segment_en``: its English name;
- ``rule``: a condition on the customer table, written as a pandas expression
  (:meth:`pandas.DataFrame.eval`), for example ``"r_score == 5 and f_score >= 4"``;
- ``action``: the recommended marketing action, in Chinese.

Every customer must match exactly one rule: a customer matching none, or two, is an
error that names the customer, so a home-made table cannot silently drop anyone.

Two schemes ship with custseg (:func:`rule_table` returns a fresh copy to edit):

``"cn8"``, the eight-class scheme common in Chinese marketing (RFM 八大客户类型).
    Each of R, F, M is high (高) or low (低) against its mean over all customers:
    ``r_high`` is ``recency < mean(recency)`` (a recent purchase), ``f_high`` is
    ``frequency > mean(frequency)``, ``m_high`` is ``monetary > mean(monetary)``.
    The 2 x 2 x 2 combinations are the eight classes (M high = 重要, M low = 一般).
``"classic"``, eleven segments on the 1..5 R and F scores of :class:`~custseg.rfm.RFMScorer`
    (Champions ... Lost), covering the 5 x 5 grid of (R, F) scores exactly once.

:class:`RFMSegmenter` applies a scheme (learning the means in ``fit``);
:func:`segment_customers` is the one-call version; :func:`apply_rules` applies any
rule table (the lifecycle stages use it too). :mod:`custseg.segments` re-exports them all
and adds the tables a learner reads about the segments.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils._param_validation import StrOptions

from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import (
    check_fitted,
    input_and_added_names,
    record_input_columns,
    validate_parameters,
)

__all__ = [
    "SCHEMES",
    "RFMSegmenter",
    "apply_rules",
    "rule_table",
    "segment_customers",
]

_CN8 = [
    (
        "重要价值客户",
        "Important value",
        "r_high and f_high and m_high",
        "最优质客户：提供 VIP 专属服务和会员权益，优先维护，邀请推荐新客户。",
    ),
    (
        "重要发展客户",
        "Important development",
        "r_high and not f_high and m_high",
        "近期大额消费但次数少：推出会员积分和复购优惠，提高购买频率。",
    ),
    (
        "重要保持客户",
        "Important retention",
        "not r_high and f_high and m_high",
        "常买且金额高但近期没来：主动电话或专属客服回访，了解原因，及时唤回。",
    ),
    (
        "重要挽留客户",
        "Important win-back",
        "not r_high and not f_high and m_high",
        "金额高但久未购买、次数少：重点挽留，发送专属优惠，防止流失。",
    ),
    (
        "一般价值客户",
        "General value",
        "r_high and f_high and not m_high",
        "购买活跃但客单价低：交叉销售、组合套餐和满减，提高客单价。",
    ),
    (
        "一般发展客户",
        "General development",
        "r_high and not f_high and not m_high",
        "新近少量购买：做好欢迎和引导，推荐入门商品，培养购买习惯。",
    ),
    (
        "一般保持客户",
        "General retention",
        "not r_high and f_high and not m_high",
        "曾经常买小额商品、近期沉寂：定期关怀提醒，推送促销信息唤醒。",
    ),
    (
        "一般挽留客户",
        "General win-back",
        "not r_high and not f_high and not m_high",
        "价值低且已沉睡：只做低成本的自动化触达，减少营销投入。",
    ),
]

_CLASSIC = [
    (
        "冠军客户",
        "Champions",
        "r_score == 5 and f_score >= 4",
        "奖励他们：新品抢先体验、专属礼遇，邀请成为品牌推荐人。",
    ),
    (
        "忠诚客户",
        "Loyal",
        "3 <= r_score <= 4 and f_score >= 4",
        "会员升级和追加销售高价值商品，邀请评价和分享。",
    ),
    (
        "潜在忠诚客户",
        "Potential Loyalist",
        "r_score >= 4 and 2 <= f_score <= 3",
        "推荐加入会员或积分计划，推荐相关商品，培养忠诚度。",
    ),
    (
        "新客户",
        "New",
        "r_score == 5 and f_score == 1",
        "做好首单后的引导和售后服务，尽快促成第二次购买。",
    ),
    (
        "有潜力客户",
        "Promising",
        "r_score == 4 and f_score == 1",
        "加强品牌印象，提供试用装或小额优惠券。",
    ),
    (
        "需要关注客户",
        "Need Attention",
        "r_score == 3 and f_score == 3",
        "限时优惠，根据购买记录推荐商品，重新激发兴趣。",
    ),
    (
        "即将沉睡客户",
        "About to Sleep",
        "r_score == 3 and f_score <= 2",
        "推荐热门商品并发放优惠券，重新建立联系。",
    ),
    (
        "流失风险客户",
        "At Risk",
        "r_score <= 2 and 3 <= f_score <= 4",
        "发送个性化邮件或电话联系，提供续购优惠。",
    ),
    (
        "不能失去的客户",
        "Can't Lose Them",
        "r_score <= 2 and f_score == 5",
        "专人沟通、推出新品或升级服务，全力赢回，不要让他们流向竞争对手。",
    ),
    (
        "冬眠客户",
        "Hibernating",
        "r_score == 2 and f_score <= 2",
        "推荐相关商品和特价活动，尝试重新建立价值。",
    ),
    (
        "已流失客户",
        "Lost",
        "r_score == 1 and f_score <= 2",
        "低成本唤醒一次，没有回应就不再投入营销费用。",
    ),
]

SCHEMES: dict[str, list[tuple[str, str, str, str]]] = {"cn8": _CN8, "classic": _CLASSIC}
"""The built-in schemes, by name: rows of (segment, segment_en, rule, action)."""

_RULE_COLUMNS = ("segment", "segment_en", "rule", "action")


def rule_table(scheme: str = "cn8") -> pd.DataFrame:
    """A fresh copy of a built-in segment rule table, ready to read or edit.

    Parameters
    ----------
    scheme : {"cn8", "classic"}, default "cn8"

    Returns
    -------
    pandas.DataFrame
        Columns ``segment``, ``segment_en``, ``rule``, ``action``.

    Examples
    --------
    >>> table = rule_table("cn8")
    >>> table[["segment", "rule"]].head(2)
            segment                              rule
    0    重要价值客户      r_high and f_high and m_high
    1    重要发展客户  r_high and not f_high and m_high
    >>> len(rule_table("classic"))
    11
    """
    if scheme not in SCHEMES:
        raise ParameterError(
            f"未知的分群方案 (unknown scheme) {scheme!r}，可选 (choose from): {sorted(SCHEMES)}"
        )
    return pd.DataFrame(SCHEMES[scheme], columns=list(_RULE_COLUMNS))


def apply_rules(
    frame: pd.DataFrame,
    rules: pd.DataFrame,
    *,
    label: str = "segment",
    variables: Mapping[str, Any] | None = None,
    what: str = "分群规则表 (segment rules)",
) -> pd.DataFrame:
    """Give every row of ``frame`` the one rule of ``rules`` it matches.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, one per row; rules may use any of its columns.
    rules : pandas.DataFrame
        Columns ``label``, ``label + "_en"``, ``rule`` and ``action`` (see the
        module docstring). Rules are pandas expressions evaluated on ``frame``.
    label : str, default "segment"
        Name of the output column with the Chinese name (``"stage"`` for lifecycle).
    variables : mapping, optional
        Extra names the rules may use (for example thresholds in days).
    what : str
        How the rule table is called in error messages.

    Returns
    -------
    pandas.DataFrame
        Same index as ``frame``, columns ``label``, ``label + "_en"`` and ``action``.

    Raises
    ------
    DataError
        A rule table with missing columns, a rule that cannot be evaluated or does
        not give true/false, a customer matching no rule or more than one rule
        (naming the customer and the rules).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"orders": [0, 1, 7]}, index=["a", "b", "c"])
    >>> rules = pd.DataFrame({
    ...     "segment": ["未购买", "普通", "常客"],
    ...     "segment_en": ["None", "Regular", "Frequent"],
    ...     "rule": ["orders == 0", "1 <= orders < many", "orders >= many"],
    ...     "action": ["发送首单优惠", "推荐新品", "会员升级"],
    ... })
    >>> apply_rules(customers, rules, variables={"many": 5})
      segment segment_en action
    a     未购买       None  发送首单优惠
    b      普通    Regular   推荐新品
    c      常客   Frequent   会员升级
    """
    columns = [label, f"{label}_en", "rule", "action"]
    if not isinstance(rules, pd.DataFrame):
        raise DataError(f"{what} 必须是 pandas DataFrame (must be a DataFrame)")
    require_columns(rules, columns, what=what)
    if rules.empty:
        raise DataError(f"{what} 是空的 (has no rules)")
    # The names a rule may use, gathered once: DataFrame.eval would rebuild them for every rule.
    names = {"index": frame.index.to_series(), **{str(c): frame[c] for c in frame.columns}}
    if frame.index.name is not None:
        names[str(frame.index.name)] = names["index"]
    names.update(variables or {})
    matches = {}
    for position, (name, expression) in enumerate(zip(rules[label], rules["rule"], strict=True)):
        try:
            mask = pd.eval(
                str(expression), engine="python", resolvers=(names,), local_dict={}, global_dict={}
            )
        except Exception as exc:  # pandas raises many types for a bad expression
            raise DataError(
                f"{what} 第 {position} 条规则 (rule) {name!r} 无法计算 (cannot be evaluated): "
                f"{expression!r}: {exc}"
            ) from None
        if not isinstance(mask, pd.Series) or mask.dtype != bool:
            raise DataError(
                f"{what} 第 {position} 条规则 (rule) {name!r} 的结果不是真/假 "
                f"(does not give true/false): {expression!r}"
            )
        matches[position] = mask.to_numpy()
    hits = pd.DataFrame(matches, index=frame.index)
    counts = hits.sum(axis=1)
    if (counts == 0).any():
        missing = counts.index[counts.to_numpy() == 0]
        first = missing[0]
        raise DataError(
            f"{len(missing)} 个客户不符合任何规则 (match no rule)，例如客户 (customer) "
            f"{first}: {frame.loc[first].to_dict()}。请检查{what}是否覆盖所有客户。"
        )
    if (counts > 1).any():
        overlapping = counts.index[counts.to_numpy() > 1]
        first = overlapping[0]
        names = [str(rules[label].iloc[p]) for p in hits.columns[hits.loc[first].to_numpy()]]
        raise DataError(
            f"{len(overlapping)} 个客户同时符合多条规则 (match several rules)，例如客户 "
            f"(customer) {first} 符合 {names}。请修改{what}，让规则互不重叠 (no overlap)。"
        )
    chosen = hits.to_numpy().argmax(axis=1)
    picked = rules.iloc[chosen]
    return pd.DataFrame(
        {
            label: picked[label].to_numpy(),
            f"{label}_en": picked[f"{label}_en"].to_numpy(),
            "action": picked["action"].to_numpy(),
        },
        index=frame.index,
    )


class RFMSegmenter(TransformerMixin, BaseEstimator):
    """Name each customer's RFM segment with a rule table.

    Parameters
    ----------
    scheme : {"cn8", "classic"} or pandas.DataFrame, default "cn8"
        A built-in scheme (see the module docstring) or your own rule table with
        columns ``segment``, ``segment_en``, ``rule``, ``action``. Rules may use every
        column of the table passed to ``transform`` plus ``r_high``, ``f_high`` and
        ``m_high`` (high against the means learned in ``fit``). ``"classic"`` needs
        the 1..5 scores of :class:`~custseg.rfm.RFMScorer` (``bins=5``).
    cutoffs : mapping, optional
        Your own cut points for ``r_high`` / ``f_high`` / ``m_high`` instead of the
        means, e.g. ``{"recency": 60, "monetary": 1000}`` (days, orders, money); the
        ones left out stay at the mean. ``r_high`` is ``recency < cutoffs["recency"]``,
        ``f_high`` is ``frequency > ...``, ``m_high`` is ``monetary > ...``.

    Attributes
    ----------
    rules_ : pandas.DataFrame
        The rule table in use (a copy).
    means_ : pandas.Series
        Mean ``recency``, ``frequency`` and ``monetary`` of the customers seen in ``fit``.
    cutoffs_ : pandas.Series
        The cut points in use: ``cutoffs`` where given, the means elsewhere.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame(
    ...     {"recency": [5, 300, 20, 250], "frequency": [9, 8, 1, 1],
    ...      "monetary": [900.0, 700.0, 50.0, 30.0]},
    ...     index=pd.Index([1, 2, 3, 4], name="customer_id"),
    ... )
    >>> RFMSegmenter(scheme="cn8").fit_transform(rfm)[["segment", "segment_en"]]
                segment           segment_en
    customer_id
    1            重要价值客户      Important value
    2            重要保持客户  Important retention
    3            一般发展客户  General development
    4            一般挽留客户     General win-back
    """

    _parameter_constraints: dict = {
        "scheme": [StrOptions(set(SCHEMES)), pd.DataFrame],
        "cutoffs": [Mapping, None],
    }

    def __init__(
        self, scheme: str | pd.DataFrame = "cn8", *, cutoffs: Mapping[str, float] | None = None
    ) -> None:
        self.scheme = scheme
        self.cutoffs = cutoffs

    def fit(self, X: pd.DataFrame, y: None = None) -> RFMSegmenter:
        """Choose the rule table and learn the R, F, M means.

        Parameters
        ----------
        X : pandas.DataFrame
            The RFM table: ``recency``, ``frequency`` and ``monetary`` (and the scores for
            rules that use them); not modified.
        y : None
            Ignored.

        Returns
        -------
        RFMSegmenter
            ``self``.

        Raises
        ------
        ParameterError
            An unknown scheme, ``cutoffs`` that is not a mapping or names another column.
        DataError
            A rule table or RFM table without the columns it needs, no customer.
        """
        validate_parameters(self)
        rfm = X
        if isinstance(self.scheme, pd.DataFrame):
            rules = self.scheme.copy()
            require_columns(rules, _RULE_COLUMNS, what="分群规则表 (segment rules)")
        else:
            rules = rule_table(self.scheme)
            if self.scheme == "classic":
                require_columns(
                    rfm, ["r_score", "f_score"], what="RFM 评分表 (scored RFM，请先用 RFMScorer)"
                )
        require_columns(rfm, ["recency", "frequency", "monetary"], what="RFM 表 (RFM table)")
        if len(rfm) == 0:
            raise DataError("RFM 表没有客户 (RFM table is empty)")
        cutoffs = dict(self.cutoffs or {})
        unknown = sorted(set(cutoffs) - {"recency", "frequency", "monetary"})
        if unknown:
            raise ParameterError(
                f"cutoffs 只能包含 recency、frequency、monetary (unknown keys): {unknown}"
            )
        self.rules_ = rules.reset_index(drop=True)
        self.means_ = rfm[["recency", "frequency", "monetary"]].astype(float).mean()
        self.cutoffs_ = self.means_.copy()
        for name, value in cutoffs.items():
            self.cutoffs_[name] = float(value)
        record_input_columns(self, rfm)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """Add ``segment`` (Chinese), ``segment_en`` and ``action`` to a copy of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            An RFM table with ``recency``, ``frequency`` and ``monetary`` (and the columns
            the rules use); not modified.

        Returns
        -------
        pandas.DataFrame

        Raises
        ------
        DataError
            When a customer matches no rule or several rules (naming the customer).
        """
        check_fitted(self)
        rfm = X
        require_columns(rfm, ["recency", "frequency", "monetary"], what="RFM 表 (RFM table)")
        context = rfm.copy()
        context["r_high"] = context["recency"] < self.cutoffs_["recency"]
        context["f_high"] = context["frequency"] > self.cutoffs_["frequency"]
        context["m_high"] = context["monetary"] > self.cutoffs_["monetary"]
        labels = apply_rules(context, self.rules_, label="segment")
        result = rfm.copy()
        for column in labels.columns:
            result[column] = labels[column]
        return result

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the columns :meth:`transform` returns: the input's, then ``segment``, ``segment_en`` and ``action``.

        Parameters
        ----------
        input_features : list of str, optional
            The input's column names; by default those seen by :meth:`fit`.

        Returns
        -------
        numpy.ndarray of str
        """
        return input_and_added_names(self, input_features, ("segment", "segment_en", "action"))


def segment_customers(rfm: pd.DataFrame, scheme: str | pd.DataFrame = "cn8") -> pd.DataFrame:
    """Segment the customers of an RFM table in one call.

    Parameters
    ----------
    rfm : pandas.DataFrame
        From :func:`~custseg.rfm.rfm_table`; for ``scheme="classic"`` scored by
        :class:`~custseg.rfm.RFMScorer` first.
    scheme : {"cn8", "classic"} or pandas.DataFrame, default "cn8"
        See :class:`RFMSegmenter`.

    Returns
    -------
    pandas.DataFrame
        A copy of ``rfm`` with ``segment``, ``segment_en`` and ``action``.

    Examples
    --------
    >>> import pandas as pd
    >>> scored = pd.DataFrame(
    ...     {"recency": [3, 200], "frequency": [12, 1], "monetary": [800.0, 20.0],
    ...      "r_score": [5, 1], "f_score": [5, 1], "m_score": [5, 1]},
    ...     index=pd.Index([7, 8], name="customer_id"),
    ... )
    >>> segment_customers(scored, scheme="classic")[["segment", "segment_en"]]
                segment segment_en
    customer_id
    7              冠军客户  Champions
    8             已流失客户       Lost
    """
    return RFMSegmenter(scheme=scheme).fit_transform(rfm)
