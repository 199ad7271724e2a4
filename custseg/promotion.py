"""Promotion design and evaluation (促销设计与评估).

Design: a :class:`PromotionPlan` holds the elements of a promotion (促销目的与目标, 促销对象与
范围, 促销时间与预算) and :meth:`PromotionPlan.check` lists, in Chinese, what does not fit
together (an end before the start, a budget that cannot pay for contacting the targets, a
target segment that is not in the data, ...).

Evaluation: :func:`evaluate_campaign` compares the response of a treated group (contacted,
given the offer) with a control group: response rates with Wilson intervals, their
difference (增量, column ``abs_lift``, in rate units) with a Newcombe interval, the relative
increase ``rel_lift``, a two-proportion z-test, incremental responses and revenue, and ROI,
overall and per segment. In the course's words (:mod:`custseg.vocabulary`) "lift" (提升度)
is only the ratio of the two rates; :func:`campaign_table` shows it as such.

Budget before the campaign: :func:`promotion_roi` runs the same arithmetic forwards with
planned numbers (cost, incremental revenue, profit, ROI, break-even response rate), and
:func:`roi_curve` gives the profit over a range of response rates.

Formulas (``z`` is the standard normal quantile of ``1 - alpha / 2``):

- Wilson score interval for ``p = x / n`` (Wilson 1927; Newcombe 1998a, method 3)::

      (x + z^2/2) / (n + z^2)  +-  z * sqrt(x (n - x) / n + z^2 / 4) / (n + z^2)

- Two-proportion z-test with the pooled rate ``p = (x1 + x0) / (n1 + n0)``::

      z = (p1 - p0) / sqrt(p (1 - p) (1/n1 + 1/n0)),   p-value = 2 (1 - Phi(|z|))

  Its square is Pearson's chi-square on the 2 x 2 table without continuity correction.
- Newcombe hybrid score interval for ``d = p1 - p0`` (Newcombe 1998b, method 10), from the
  Wilson limits ``(l1, u1)`` and ``(l0, u0)``::

      d - sqrt((p1 - l1)^2 + (u0 - p0)^2),   d + sqrt((u1 - p1)^2 + (p0 - l0)^2)

- Incremental responses ``(p1 - p0) * n1``; incremental revenue = incremental responses times
  the revenue per response; cost = contacts ``n1`` times the cost per contact;
  ``ROI = (incremental revenue - cost) / cost``.

References: E. B. Wilson (1927), JASA 22:209-212; R. G. Newcombe (1998a), Statistics in
Medicine 17:857-872; R. G. Newcombe (1998b), Statistics in Medicine 17:873-890.

A note on Bank Marketing (UCI id 222): its telemarketing calls were not randomized and the
data set has **no control group**. :func:`contact_history_groups` splits its clients into
those contacted in an earlier campaign and first contacts; comparing the two shows the
mechanics of the evaluation, but the gap mixes the effect of earlier contact with who was
chosen for it, so it is an illustration, not a causal estimate.

Examples
--------
>>> from custseg.datasets import load_sample
>>> clients = load_sample("bank_marketing")
>>> clients["contact"] = contact_history_groups(clients)
>>> result = evaluate_campaign(clients, group_col="contact", treatment="此前联系过",
...     control="首次联系", outcome_col="y", revenue_per_response=100, cost_per_contact=5,
...     segment_col="marital")
>>> result.index.tolist()
['全部 (all)', 'divorced', 'married', 'single']
>>> bool(result.loc["全部 (all)", "significant"])
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.errors import DataError, ParameterError, require_columns

__all__ = [
    "Bullets",
    "campaign_table",
    "check_plan",
    "promotion_roi_table",
    "rate_interval_table",
    "with_contact_history",
    "promotion_roi",
    "roi_curve",
    "roi_title",
    "break_even_label",
    "within_reach",
    "CURVE_LABEL",
    "PLAN_LABEL",
    "CAMPAIGN_COLUMNS",
    "PromotionPlan",
    "contact_history_groups",
    "evaluate_campaign",
    "newcombe_interval",
    "summarize_campaign",
    "two_proportion_ztest",
    "wilson_interval",
]

ALL_SEGMENTS = "全部 (all)"

CAMPAIGN_COLUMNS = (
    "treatment_n",
    "treatment_responses",
    "treatment_rate",
    "treatment_ci_low",
    "treatment_ci_high",
    "control_n",
    "control_responses",
    "control_rate",
    "control_ci_low",
    "control_ci_high",
    "abs_lift",
    "abs_lift_ci_low",
    "abs_lift_ci_high",
    "rel_lift",
    "z",
    "p_value",
    "significant",
    "incremental_responses",
    "incremental_revenue",
    "cost",
    "roi",
)
"""Columns of the table returned by :func:`evaluate_campaign`, in order."""


def _z_quantile(alpha: float) -> float:
    if not 0 < float(alpha) < 1:
        raise ParameterError(f"alpha 必须在 (0, 1) 之间 (must be in (0, 1)), 收到 (got) {alpha!r}")
    return NormalDist().inv_cdf(1 - float(alpha) / 2)


def _check_counts(successes: float, trials: float) -> None:
    if trials <= 0 or successes < 0 or successes > trials:
        raise DataError(
            f"响应数和人数不合理 (need 0 <= responses <= n, n > 0): 响应 {successes}, 人数 {trials}"
        )


def wilson_interval(successes: int, trials: int, *, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval for a response rate ``successes / trials``.

    Parameters
    ----------
    successes, trials : int
        Responses and people contacted.
    alpha : float, default 0.05
        One minus the confidence level.

    Returns
    -------
    tuple of float
        Lower and upper limit, inside [0, 1].

    Examples
    --------
    Newcombe (1998a), Table II: 81 of 263 gives 0.2553 to 0.3662.

    >>> low, high = wilson_interval(81, 263)
    >>> round(low, 4), round(high, 4)
    (0.2553, 0.3662)
    """
    _check_counts(successes, trials)
    z = _z_quantile(alpha)
    x, n = float(successes), float(trials)
    center = (x + z * z / 2) / (n + z * z)
    half = z * math.sqrt(x * (n - x) / n + z * z / 4) / (n + z * z)
    return max(center - half, 0.0), min(center + half, 1.0)


