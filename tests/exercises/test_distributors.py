"""Module 09's practice problems, checked with known-right and known-wrong answers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.datasets import load_sample
from custseg.exercises import Outcome, ____
from custseg.exercises import distributors as ex

COVERAGE = {"全国": 100.0, "区域": 70.0, "地方": 40.0}


def _grades(reference: pd.DataFrame, frame: pd.DataFrame, weights: dict[str, float]) -> pd.Series:
    """Grades with the reference period as yardstick, by direct comparison of every pair."""

    def share_at_most(column: str) -> np.ndarray:
        ref = reference[column].to_numpy()
        return (ref[None, :] <= frame[column].to_numpy()[:, None]).mean(axis=1)

    sales = 50 * (share_at_most("sales") + share_at_most("target_attainment"))
    total = (
        weights["coverage"] * frame["coverage"].map(COVERAGE).to_numpy()
        + weights["sales"] * sales
        + weights["cooperation"] * (frame["cooperation"].to_numpy() - 1) * 25
    ) / sum(weights.values())
    total = np.round(total, 10)
    grade = np.select([total >= 75, total >= 60, total >= 45], ["A", "B", "C"], default="D")
    return pd.Series(grade, index=frame["distributor_id"].to_numpy())


def test_distributor_problems_accept_the_right_answers_and_reject_wrong_ones():
    data = load_sample("distributors")
    h1, h2 = data[data["period"] == "2024-H1"], data[data["period"] == "2024-H2"]
    default = {"coverage": 0.3, "sales": 0.4, "cooperation": 0.3}
    before, after = _grades(h1, h1, default), _grades(h1, h2, default)
    downgraded = {d for d in before.index if after[d] > before[d]}  # "D" > "A" as letters
    assert downgraded
    cooperation_first = int((_grades(h1, h1, ex.COOPERATION_FIRST) == "A").sum())
    right = {
        "q1": int((before == "A").sum()),
        "q2": downgraded,
        "q3": cooperation_first,
    }
    wrong = {
        "q1": int((before == "B").sum()),
        "q2": downgraded - {min(downgraded)},
        "q3": str(cooperation_first),
    }
    for name in right:
        problem = getattr(ex, name).problem
        assert problem.evaluate(right[name]).outcome is Outcome.CORRECT, name
        assert problem.evaluate(wrong[name]).outcome is Outcome.WRONG, name
        assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED, name
    assert min(downgraded) in ex.q2.problem.evaluate(wrong["q2"]).text()
