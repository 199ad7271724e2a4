"""Assertions on the feedback a learner's answer gets, for the module-specific checker tests.

What every question must do (its answer, synonyms and letter count, blanks, wrong answers and
every listed misconception) is checked for all modules in tests/course/test_main_track.py;
the module files use these to check answers recomputed from the data and the content of
particular messages.
"""

from __future__ import annotations

from custseg.exercises import Outcome
from custseg.exercises.problem import ProblemView

HINT_CALL = "ex.qN.hint()"


def assert_right(view: ProblemView, *answers: object) -> None:
    """Each of ``answers`` is counted right."""
    for answer in answers:
        feedback = view.problem.evaluate(answer)
        assert feedback.outcome is Outcome.CORRECT, (view.problem.name, answer, feedback.message)


def assert_wrong(view: ProblemView, answer: object, *words: str) -> str:
    """``answer`` is wrong, its message has each of ``words``, says 不对 at most once and ends
    with the hint call; the message is returned."""
    feedback = view.problem.evaluate(answer, hint_call=HINT_CALL)
    assert feedback.outcome is Outcome.WRONG, (view.problem.name, answer, feedback.message)
    assert [w for w in words if w not in feedback.message] == [], (answer, feedback.message)
    assert feedback.message.count("不对") <= 1, feedback.message
    assert feedback.message.endswith(f"运行 `{HINT_CALL}` 看提示。"), feedback.message
    return feedback.message


def assert_told_like(view: ProblemView, answer: object, same_as: object) -> None:
    """``answer``, another name for the wrong choice ``same_as``, gets that choice's message."""
    message = assert_wrong(view, answer)
    assert message == view.problem.evaluate(same_as, hint_call=HINT_CALL).message, answer
    assert "不是这道题的选项" not in message, answer