def newcombe_interval(
    x1: int, n1: int, x0: int, n0: int, *, alpha: float = 0.05
) -> tuple[float, float]:
    """Newcombe hybrid score interval for the difference ``x1/n1 - x0/n0``.

    Examples
    --------
    Newcombe (1998b), Table II, example (a): 56/70 against 48/80 gives 0.0524 to 0.3339.

    >>> low, high = newcombe_interval(56, 70, 48, 80)
    >>> round(low, 4), round(high, 4)
    (0.0524, 0.3339)
    """
    _check_counts(x1, n1)
    _check_counts(x0, n0)
    p1, p0 = x1 / n1, x0 / n0
    l1, u1 = wilson_interval(x1, n1, alpha=alpha)
    l0, u0 = wilson_interval(x0, n0, alpha=alpha)
    d = p1 - p0
    return d - math.hypot(p1 - l1, u0 - p0), d + math.hypot(u1 - p1, p0 - l0)


def two_proportion_ztest(x1: int, n1: int, x0: int, n0: int) -> tuple[float, float]:
    """Two-sided z-test that two response rates are equal (pooled standard error).

    Returns
    -------
    tuple of float
        ``(z, p_value)``; ``z`` is positive when the first rate is higher. When both groups
        responded all or nothing, ``z`` is 0 and the p-value 1.

    Examples
    --------
    >>> z, p = two_proportion_ztest(56, 70, 48, 80)
    >>> round(z, 2), round(p, 4)
    (2.65, 0.008)
    """
    _check_counts(x1, n1)
    _check_counts(x0, n0)
    pooled = (x1 + x0) / (n1 + n0)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    if se == 0:
        return 0.0, 1.0
    z = (x1 / n1 - x0 / n0) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def _compare(
    x1: int, n1: int, x0: int, n0: int, *, alpha: float, revenue: float, cost: float
) -> dict[str, float]:
    p1, p0 = x1 / n1, x0 / n0
    t_low, t_high = wilson_interval(x1, n1, alpha=alpha)
    c_low, c_high = wilson_interval(x0, n0, alpha=alpha)
    d_low, d_high = newcombe_interval(x1, n1, x0, n0, alpha=alpha)
    z, p_value = two_proportion_ztest(x1, n1, x0, n0)
    incremental = (p1 - p0) * n1
    spent = cost * n1
    gain = incremental * revenue
    return {
        "treatment_n": n1,
        "treatment_responses": x1,
        "treatment_rate": p1,
        "treatment_ci_low": t_low,
        "treatment_ci_high": t_high,
        "control_n": n0,
        "control_responses": x0,
        "control_rate": p0,
        "control_ci_low": c_low,
        "control_ci_high": c_high,
        "abs_lift": p1 - p0,
        "abs_lift_ci_low": d_low,
        "abs_lift_ci_high": d_high,
        "rel_lift": p1 / p0 - 1 if p0 > 0 else math.nan,
        "z": z,
        "p_value": p_value,
        "significant": bool(p_value < alpha),
        "incremental_responses": incremental,
        "incremental_revenue": gain,
        "cost": spent,
        "roi": (gain - spent) / spent if spent > 0 else math.nan,
    }


