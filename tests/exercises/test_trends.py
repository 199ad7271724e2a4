"""Module 12's practice problems: right answers pass, wrong ones fail, each misconception is named.

The widget answers are read off the widget itself after moving its slider, as a learner
would; the migration answer is checked against the raw crosstab of custseg.segments.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from custseg.datasets import load_cn_orders
from custseg.exercises import Outcome, ____
from custseg.exercises import trends as ex
from custseg.segments import segment_migration
from custseg.widgets.dynamic import segments_over_time_explorer


def _widget_vip(box, day: str) -> int:
    slider, summary = box.children[0], box.children[1]
    slider.value = pd.Timestamp(day)
    return int(re.search(r"重要价值客户 (\d+) 位", summary.value).group(1))


def test_widget_answers_are_what_the_widget_shows():
    box = segments_over_time_explorer(ex._clean())
    early, late = _widget_vip(box, ex.EARLY_DAY), _widget_vip(box, ex.LATE_DAY)
    assert ex.q2.problem.expected() == late
    assert late > early * 1.2 and ex.q1.problem.expected() == "变多"


def test_migration_answer_is_the_diagonal_of_the_raw_crosstab():
    raw = segment_migration(load_cn_orders(), ex.CN_START, ex.CN_END)
    assert ex.q4.problem.expected() == raw.loc[ex.VIP, ex.VIP]
    assert raw.loc[ex.VIP].sum() > raw.loc[ex.VIP, ex.VIP]  # some left: the total is a trap
    assert raw[ex.VIP].sum() > raw.loc[ex.VIP, ex.VIP]  # some arrived: so is the column
    # the move q3 asks to act on happens in these data
    assert raw.loc[ex.VIP, "重要挽留客户"] > 0


RIGHT = {
    "q1": ["变多", "A", "a", "增多"],
    "q2": [lambda: ex.vip_count(ex.LATE_DAY)],
    "q3": [ex.ACT_NOW, "B"],
    "q4": [lambda: ex.q4.problem.expected()],
    "q5": ["A", "首单后尽快跟进：会员引导、复购提醒和第二单的优惠"],
    "q6": ["C", "c"],
    "q7": ["D", "ｄ"],
    "q8": ["C"],
}
WRONG = {"q1": "C", "q2": 0, "q3": "C", "q4": 0, "q5": "C", "q6": "B", "q7": "B", "q8": "A"}


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
        for n in range(1, 9)
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


def test_the_sensible_plan_is_not_always_the_same_letter():
    letters = []
    for n in (3, 5, 6, 7, 8):
        problem = getattr(ex, f"q{n}").problem
        letters.append("ABCD"[problem.choices.index(problem.expected())])
    assert len(set(letters)) >= 3, letters
