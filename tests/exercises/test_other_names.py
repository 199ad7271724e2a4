"""Other names of a wrong choice get that choice's message, also when the answer is computed."""

from __future__ import annotations

import importlib

import pytest

from custseg.exercises import Outcome
from custseg.exercises.other_names import MORE_OR_FEWER, choice_words, under_other_names
from custseg.exercises.problem import Misconception, Problem, ProblemView


def _problem(misconceptions):
    return Problem(
        "pick",
        "哪一类？",
        lambda: "重要保持客户",
        ["看 R。"],
        kind="judgment",
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


def test_choice_words_read_short_forms_and_everyday_words_as_their_choice():
    compare = choice_words(("变多", "变少", "不变"), {"增加": "变多", "减少": "变少"})
    for answer in ("变少", "减少", "变少了", " 减少 ", "减少了"):
        assert compare("变少", answer) is None, answer
        assert compare.as_choice(answer) == "变少"
    assert compare("变少", "增加") == "你的答案是 '变多'，和正确答案不一致。"
    assert compare("变少", "跌了") == "你的答案是 '跌了'，和正确答案不一致。"
    assert compare.as_choice(3) == 3


def test_a_wrong_choice_typed_as_a_word_gets_its_message_and_an_unknown_word_is_no_choice():
    problem = Problem(
        "group",
        "哪一类？",
        lambda: "技术型",
        ["看技术。"],
        kind="judgment",
        choices=("技术型", "标准型"),
        compare=choice_words(("技术型", "标准型"), {"性价比": "标准型"}),
        misconceptions=(Misconception("标准型", "要的是技术。"),),
    )
    for answer in ("标准型", "标准", "性价比", "B", "标准型客户", "标准的"):
        feedback = problem.evaluate(answer)
        assert feedback.outcome is Outcome.WRONG and feedback.message.startswith("要的是技术。")
    assert problem.evaluate("技术").correct
    assert problem.evaluate("战略").message.startswith("'战略' 不是这道题的选项")


@pytest.mark.parametrize(
    "module", ["abc_analysis", "cases", "distributors", "lifecycle", "privacy"]
)
def test_every_more_or_fewer_question_reads_the_same_words(module):
    views = [
        view
        for view in vars(importlib.import_module(f"custseg.exercises.{module}")).values()
        if isinstance(view, ProblemView) and set(view.problem.choices) == {"变多", "变少", "不变"}
    ]
    assert views
    for view in views:
        assert view.problem.compare is MORE_OR_FEWER
        right = view.problem.expected_value
        word = {"变多": "增加了", "变少": "减少了", "不变": "没变"}[right]
        assert view.problem.evaluate(word).correct, (module, word)
        for wrong in {"变多", "变少", "不变"} - {right}:
            said = view.problem.evaluate(wrong).message
            other = {"变多": "多了", "变少": "更少", "不变": "一样"}[wrong]
            assert view.problem.evaluate(other).message == said, (module, other)