def evaluate_campaign(
    frame: pd.DataFrame,
    *,
    group_col: str,
    treatment: object,
    control: object,
    outcome_col: str,
    positive: object = "yes",
    revenue_per_response: float = 0.0,
    cost_per_contact: float = 0.0,
    segment_col: str | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Evaluate a campaign against a control group: difference, significance, revenue and ROI.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    group_col : str
        The column telling treatment from control.
    treatment, control : object
        The values of ``group_col`` for the treated and the control customers; rows with any
        other value are left out.
    outcome_col : str
        The response column.
    positive : default "yes"
        The value of ``outcome_col`` that counts as a response.
    revenue_per_response : float, default 0
        Revenue from one response (e.g. the margin of one term deposit).
    cost_per_contact : float, default 0
        Cost of contacting one treated customer; the control group costs nothing.
    segment_col : str, optional
        Also evaluate each segment of this column.
    alpha : float, default 0.05
        Significance level; intervals are at ``1 - alpha``.

    Returns
    -------
    pandas.DataFrame
        One row for all customers (``"全部 (all)"``), then one per segment (in category
        order for a categorical column, else in sorted
        order) if ``segment_col`` is given, with the columns of :data:`CAMPAIGN_COLUMNS`:
        counts, rates and Wilson intervals of both groups, ``abs_lift`` with its Newcombe
        interval, ``rel_lift``, ``z``, ``p_value``, ``significant``,
        ``incremental_responses``, ``incremental_revenue``, ``cost`` and ``roi``.
        Segments where a group is empty are left out. The formulas are in the module
        docstring. The comparison is causal only if treatment was assigned at random.

    Raises
    ------
    DataError
        A missing column, no treated or no control customer, or no response at all.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({
    ...     "group": ["试点"] * 70 + ["对照"] * 80,
    ...     "y": ["yes"] * 56 + ["no"] * 14 + ["yes"] * 48 + ["no"] * 32})
    >>> result = evaluate_campaign(clients, group_col="group", treatment="试点",
    ...     control="对照", outcome_col="y", revenue_per_response=100, cost_per_contact=5)
    >>> row = result.loc["全部 (all)"]
    >>> [round(float(row[c]), 4) for c in ("abs_lift", "rel_lift", "p_value")]
    [0.2, 0.3333, 0.008]
    >>> [round(float(row[c]), 1) for c in ("incremental_revenue", "cost", "roi")]
    [1400.0, 350.0, 3.0]
    """
    columns = [group_col, outcome_col] + ([segment_col] if segment_col else [])
    require_columns(frame, columns, what="活动数据 (campaign data)")
    if revenue_per_response < 0 or cost_per_contact < 0:
        raise ParameterError(
            "收入和成本不能为负数 (revenue_per_response, cost_per_contact must be >= 0): "
            f"{revenue_per_response}, {cost_per_contact}"
        )
    _z_quantile(alpha)
    groups = frame[group_col]
    for value, name in ((treatment, "treatment"), (control, "control")):
        if not (groups == value).any():
            found = sorted(map(str, groups.dropna().unique()))[:10]
            raise DataError(
                f"列 {group_col!r} 中没有 {name} 组的值 {value!r} (no {name} rows)；现有的值: {found}"
            )
    hit = (frame[outcome_col] == positive).to_numpy()
    if not hit.any():
        found = sorted(map(str, frame[outcome_col].dropna().unique()))[:5]
        raise DataError(
            f"列 {outcome_col!r} 中没有值 {positive!r} (no positive outcome)；现有的值: {found}"
        )
    is_treated = (groups == treatment).to_numpy()
    is_control = (groups == control).to_numpy()
    settings = {
        "alpha": alpha,
        "revenue": float(revenue_per_response),
        "cost": float(cost_per_contact),
    }

    def compare(mask: np.ndarray) -> dict[str, float] | None:
        n1, n0 = int((mask & is_treated).sum()), int((mask & is_control).sum())
        if n1 == 0 or n0 == 0:
            return None
        x1, x0 = int((mask & is_treated & hit).sum()), int((mask & is_control & hit).sum())
        return _compare(x1, n1, x0, n0, **settings)

    rows = {ALL_SEGMENTS: compare(np.ones(len(frame), dtype=bool))}
    if segment_col is not None:
        segments = frame[segment_col]
        if isinstance(segments.dtype, pd.CategoricalDtype):  # keep the categories' own order
            order = [c for c in segments.cat.categories if (segments == c).any()]
        else:
            order = sorted(segments.dropna().unique(), key=str)
        for segment in order:
            rows[segment] = compare((segments == segment).to_numpy())
    table = pd.DataFrame.from_dict(
        {key: row for key, row in rows.items() if row is not None}, orient="index"
    )
    table.index.name = segment_col or "segment"
    types = {name: float for name in CAMPAIGN_COLUMNS}
    types.update(
        {
            name: "int64"
            for name in CAMPAIGN_COLUMNS
            if name.endswith(("_n", "_responses")) and name != "incremental_responses"
        }
    )
    types["significant"] = bool
    return table[list(CAMPAIGN_COLUMNS)].astype(types)


def _p_text(p_value: float) -> str:
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


class Bullets(list):
    """A list of sentences that a notebook shows as a bulleted list."""

    def _repr_markdown_(self) -> str:
        return "\n".join(f"- {line}" for line in self)


@renamed_keywords(randomised="randomized")
def summarize_campaign(result: pd.DataFrame, *, randomized: bool, top: int = 3) -> Bullets:
    """Lessons of a campaign in plain Chinese (效果分析与经验总结), from :func:`evaluate_campaign`.

    What the comparison may claim depends on how the groups were formed, so the caller
    must say: with ``randomized=False`` (the groups were chosen, not drawn by lot) no
    sentence calls the gap an effect of the campaign or recommends whom to cover next
    time; :func:`custseg.experiment.evidence_statement` gives the verdict.

    Parameters
    ----------
    result : pandas.DataFrame
        The table of :func:`evaluate_campaign` (its first row is all customers).
    randomized : bool
        Whether the treated and the control customers were assigned at random. The old
        spelling ``randomised=`` still works, with a :class:`DeprecationWarning`.
    top : int, default 3
        How many segments to name.

    Returns
    -------
    Bullets
        A list of sentences (shown as a bulleted list in a notebook): the overall
        difference (增量, in percentage points) with its interval, p-value and the verdict;
        incremental responses, revenue, cost and ROI; the segments with the largest
        significant positive difference and those without one.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"group": ["试点"] * 70 + ["对照"] * 80,
    ...     "y": ["yes"] * 56 + ["no"] * 14 + ["yes"] * 48 + ["no"] * 32})
    >>> result = evaluate_campaign(clients, group_col="group", treatment="试点",
    ...     control="对照", outcome_col="y", revenue_per_response=100, cost_per_contact=5)
    >>> for line in summarize_campaign(result, randomized=True)[:2]:
    ...     print(line)
    总体：实验组响应率 80.0%，对照组 60.0%，增量 20.0 个百分点（95% 置信区间 5.2 至 33.4），p = 0.008。随机实验：两组是随机分的，差值估计的就是活动带来的效果（因果效应），而且不太可能只是运气。
    收益：增量响应 14.0 次，增量收入 1400，联系成本 350，ROI = 300%
    >>> print(summarize_campaign(result, randomized=False)[0])
    总体：活动组响应率 80.0%，比较组 60.0%，增量 20.0 个百分点（95% 置信区间 5.2 至 33.4），p = 0.008。不是随机实验：两组客户本来就不一样，差值显著只说明两组不同，不能说明差距是活动带来的；要证明效果，下次活动前随机留出对照组。
    """
    from custseg.experiment import evidence_statement

    require_columns(result, CAMPAIGN_COLUMNS, what="活动评估结果 (campaign result)")
    if len(result) == 0:
        raise DataError("活动评估结果是空的 (empty campaign result)")
    overall = result.iloc[0]
    verdict = evidence_statement(
        randomized=bool(randomized),
        significant=bool(overall["significant"]),
        difference=float(overall["abs_lift"]),
    )
    lines = Bullets(
        [
            f"总体：{'实验组' if randomized else '活动组'}响应率 {overall['treatment_rate']:.1%}，"
            f"{'对照组' if randomized else '比较组'} {overall['control_rate']:.1%}，"
            f"增量 {overall['abs_lift'] * 100:.1f} 个百分点（95% 置信区间 "
            f"{overall['abs_lift_ci_low'] * 100:.1f} 至 {overall['abs_lift_ci_high'] * 100:.1f}），"
            f"{_p_text(overall['p_value'])}。{verdict}"
        ]
    )
    roi = "无法计算（成本为 0）" if np.isnan(overall["roi"]) else f"{overall['roi']:.0%}"
    money = (
        f"增量响应 {overall['incremental_responses']:.1f} 次，增量收入 "
        f"{overall['incremental_revenue']:.0f}，联系成本 {overall['cost']:.0f}，ROI = {roi}"
    )
    if randomized:
        lines.append(f"收益：{money}")
    else:
        lines.append(
            f"如果把两组的差距全算作活动的效果：{money}；不是随机实验，这些数字只演示算法，不能拿去汇报"
        )
    segments = result.iloc[1:]
    if len(segments):
        good = segments[segments["significant"] & (segments["abs_lift"] > 0)]
        good = good.sort_values("abs_lift", ascending=False).head(top)
        names = "、".join(
            f"{name}（+{row['abs_lift'] * 100:.1f} 个百分点）" for name, row in good.iterrows()
        )
        weak = segments[~segments["significant"]]
        weak_names = "、".join(str(name) for name in weak.index)
        if randomized:
            if len(good):
                lines.append(
                    f"增量显著为正的客户群：{names}；{len(segments)} 个客户群各比一次，"
                    "即使活动完全无效，也可能有一两个碰巧显著：先在这些群里再做一次随机实验确认，"
                    "再优先覆盖（还要看 ROI）"
                )
            if len(weak):
                lines.append(
                    f"增量不显著的客户群：{weak_names}；看不出效果，下次减少投入或调整方案，"
                    "人数少的群也可以扩大样本再试"
                )
        else:
            if len(good):
                lines.append(f"两组差距显著的客户群：{names}；不是随机实验，不能据此决定下次覆盖谁")
            lines.append(
                "下一步：在目标客户中随机留出对照组再做一次，才能知道活动对哪些客户群真正有效"
            )
    return lines


def with_contact_history(frame: pd.DataFrame, *, pdays_col: str = "pdays") -> pd.DataFrame:
    """A copy of Bank Marketing clients with a ``contact_history`` column (:func:`contact_history_groups`).

    Examples
    --------
    >>> import pandas as pd
    >>> with_contact_history(pd.DataFrame({"pdays": [-1, 92]}))["contact_history"].tolist()
    ['首次联系', '此前联系过']
    """
    result = frame.copy()
    result["contact_history"] = contact_history_groups(frame, pdays_col=pdays_col)
    return result


def contact_history_groups(frame: pd.DataFrame, *, pdays_col: str = "pdays") -> pd.Series:
    """Split Bank Marketing clients into 此前联系过 (contacted in an earlier campaign) and 首次联系.

    In Bank Marketing ``pdays`` is the number of days since the client was last contacted
    in an earlier campaign, and -1 when never. The split is **not** a randomized control
    group (see the module docstring); use it only to illustrate :func:`evaluate_campaign`.

    Examples
    --------
    >>> import pandas as pd
    >>> contact_history_groups(pd.DataFrame({"pdays": [-1, 92, -1]})).tolist()
    ['首次联系', '此前联系过', '首次联系']
    """
    require_columns(frame, [pdays_col], what="银行营销数据 (bank marketing)")
    days = pd.to_numeric(frame[pdays_col], errors="coerce")
    if days.isna().any():
        row = days.index[days.isna()][0]
        raise DataError(
            f"列 {pdays_col!r} 不是数字 (not a number)：索引 (index) {row!r}，"
            f"值 (value) {frame[pdays_col].loc[row]!r}"
        )
    return pd.Series(
        np.where(days >= 0, "此前联系过", "首次联系"), index=frame.index, name="contact_history"
    )


@dataclass
class PromotionPlan:
    """A promotion plan: objective, targets and scope, timing and budget.

    Parameters
    ----------
    objective : str
        促销目的与目标, e.g. "提升定期存款签约率 2 个百分点".
    target_segments : sequence of str
        促销对象: the segments (values of ``segment_col``) the promotion addresses.
    segment_col : str
        The column of the customer table that holds the segments.
    scope : sequence of str
        促销范围: channels or regions covered, e.g. ``["电话", "网点"]``.
    start, end : str or Timestamp
        促销时间: first and last day.
    budget : float
        促销预算, in the currency of the costs.
    cost_per_contact : float
        Cost of reaching one targeted customer.
    expected_response_rate : float
        The response rate the plan counts on, in (0, 1].
    revenue_per_response : float, default 0
        Revenue from one response; 0 means not estimated (no break-even check).

    Examples
    --------
    >>> plan = PromotionPlan(objective="提升签约率", target_segments=["学生"],
    ...     segment_col="job", scope=["电话"], start="2025-05-01", end="2025-04-01",
    ...     budget=100, cost_per_contact=5, expected_response_rate=0.1)
    >>> plan.check()
    ['结束日期 2025-04-01 早于开始日期 2025-05-01']
    """

    objective: str
    target_segments: Sequence[str]
    segment_col: str
    scope: Sequence[str]
    start: str | pd.Timestamp
    end: str | pd.Timestamp
    budget: float
    cost_per_contact: float
    expected_response_rate: float
    revenue_per_response: float = 0.0

    def target_customers(self, customers: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``customers`` in the target segments.

        Examples
        --------
        >>> import pandas as pd
        >>> plan = PromotionPlan("提升签约率", ["学生"], "job", ["电话"], "2025-05-01",
        ...     "2025-05-31", 100, 5, 0.1)
        >>> len(plan.target_customers(pd.DataFrame({"job": ["学生", "工人", "学生"]})))
        2
        """
        require_columns(customers, [self.segment_col], what="客户数据 (customers)")
        return customers[customers[self.segment_col].isin(list(self.target_segments))]

    def check_table(self, customers: pd.DataFrame | None = None) -> pd.DataFrame:
        """:meth:`check` as a table to read: one numbered problem per row, or "没有发现问题".

        Examples
        --------
        >>> plan = PromotionPlan("提升签约率", ["学生"], "job", ["电话"], "2025-05-01",
        ...     "2025-04-01", 100, 5, 0.1)
        >>> plan.check_table()["发现的问题"].tolist()
        ['结束日期 2025-04-01 早于开始日期 2025-05-01']
        """
        problems = self.check(customers) or ["没有发现问题"]
        return pd.DataFrame(
            {"发现的问题": problems}, index=pd.RangeIndex(1, len(problems) + 1, name="序号")
        )

    def check(self, customers: pd.DataFrame | None = None) -> list[str]:
        """List the inconsistencies of the plan, in Chinese; an empty list means none found.

        Parameters
        ----------
        customers : pandas.DataFrame, optional
            The customer table; with it the targets are counted, the segments looked up and
            the budget compared with the cost of contacting every target.

        Returns
        -------
        list of str

        Examples
        --------
        >>> import pandas as pd
        >>> clients = pd.DataFrame({"job": ["学生"] * 30 + ["工人"] * 70})
        >>> plan = PromotionPlan("提升签约率", ["学生", "教师"], "job", ["电话"],
        ...     "2025-05-01", "2025-05-31", budget=100, cost_per_contact=5,
        ...     expected_response_rate=0.1, revenue_per_response=20)
        >>> for problem in plan.check(clients):
        ...     print(problem)
        目标客群“教师”不在数据的 job 列中
        预算 100 不够联系全部 30 位目标客户：需要 150（30 × 5）
        预计收入 (expected revenue) 60 低于联系成本 150：按预计响应率 10.0% 计算，活动会亏损
        """
        problems: list[str] = []
        if not str(self.objective).strip():
            problems.append("没有写促销目的与目标 (objective)")
        if not list(self.target_segments):
            problems.append("没有指定促销对象 (target_segments)")
        if not list(self.scope):
            problems.append("没有指定促销范围 (scope)：渠道或地区")
        start = pd.to_datetime(self.start, errors="coerce")
        end = pd.to_datetime(self.end, errors="coerce")
        for name, given, parsed in (("start", self.start, start), ("end", self.end, end)):
            if pd.isna(parsed):
                problems.append(f"日期 ({name}) 无法识别: {given!r}")
        if not (pd.isna(start) or pd.isna(end)) and end < start:
            problems.append(f"结束日期 {end.date()} 早于开始日期 {start.date()}")
        if not self.budget > 0:
            problems.append(f"预算 (budget) 必须大于 0，现在是 {self.budget}")
        if self.cost_per_contact < 0:
            problems.append(f"单位联系成本 (cost_per_contact) 不能为负数: {self.cost_per_contact}")
        if not 0 < self.expected_response_rate <= 1:
            problems.append(
                f"预计响应率 (expected_response_rate) 必须在 0 和 1 之间: "
                f"{self.expected_response_rate}"
            )
        if self.revenue_per_response < 0:
            problems.append(
                f"单次响应收入 (revenue_per_response) 不能为负数: {self.revenue_per_response}"
            )
        if customers is None:
            return problems
        if self.segment_col not in customers.columns:
            problems.append(f"客户数据中没有分群列 (segment_col) {self.segment_col!r}")
            return problems
        present = set(customers[self.segment_col].dropna().unique())
        for segment in self.target_segments:
            if segment not in present:
                problems.append(f"目标客群“{segment}”不在数据的 {self.segment_col} 列中")
        n_targets = len(self.target_customers(customers))
        if n_targets == 0:
            problems.append("目标客群中没有任何客户 (no target customers)")
            return problems
        contact_cost = n_targets * self.cost_per_contact
        if self.budget > 0 and contact_cost > self.budget:
            problems.append(
                f"预算 {self.budget:g} 不够联系全部 {n_targets} 位目标客户："
                f"需要 {contact_cost:g}（{n_targets} × {self.cost_per_contact:g}）"
            )
        if self.revenue_per_response > 0 and 0 < self.expected_response_rate <= 1:
            revenue = n_targets * self.expected_response_rate * self.revenue_per_response
            if revenue < contact_cost:
                problems.append(
                    f"预计收入 (expected revenue) {revenue:g} 低于联系成本 {contact_cost:g}："
                    f"按预计响应率 {self.expected_response_rate:.1%} 计算，活动会亏损"
                )
        return problems


