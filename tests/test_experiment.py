"""custseg.experiment: sample size against statsmodels and simulation, wording of the evidence."""

from __future__ import annotations

import numpy as np
import pytest

from custseg.datasets import load_cn_promotion
from custseg.errors import ParameterError
from custseg.experiment import control_group_size, evidence_statement
from custseg.promotion import evaluate_campaign


@pytest.mark.parametrize(("p0", "d"), [(0.2, 0.05), (0.4, 0.2), (0.05, 0.02), (0.6, -0.1)])
def test_control_group_size_gives_the_power_asked_for(p0, d):
    n = control_group_size(baseline_rate=p0, difference=d)
    rng = np.random.default_rng(7)
    trials = 4000
    treated = rng.binomial(n, p0 + d, trials) / n
    control = rng.binomial(n, p0, trials) / n
    pooled = (treated + control) / 2
    z = (treated - control) / np.sqrt(pooled * (1 - pooled) * 2 / n)
    power = float(np.mean(np.abs(z) > 1.959964))
    assert power == pytest.approx(0.8, abs=0.03)
    smaller = control_group_size(baseline_rate=p0, difference=d, power=0.5)
    assert smaller < n


def test_control_group_size_refuses_impossible_rates():
    with pytest.raises(ParameterError, match="difference"):
        control_group_size(baseline_rate=0.98, difference=0.05)
    with pytest.raises(ParameterError, match="difference"):
        control_group_size(baseline_rate=0.2, difference=0)


def test_only_a_randomized_experiment_is_called_an_effect():
    for significant in (True, False):
        for difference in (0.05, -0.05):
            chosen = evidence_statement(
                randomized=False, significant=significant, difference=difference
            )
            assert chosen.startswith("不是随机实验") and "活动带来的效果" not in chosen
    assert "因果效应" in evidence_statement(randomized=True, significant=True, difference=0.05)
    assert "包含 0" in evidence_statement(randomized=True, significant=False, difference=0.05)
    assert "反作用" in evidence_statement(randomized=True, significant=True, difference=-0.05)


def test_the_simulated_experiment_is_balanced_and_evaluable():
    promotion = load_cn_promotion()
    result = evaluate_campaign(
        promotion,
        group_col="group",
        treatment="实验组",
        control="对照组",
        outcome_col="responded",
        positive=True,
        segment_col="segment",
    )
    overall = result.iloc[0]
    assert overall["treatment_n"] == overall["control_n"] == len(promotion) // 2
    assert result.iloc[1:]["treatment_n"].sum() == overall["treatment_n"]
