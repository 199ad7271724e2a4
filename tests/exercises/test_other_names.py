"""Other names of a wrong choice get that choice's message, also when the answer is computed."""

from __future__ import annotations

from custseg.exercises import Outcome
from custseg.exercises.other_names import under_other_names
from custseg.exercises.problem import Misconception, Problem


def _problem(misconceptions):
    return Problem(
        "pick",
        "哪一类？",
        lambda: "重要保持客户",
        ["看 R。"],
        kind="judgement",
        choices=("重要保持客户", "重要挽留客户", "一般挽留客户"),
        misconceptions=misconceptions,
    )


def test_a_fixed_wrong_answer_is_recognised_by_its_other_names_and_without_its_suffix():
    found = under_other_names(
        [Misconception("重要挽留客户", "关系浅。")],
        {"重要挽留客户": ("挽留客户",)},
        drop_suffix="客户",
    )
    problem = _problem(found)
    for answer in ("重要挽留客户", "挽留客户", "重要挽留", "B"):
        feedback = problem.evaluate(answer)
        assert feedback.outcome is Outcome.WRONG and feedback.message.startswith("关系浅。")
    assert problem.evaluate("一般挽留").message.startswith("'一般挽留' 不是这道题的选项")


def test_a_computed_wrong_answer_gets_copies_for_its_names_only():
    found = under_other_names(
        [Misconception(lambda: "一般挽留客户", "成本高。")],
        {"一般挽留客户": ("一般挽留", "挽留"), "别的": ("a", "b", "c")},
    )
    assert len(found) == 4  # the answer, and one copy per name of the longest list
    assert [m.value() for m in found] == ["一般挽留客户", "一般挽留", "挽留", "一般挽留客户"]
    assert _problem(found).evaluate("挽留").message.startswith("成本高。")