def promotion_roi(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float = 0.0,
) -> dict[str, float]:
    """Cost, incremental revenue, profit, ROI and break-even response rate of a planned promotion.

    Parameters
    ----------
    targets : int
        Customers to contact (促销对象的人数).
    cost_per_contact : float
        Cost of contacting one customer (call, mail, coupon...).
    revenue_per_response : float
        Revenue (or margin) from one response.
    response_rate : float
        Expected response rate of the contacted customers, in [0, 1].
    baseline_rate : float, default 0
        Response rate without the promotion (a control group's rate), in [0, 1].

    Returns
    -------
    dict of str to float
        ``incremental_responses = (response_rate - baseline_rate) * targets``;
        ``incremental_revenue = incremental_responses * revenue_per_response``;
        ``cost = targets * cost_per_contact``; ``profit = incremental_revenue - cost``;
        ``roi = profit / cost`` (NaN when the cost is 0);
        ``break_even_rate = baseline_rate + cost_per_contact / revenue_per_response``, the
        response rate at which the profit is 0 (NaN when the revenue is 0; above 1 means
        the promotion cannot pay for itself).

    Raises
    ------
    ParameterError
        A negative number, no targets, or a rate outside [0, 1] (naming the parameter).

    Examples
    --------
    >>> result = promotion_roi(targets=1000, cost_per_contact=5, revenue_per_response=100,
    ...     response_rate=0.12, baseline_rate=0.04)
    >>> {name: round(value, 4) for name, value in result.items()}
    {'incremental_responses': 80.0, 'incremental_revenue': 8000.0, 'cost': 5000.0, 'profit': 3000.0, 'roi': 0.6, 'break_even_rate': 0.09}
    """
    if not targets > 0:
        raise ParameterError(f"目标客户数 (targets) 必须大于 0，收到 {targets!r}")
    for name, value in (
        ("cost_per_contact", cost_per_contact),
        ("revenue_per_response", revenue_per_response),
    ):
        if not value >= 0:
            raise ParameterError(f"{name} 不能为负数 (must be >= 0)，收到 {value!r}")
    for name, value in (("response_rate", response_rate), ("baseline_rate", baseline_rate)):
        if not 0 <= value <= 1:
            raise ParameterError(f"{name} 必须在 0 和 1 之间 (must be in [0, 1])，收到 {value!r}")
    incremental = (float(response_rate) - float(baseline_rate)) * float(targets)
    revenue = incremental * float(revenue_per_response)
    cost = float(targets) * float(cost_per_contact)
    return {
        "incremental_responses": incremental,
        "incremental_revenue": revenue,
        "cost": cost,
        "profit": revenue - cost,
        "roi": (revenue - cost) / cost if cost > 0 else math.nan,
        "break_even_rate": (
            float(baseline_rate) + float(cost_per_contact) / float(revenue_per_response)
            if revenue_per_response > 0
            else math.nan
        ),
    }


