"""Module 10's practice problems: answers recomputed from the experiment, and the words and
mistakes particular to this module (what every question must do is checked in
tests/course/test_main_track.py).

The experiment's numbers are recomputed here with DuckDB and scipy, apart from custseg.
"""

from __future__ import annotations

import duckdb
import pytest
from scipy.stats import chi2_contingency

from custseg.datasets import load_cn_promotion
from custseg.exercises import promotion as ex
from tests.exercises.answers import assert_right, assert_wrong


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
    assert_right(ex.q5, best)


def test_scenario_and_planning_numbers_by_hand():
    assert ex.q1.problem.expected() == pytest.approx(0.09 + 10 / 100)
    assert ex.q9.problem.expected() == pytest.approx(6000 / 2 * 0.06)
    assert ex.q10.problem.expected() == pytest.approx((180 * 60 - 6000) / 6000)
    assert 1200 < ex.q6.problem.expected() < 1300  # two groups of this size exceed 2,000 customers
    assert_right(ex.q1, 0.1905)  # within the tolerance of a value read off the chart
    assert_right(ex.q9, 180)  # a whole number of yuan


@pytest.mark.parametrize(
    ("name", "words"),
    [("q2", ["不能"]), ("q4", ["不显著", "不能确定"]), ("q5", ["一般发展"]), ("q7", ["放宽目标"]),
     ("q8", ["乙", "一般发展客户"])],
)  # fmt: skip
def test_words_a_learner_would_write_count(name, words):
    assert_right(getattr(ex, name), *words)


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
        assert_wrong(view, answer, words)
