"""The checkers themselves: known-right answers pass, known-wrong ones fail with a useful reason."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.exercises import Outcome, Problem, ____, bind
from custseg.exercises.problem import compare_answers


def _problem(expected):
    return Problem("answer", "题目", lambda: expected, ["提示一", "提示二"], "answer = 1")


@pytest.mark.parametrize("blank", [____, None, ...])
def test_blank_answers_are_not_attempted_not_wrong(blank):
    feedback = _problem(3).evaluate(blank)
    assert feedback.outcome is Outcome.NOT_ATTEMPTED
    assert "____" in feedback.message


@pytest.mark.parametrize(
    ("expected", "right", "wrong", "reason"),
    [
        (4338, 4338.0, 4372, "4372"),
        (4338, 4338, "4338", "引号"),
        (0.25, 0.25000000001, 0.3, "0.3"),
        ("2011-11", " 2011-11", "2011-12", "2011-12"),
        ({"A", "B"}, ["B", "A"], {"A", "C"}, "多了 ['C']"),
        (
            pd.Series([1.0, 2.0], index=["x", "y"]),
            pd.Series([2.0, 1.0], index=["y", "x"]),
            pd.Series([1.0, 2.5], index=["x", "y"]),
            "数值",
        ),
        (
            pd.Series([1.0, 2.0], index=["x", "y"]),
            pd.Series([1, 2], index=["x", "y"]),
            pd.Series([1.0], index=["x"]),
            "行数",
        ),
        (
            pd.DataFrame({"a": [1, 2]}),
            pd.DataFrame({"b": [0, 0], "a": [1, 2]}),
            pd.DataFrame({"b": [1, 2]}),
            "缺少列",
        ),
    ],
)
def test_known_right_and_known_wrong_answers(expected, right, wrong, reason):
    problem = _problem(expected)
    assert problem.evaluate(right).outcome is Outcome.CORRECT
    feedback = problem.evaluate(wrong)
    assert feedback.outcome is Outcome.WRONG
    assert reason in feedback.message


def test_an_odd_answer_never_crashes_the_checker():
    def broken(expected, answer):
        raise RuntimeError("boom")

    problem = Problem("x", "题", lambda: 1, compare=broken)
    assert problem.evaluate(object()).outcome is Outcome.WRONG


def test_bool_is_not_a_number_answer():
    assert compare_answers(1, True) is not None


def test_hints_are_clamped_and_numbered():
    problem = _problem(1)
    assert problem.hint_text(1) == "提示一"
    assert problem.hint_text(9) == "提示二"
    assert "solution" in Problem("x", "题", lambda: 1).hint_text()


def test_check_reads_the_learners_variable_from_the_caller(capsys):
    view = bind(_problem(7))
    global answer
    answer = 7
    view.check()
    assert "正确" in capsys.readouterr().out
    answer = 8
    view.check()
    assert "还不对" in capsys.readouterr().out
    del answer
    view.check()
    assert "还没有作答" in capsys.readouterr().out
    view.hint(2)
    assert "提示 2/2" in capsys.readouterr().out
    view.solution()
    assert "answer = 1" in capsys.readouterr().out


def test_the_blank_explains_itself():
    with pytest.raises(TypeError, match="____"):
        ____ + 1
    with pytest.raises(AttributeError, match="____"):
        ____.sum()