def roi_curve(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float,
) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """Response rates from 0 to past the plan and break-even, their profits, and the plan.

    The rates reach 1.5 times the planned rate, the baseline plus 5 points and 1.5 times
    the break-even rate (when at most 1), but not beyond 1; 101 rates in all. Parameters
    are those of :func:`promotion_roi`.

    Returns
    -------
    rates, profits : numpy.ndarray
        The response rates and the profit at each.
    plan : dict of str to float
        :func:`promotion_roi` of the planned ``response_rate``.

    Examples
    --------
    >>> rates, profits, plan = roi_curve(targets=1000, cost_per_contact=5,
    ...     revenue_per_response=100, response_rate=0.12, baseline_rate=0.04)
    >>> float(rates[-1]), float(profits[0]), plan["profit"]
    (0.18, -9000.0, 3000.0)
    """
    settings = {
        "targets": targets,
        "cost_per_contact": cost_per_contact,
        "revenue_per_response": revenue_per_response,
        "baseline_rate": baseline_rate,
    }
    plan = promotion_roi(response_rate=response_rate, **settings)
    even = plan["break_even_rate"]
    reach = [response_rate * 1.5, baseline_rate + 0.05]
    if np.isfinite(even) and even <= 1:
        reach.append(even * 1.5)
    rates = np.linspace(0.0, min(max(reach), 1.0), 101)
    profit = np.array([promotion_roi(response_rate=r, **settings)["profit"] for r in rates])
    return rates, profit, plan


