"""How the hidden checks read what a learner typed: options, counts, numbers and ratings.

Every assignment's ``check="setup"`` cell imports these readers; the cases below are answers
learners type in the course (the option texts of assignment 0 and the quizzes), right,
wrong and mistaken.
"""

from __future__ import annotations

import numpy as np
import pytest

from custseg.grading.judge import SETUP, read_checks
from custseg.grading.typed_answers import chosen, codes, count, number, percent_matches, rating
from tests.grading.conftest import GRADING

STEPS = ("数据收集", "数据分析", "客户分类", "策略制定", "效果评估")
STEP_WORDS = {"制定策略": "策略制定", "评估效果": "效果评估"}
MORE_OR_LESS = ("变多", "变少", "不变")
FEWER = {"减少": "变少", "更少": "变少"}


@pytest.mark.parametrize(
    "answer",
    ["D", "d", "Ｄ", "ｄ", "D.", "D. 策略制定", "D策略制定", "D、策略制定", "D）", "D )", "D: 制定策略",
     "策略制定", " 策略制定。", "制定策略", "策略 制定"],
)  # fmt: skip
def test_the_right_option_however_typed(answer):
    assert chosen(answer, STEPS, STEP_WORDS) == "策略制定"


@pytest.mark.parametrize(
    "answer",
    ["C", "E. 策略制定", "D. 效果评估", "D效果评估", "F", "Dad", "策略", "", "   ", "不知道",
     None, True, 4, ["D"], {"D": 1}],
)  # fmt: skip
def test_a_wrong_or_unreadable_answer_is_never_the_right_option(answer):
    assert chosen(answer, STEPS, STEP_WORDS) != "策略制定"


def test_an_unmatched_answer_is_none_not_its_text():
    # A misconception typed in words ("更多") and a stray word both read as None, so a
    # check compares None with the option it expects and the answer scores nothing.
    assert chosen("更多", MORE_OR_LESS, FEWER) is None
    assert chosen("大概变少吧", MORE_OR_LESS, FEWER) is None
    assert chosen("减少", MORE_OR_LESS, FEWER) == "变少"


def test_letters_and_codes_that_are_options():
    ids = ("C00370", "C01012")  # assignment 5: two customer ids, lettered A and B
    assert chosen("C00370", ids) == chosen("A", ids) == chosen("c00370", ids) == "C00370"
    assert chosen("B", ids) == "C01012"
    assert chosen("C", ids) is None


def test_a_number_picks_the_option_with_its_digits():
    days = ("30", "60", "90", "120")
    assert chosen(90, days) == chosen(90.0, days) == chosen("90", days) == "90"
    assert chosen(np.int64(60), days) == "60"
    assert chosen(75, days) is None and chosen(True, days) is None


@pytest.mark.parametrize("answer", [300, 300.0, np.int64(300), np.float64(300.0)])
def test_a_count_typed_as_a_number(answer):
    assert count(answer) == 300
    assert type(count(answer)) is int


@pytest.mark.parametrize("answer", ["300", "３００", True, False, 300.5, -300, None, [300]])
def test_text_and_other_values_are_no_count(answer):
    assert count(answer) is None


def test_a_count_compares_with_a_numpy_count():
    assert count(12) == np.int64(12)
    assert count(0) == 0 and count(-0.0) == 0


@pytest.mark.parametrize(
    "answer", ["D005、D102", "d102, d005", "D005 / D102", ["D102", "D005"], ("d005", " D102 ")]
)
def test_distributor_codes_listed_any_way(answer):
    assert codes(answer) == ["D005", "D102"]


def test_codes_of_something_else():
    assert codes("D005") == ["D005"] != codes("D005、D102")
    assert codes(5) is None and codes(["D005", 102]) is None and codes(None) is None


def test_number_percent_and_rating():
    assert number("72.5分") == 72.5 and number("七十") is None
    assert percent_matches("60%", 60.0) and percent_matches(0.6, 60.0)
    assert not percent_matches(6, 60.0)
    assert rating("５分") == 5 and rating(0) is None


def test_no_assignment_keeps_its_own_copy_of_a_reader():
    for source in sorted((GRADING / "assignments").glob("*.py")):
        setup = read_checks(source).get(SETUP, "")
        for reader in ("chosen", "codes", "count", "ids", "same_count", "number", "rating"):
            assert f"def {reader}(" not in setup, f"{source.name}: def {reader}"
        if "chosen(" in source.read_text(encoding="utf-8"):
            assert "from custseg.grading.typed_answers import" in setup, source.name
