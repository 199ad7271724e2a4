"""Randomized promotion experiments (随机实验): what a comparison can prove, and how large a
control group must be.

A comparison of a treated group with a control group estimates the promotion's **causal**
effect only when who got the promotion was decided at random: then the two groups differ,
on average, in nothing but the promotion. When the groups were chosen (the bank called the
clients it liked best, a manager picked the keen stores), the gap mixes the promotion with
who was chosen, and a "significant" gap proves only that the groups differ.
:func:`evidence_statement` turns that rule into the sentence a report should carry.

Terms follow the course glossary: the **difference** (差值 / 增量) is the treated group's
response rate minus the control group's, in percentage points; **lift** is only their ratio.

Sample size (:func:`control_group_size`), for two groups of equal size ``n`` and response
rates ``p0`` (control) and ``p1 = p0 + d``, a two-sided test at level ``alpha`` with power
``1 - beta`` (Fleiss, Levin and Paik 2003, eq. 4.14, without continuity correction)::

    n = (z_{1-alpha/2} sqrt(2 pbar (1 - pbar)) + z_{1-beta} sqrt(p0 (1 - p0) + p1 (1 - p1)))^2 / d^2

with ``pbar = (p0 + p1) / 2``, rounded up.

Reference: J. L. Fleiss, B. Levin, M. C. Paik (2003), *Statistical Methods for Rates and
Proportions*, 3rd ed., Wiley, section 4.2.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from custseg.deprecation import renamed_keywords
from custseg.errors import ParameterError

__all__ = ["control_group_size", "evidence_statement"]


@renamed_keywords(randomised="randomized")
def evidence_statement(*, randomized: bool, significant: bool, difference: float) -> str:
    """What a treated-versus-control comparison can be said to show, in plain Chinese.

    Parameters
    ----------
    randomized : bool
        Whether who got the promotion was decided at random (a randomized experiment).
        The old spelling ``randomised=`` still works, with a :class:`DeprecationWarning`.
    significant : bool
        Whether the difference is significant (its confidence interval excludes 0).
    difference : float
        Treated response rate minus control response rate.

    Returns
    -------
    str
        A sentence that claims a causal effect only for a randomized experiment.

    Examples
    --------
    >>> print(evidence_statement(randomized=False, significant=True, difference=0.12))
    不是随机实验：两组客户本来就不一样，差值显著只说明两组不同，不能说明差距是活动带来的；要证明效果，下次活动前随机留出对照组。
    >>> print(evidence_statement(randomized=True, significant=True, difference=0.05))
    随机实验：两组是随机分的，差值估计的就是活动带来的效果（因果效应），而且不太可能只是运气。
    """
    if not randomized:
        if significant:
            return (
                "不是随机实验：两组客户本来就不一样，差值显著只说明两组不同，不能说明差距是活动带来的；"
                "要证明效果，下次活动前随机留出对照组。"
            )
        return "不是随机实验，差值也不显著：既不能说明活动有效，也不能说明无效。"
    if not significant:
        return (
            "随机实验，但差值的置信区间包含 0：看不出活动有效果，也不能断定没有效果"
            "（人数可能太少）。"
        )
    if difference > 0:
        return "随机实验：两组是随机分的，差值估计的就是活动带来的效果（因果效应），而且不太可能只是运气。"
    return "随机实验：活动组的响应率显著更低，活动起了反作用，要查明原因。"


def _z(probability: float) -> float:
    return NormalDist().inv_cdf(probability)


def control_group_size(
    *, baseline_rate: float, difference: float, alpha: float = 0.05, power: float = 0.8
) -> int:
    """People needed in each group (control and treated alike) to detect a difference.

    Parameters
    ----------
    baseline_rate : float
        Expected response rate without the promotion (the control group's), in (0, 1).
    difference : float
        The smallest difference in response rate worth detecting, e.g. 0.05 for 5
        percentage points; ``baseline_rate + difference`` must stay in (0, 1).
    alpha : float, default 0.05
        Significance level of the two-sided test.
    power : float, default 0.8
        The chance of finding the difference when it is real.

    Returns
    -------
    int
        Customers per group (formula in the module docstring).

    Examples
    --------
    Rates 0.4 against 0.6: (1.96 * sqrt(0.5) + 0.8416 * sqrt(0.48))^2 / 0.2^2 = 96.9, so 97.

    >>> control_group_size(baseline_rate=0.4, difference=0.2)
    97
    >>> control_group_size(baseline_rate=0.2, difference=0.05)
    1094
    """
    p0, p1 = float(baseline_rate), float(baseline_rate) + float(difference)
    if not (0 < p0 < 1 and 0 < p1 < 1) or difference == 0:
        raise ParameterError(
            "响应率要在 0 和 1 之间、差值不能为 0 (rates in (0, 1), difference not 0)："
            f"baseline_rate={baseline_rate!r}, difference={difference!r}"
        )
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ParameterError(
            f"alpha 和 power 要在 0 和 1 之间 (alpha and power in (0, 1))：alpha={alpha!r}, power={power!r}"
        )
    mean = (p0 + p1) / 2
    top = _z(1 - alpha / 2) * math.sqrt(2 * mean * (1 - mean)) + _z(power) * math.sqrt(
        p0 * (1 - p0) + p1 * (1 - p1)
    )
    return math.ceil(top**2 / (p1 - p0) ** 2)