CURVE_LABEL = "利润 = 增量收入 − 联系成本"
"""Legend entry of the profit curve of :func:`roi_curve` (static chart and simulator alike)."""

PLAN_LABEL = "你的计划"
"""Legend entry of the planned response rate and its profit."""


def within_reach(even: float, rates: np.ndarray) -> bool:
    """Whether the break-even rate ``even`` is a number within the curve's ``rates``.

    Examples
    --------
    >>> rates, _, plan = roi_curve(targets=1000, cost_per_contact=5,
    ...     revenue_per_response=100, response_rate=0.12, baseline_rate=0.04)
    >>> within_reach(plan["break_even_rate"], rates), within_reach(float("nan"), rates)
    (True, False)
    """
    return bool(np.isfinite(even) and even <= rates[-1])


def break_even_label(even: float) -> str:
    """The legend entry of the break-even line.

    Examples
    --------
    >>> break_even_label(0.09)
    '保本响应率 9.0%'
    """
    return f"保本响应率 {even:.1%}"


def roi_title(targets: int, baseline_rate: float) -> str:
    """The ROI chart's title: how many are contacted, how many would respond anyway.

    Examples
    --------
    >>> roi_title(1000, 0.04)
    '促销收益模拟：联系 1,000 人，不做活动也会有 4.0% 响应'
    """
    return f"促销收益模拟：联系 {targets:,} 人，不做活动也会有 {baseline_rate:.1%} 响应"


