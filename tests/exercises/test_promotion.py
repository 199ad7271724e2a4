"""Module 10's practice problems: right answers pass, wrong ones fail, each misconception is named.

The experiment's numbers are recomputed here with DuckDB and scipy, apart from custseg.
"""

from __future__ import annotations

import duckdb
import pytest
from scipy.stats import chi2_contingency

from custseg.datasets import load_cn_promotion
from custseg.exercises import Outcome, ____
from custseg.exercises import promotion as ex


@pytest.fixture(scope="module")
def counts():
    promotion = load_cn_promotion()  # noqa: F841 (read by DuckDB)
    return duckdb.sql(
        """
        SELECT segment, "group", count(*) AS n, sum(CASE WHEN responded THEN 1 ELSE 0 END) AS hits
        FROM promotion GROUP BY ALL
        """
    ).df()


def _rates(rows):
    table = rows.groupby("group")[["n", "hits"]].sum()
    return table["hits"] / table["n"], table


def test_experiment_answers_match_an_independent_count(counts):
    rate, table = _rates(counts)
    increment = float(rate["实验组"] - rate["对照组"])
    assert ex.q3.problem.expected() == round(increment * 100, 1)
    observed = [
        [table.loc[g, "hits"], table.loc[g, "n"] - table.loc[g, "hits"]]
        for g in ("实验组", "对照组")
    ]
    significant = bool(chi2_contingency(observed, correction=False).pvalue < 0.05)
    assert (ex.q4.problem.expected() == ex.SIGNIFICANT) is significant


def test_the_segment_to_target_has_the_surest_increment(counts):
    # the answer has a significant positive increment; the high-response segment does not
    best = ex.best_target()
    for segment in ex.TARGET_CHOICES:
        rate, table = _rates(counts[counts["segment"] == segment])
        observed = [
            [table.loc[g, "hits"], table.loc[g, "n"] - table.loc[g, "hits"]]
            for g in ("实验组", "对照组")
        ]
        p_value = chi2_contingency(observed, correction=False).pvalue
        if segment == best:
            assert rate["实验组"] > rate["对照组"] and p_value < 0.05
        else:
            assert p_value >= 0.05, segment
    top_rate = max(
        ex.TARGET_CHOICES, key=lambda s: _rates(counts[counts["segment"] == s])[0]["实验组"]
    )
    assert top_rate == "重要价值客户" != best  # the misconception is the likely pick


def test_scenario_and_planning_numbers_by_hand():
    assert ex.q1.problem.expected() == pytest.approx(0.09 + 10 / 100)
    assert ex.q9.problem.expected() == pytest.approx(6000 / 2 * 0.06)
    assert ex.q10.problem.expected() == pytest.approx((180 * 60 - 6000) / 6000)
    assert 1200 < ex.q6.problem.expected() < 1300  # two groups of this size exceed 2,000 customers


RIGHT = {
    "q1": [0.19, 0.1905],
    "q2": ["不能：两组不是随机分的，客户本来就不一样", "B", "b", "Ｂ", "不能"],
    "q3": [lambda: ex.q3.problem.expected()],
    "q4": [lambda: ex.q4.problem.expected(), "C", "c", "不显著", "不能确定"],
    "q5": [lambda: ex.best_target(), "b", "一般发展"],
    "q6": [lambda: ex.q6.problem.expected()],
    "q7": ["C", "放宽目标"],
    "q8": ["乙：一般发展客户", "B", "乙", "一般发展客户"],
    "q9": [180, 180.0],
    "q10": [0.8],
}
WRONG = {
    "q1": 0.5,
    "q2": "A",
    "q3": 99.0,
    "q4": "D",
    "q5": "重要价值客户",
    "q6": 100,
    "q7": "A",
    "q8": "A",
    "q9": 3000,
    "q10": -1.0,
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_wrong_and_blank(name):
    problem = getattr(ex, name).problem
    for answer in RIGHT[name]:
        answer = answer() if callable(answer) else answer
        assert problem.evaluate(answer).outcome is Outcome.CORRECT, (name, answer)
    assert problem.evaluate(WRONG[name]).outcome is Outcome.WRONG
    assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(
    ("name", "index"),
    [
        (f"q{n}", i)
        for n in range(1, 11)
        for i in range(len(getattr(ex, f"q{n}").problem.misconceptions))
    ],
)
def test_each_misconception_gets_its_own_message(name, index):
    problem = getattr(ex, name).problem
    misconception = problem.misconceptions[index]
    feedback = problem.evaluate(misconception.value())
    assert feedback.outcome is Outcome.WRONG
    assert misconception.message in feedback.message
    assert "hint()" in feedback.message


def test_at_least_half_are_judgements_decisions_or_predictions():
    kinds = [getattr(ex, f"q{n}").problem.kind for n in range(1, 11)]
    assert sum(kind != "calculation" for kind in kinds) >= len(kinds) / 2


def test_typical_wrong_answers_are_told_what_went_wrong():
    cases = [
        (ex.q1, 0.14, "拖到 10"),  # read the slider before moving it
        (ex.q3, -ex.q3.problem.expected(), "减反了"),
        (ex.q3, f"{ex.q3.problem.expected():.1f}%", "不加 %"),
        (ex.q5, "重要挽留客户", "碰巧"),  # the noisy small segment outside the choices
        (ex.q9, 6000 * 0.06, "不是人数"),
        (ex.q10, 4800, "再除以成本"),
    ]
    for view, answer, words in cases:
        feedback = view.problem.evaluate(answer, hint_call="ex.qN.hint()")
        assert feedback.outcome is Outcome.WRONG, answer
        assert words in feedback.message and feedback.message.count("不对") <= 1
        assert feedback.message.endswith("运行 `ex.qN.hint()` 看提示。")
