"""Module 12's practice problems: answers read off the widget and the raw crosstab, and the
words particular to this module (what every question must do is checked in
tests/course/test_main_track.py).

The widget answers are read off the widget itself after moving its slider, as a learner
would; the migration answer is checked against the raw crosstab of custseg.segments.
"""

from __future__ import annotations

import re

import pandas as pd

from custseg.datasets import load_cn_orders
from custseg.exercises import trends as ex
from custseg.segments import segment_migration
from custseg.widgets.dynamic import segments_over_time_explorer
from tests.exercises.answers import assert_right


def _widget_vip(box, day: str) -> int:
    slider, summary = box.children[0], box.children[1]
    slider.value = pd.Timestamp(day)
    return int(re.search(r"重要价值客户 (\d+) 位", summary.value).group(1))


def test_widget_answers_are_what_the_widget_shows():
    box = segments_over_time_explorer(ex._clean())
    early, late = _widget_vip(box, ex.EARLY_DAY), _widget_vip(box, ex.LATE_DAY)
    assert ex.q2.problem.expected() == late
    assert late > early * 1.2 and ex.q1.problem.expected() == "变多"
    assert_right(ex.q1, "增多")
    assert_right(ex.q2, ex.vip_count(ex.LATE_DAY))


def test_migration_answer_is_the_diagonal_of_the_raw_crosstab():
    raw = segment_migration(load_cn_orders(), ex.CN_START, ex.CN_END)
    assert ex.q4.problem.expected() == raw.loc[ex.VIP, ex.VIP]
    assert raw.loc[ex.VIP].sum() > raw.loc[ex.VIP, ex.VIP]  # some left: the total is a trap
    assert raw[ex.VIP].sum() > raw.loc[ex.VIP, ex.VIP]  # some arrived: so is the column
    # the move q3 asks to act on happens in these data
    assert raw.loc[ex.VIP, "重要挽留客户"] > 0
    assert_right(ex.q3, ex.ACT_NOW)


def test_the_sensible_plan_is_not_always_the_same_letter():
    letters = {}
    for name in ("q3", "q5", "q6", "q7", "q8"):
        problem = getattr(ex, name).problem
        letters[name] = "ABCD"[problem.choices.index(problem.expected())]
    assert letters == {"q3": "B", "q5": "A", "q6": "C", "q7": "D", "q8": "C"}
    assert len(set(letters.values())) >= 3, letters