def check_plan(*, plan: PromotionPlan, customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The problems of a promotion plan as a table to read (:meth:`PromotionPlan.check_table`).

    Examples
    --------
    >>> import pandas as pd
    >>> plan = PromotionPlan("提升复购率", ["一般发展客户"], "segment", ["门店"], "2025-01-01",
    ...     "2025-01-30", budget=100, cost_per_contact=5, expected_response_rate=0.3)
    >>> check_plan(plan=plan, customers=pd.DataFrame({"segment": ["一般发展客户"] * 10}))
                 发现的问题
    序号
    1     没有发现问题
    """
    return plan.check_table(customers)


def campaign_table(
    result: pd.DataFrame, *, treatment_label: str = "实验组", control_label: str = "对照组"
) -> pd.DataFrame:
    """The table of :func:`evaluate_campaign` to read: Chinese headers, % and percentage points.

    Parameters
    ----------
    result : pandas.DataFrame
        The table of :func:`evaluate_campaign`.
    treatment_label, control_label : str
        What the two groups are called in the headers: 实验组 / 对照组 for an experiment;
        name the groups of an observational comparison by what they are (e.g. 此前联系过 /
        首次联系), since neither is a treatment or a control group.

    Returns
    -------
    pandas.DataFrame
        One row per line of ``result`` (``全部`` first): ``客户群``, ``实验组人数``,
        ``实验组响应率``, ``对照组人数``, ``对照组响应率`` (as "26.0%"), ``增量（百分点）``
        (treated minus control rate, rounded to 0.1), ``增量的 95% 置信区间`` ("-2.0 至 5.6"),
        ``提升度（倍）`` (the ratio of the two rates as text rounded to 0.01; "—" when the
        control rate is 0), ``是否显著`` (是 / 否), ``增量响应人数`` and ``ROI`` (as "35%").

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"group": ["试点"] * 70 + ["对照"] * 80,
    ...     "y": ["yes"] * 56 + ["no"] * 14 + ["yes"] * 48 + ["no"] * 32})
    >>> result = evaluate_campaign(clients, group_col="group", treatment="试点",
    ...     control="对照", outcome_col="y", revenue_per_response=100, cost_per_contact=5)
    >>> campaign_table(result).iloc[0].astype(str).tolist()
    ['全部', '70', '80.0%', '80', '60.0%', '20.0', '5.2 至 33.4', '1.33', '是', '14.0', '300%']
    """
    require_columns(result, CAMPAIGN_COLUMNS, what="活动评估结果 (campaign result)")
    treated, control = result["treatment_rate"], result["control_rate"]
    ratio = [
        "—" if np.isnan(value) else f"{value:.2f}" for value in treated / control.where(control > 0)
    ]
    table = pd.DataFrame(
        {
            "客户群": ["全部" if name == ALL_SEGMENTS else str(name) for name in result.index],
            f"{treatment_label}人数": result["treatment_n"].to_numpy(),
            f"{treatment_label}响应率": [f"{rate:.1%}" for rate in treated],
            f"{control_label}人数": result["control_n"].to_numpy(),
            f"{control_label}响应率": [f"{rate:.1%}" for rate in control],
            "增量（百分点）": (result["abs_lift"] * 100).round(1).to_numpy(),
            "增量的 95% 置信区间": [
                f"{low * 100:.1f} 至 {high * 100:.1f}"
                for low, high in zip(
                    result["abs_lift_ci_low"], result["abs_lift_ci_high"], strict=True
                )
            ],
            "提升度（倍）": ratio,
            "是否显著": ["是" if flag else "否" for flag in result["significant"]],
            "增量响应人数": result["incremental_responses"].round(1).to_numpy(),
            "ROI": ["" if np.isnan(roi) else f"{roi:.0%}" for roi in result["roi"]],
        }
    )
    return table


def promotion_roi_table(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float = 0.0,
) -> pd.DataFrame:
    """:func:`promotion_roi` as a two-column table to read (项目, 数值).

    Parameters are those of :func:`promotion_roi`.

    Returns
    -------
    pandas.DataFrame
        Six rows: 增量响应（次）, 增量收入, 联系成本, 利润 (with 盈利 / 持平 / 亏损, read on
        the profit rounded to 0.01), ROI ("无法计算" when the cost is 0) and 保本响应率
        ("无法计算" when a response brings no revenue; a note when it is above 100%, as the
        plan can then never pay for itself).

    Examples
    --------
    >>> promotion_roi_table(targets=1000, cost_per_contact=5, revenue_per_response=100,
    ...     response_rate=0.12, baseline_rate=0.04)["数值"].tolist()
    ['80.0', '8,000', '5,000', '3,000（盈利）', '60.0%', '9.0%']
    >>> promotion_roi_table(targets=1000, cost_per_contact=50, revenue_per_response=40,
    ...     response_rate=0.3)["数值"].tolist()[3:]
    ['-38,000（亏损）', '-76.0%', '125.0%（超过 100%：这个方案不可能保本）']
    """
    result = promotion_roi(
        targets=targets,
        cost_per_contact=cost_per_contact,
        revenue_per_response=revenue_per_response,
        response_rate=response_rate,
        baseline_rate=baseline_rate,
    )
    roi, even = result["roi"], result["break_even_rate"]
    profit = round(result["profit"], 2) + 0.0  # + 0.0: a rounded -0.0 reads 0
    verdict = "盈利" if profit > 0 else ("持平" if profit == 0 else "亏损")
    if math.isnan(even):
        even_text = "无法计算（单次响应收入为 0）"
    elif even > 1:
        even_text = f"{even:.1%}（超过 100%：这个方案不可能保本）"
    else:
        even_text = f"{even:.1%}"
    rows = [
        ("增量响应（次）", f"{result['incremental_responses']:,.1f}"),
        ("增量收入", f"{result['incremental_revenue']:,.0f}"),
        ("联系成本", f"{result['cost']:,.0f}"),
        ("利润", f"{profit:,.0f}（{verdict}）"),
        ("ROI", "无法计算（成本为 0）" if math.isnan(roi) else f"{roi:.1%}"),
        ("保本响应率", even_text),
    ]
    return pd.DataFrame(rows, columns=["项目", "数值"])


def rate_interval_table(
    *, responses: Sequence[int], contacted: Sequence[int], alpha: float = 0.05
) -> pd.DataFrame:
    """Response rates with their Wilson intervals, one row per (responses, contacted) pair.

    Examples
    --------
    >>> rate_interval_table(responses=[20, 200], contacted=[100, 1000])
       联系人数  响应人数    响应率       95% 置信区间
    0   100    20  20.0%  13.4% 至 28.9%
    1  1000   200  20.0%  17.6% 至 22.6%
    """
    if len(responses) != len(contacted):
        raise DataError(
            f"responses 和 contacted 要一样长：{len(responses)} 个和 {len(contacted)} 个 (responses and contacted differ in length)"
        )
    level = f"{1 - alpha:.0%}"
    rows = []
    for hits, n in zip(responses, contacted, strict=True):
        low, high = wilson_interval(hits, n, alpha=alpha)
        rows.append((n, hits, f"{hits / n:.1%}", f"{low:.1%} 至 {high:.1%}"))
    return pd.DataFrame(rows, columns=["联系人数", "响应人数", "响应率", f"{level} 置信区间"])
