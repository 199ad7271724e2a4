"""The checkers themselves: known-right answers pass, known-wrong ones fail with a useful reason."""

from __future__ import annotations

import sys
import types
import warnings

import pandas as pd
import pytest

from custseg.exercises import Misconception, Outcome, Problem, ____, bind, close_to
from custseg.exercises.problem import KINDS, compare_answers


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


# The contract's question features: kinds, choices, synonyms, misconceptions, explanations.

_SEGMENTS = ("重要价值客户", "重要保持客户", "一般挽留客户")


def _choice_problem(kind="judgment", **extra):
    return Problem(
        "coupon",
        "哪一类客户该发**挽回**优惠券？",
        lambda: "重要保持客户",
        ["看最近一次购买。", "R 低、F 和 M 高。"],
        'coupon = "重要保持客户"',
        explanation="他们曾经常买、买得多，但很久没来了：最值得挽回。",
        kind=kind,
        choices=_SEGMENTS,
        accept=("重要保持", "重要唤回客户"),
        misconceptions=(
            Misconception("重要价值客户", "重要价值客户最近刚买过，不需要挽回。"),
            Misconception(lambda: "一般挽留客户", "一般挽留客户价值低，券的回报小。"),
        ),
        **extra,
    )


def _ex_view(problem):
    """A view bound as ``q1`` of a throwaway exercise module imported as ``ex``."""
    module = types.ModuleType("exercise_module_for_tests")
    module.q1 = bind(problem, "q1")
    module.q1._module = module.__name__
    sys.modules[module.__name__] = module
    return module


@pytest.mark.parametrize(
    "answer",
    [
        "重要保持客户",
        "B",
        "b",
        " Ｂ ",
        "（B）",
        "B. 重要保持客户",
        "重要 保持客户。",
        "重要保持",
        "重要唤回客户",
    ],
)
def test_choice_letters_text_and_synonyms_are_right(answer):
    feedback = _choice_problem().evaluate(answer)
    assert feedback.outcome is Outcome.CORRECT, answer


def test_a_right_answer_shows_the_explanation():
    feedback = _choice_problem().evaluate("B")
    assert feedback.text().startswith("正确")
    assert "最值得挽回" in feedback.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("A", "最近刚买过"),
        ("重要价值客户", "最近刚买过"),
        ("c", "回报小"),
        ("一般挽留客户", "回报小"),
    ],
)
def test_each_misconception_gets_its_own_message(answer, message):
    feedback = _choice_problem().evaluate(answer, hint_call="ex.q4.hint()")
    assert feedback.outcome is Outcome.WRONG
    assert message in feedback.message
    assert feedback.message.endswith("运行 `ex.q4.hint()` 看提示。")


def test_a_numeric_misconception_is_matched_with_the_problems_compare():
    problem = Problem(
        "share",
        "重要价值客户占多少比例（0 到 1 的小数）？",
        lambda: 0.123,
        ["用比例，不用百分数。"],
        kind="calculation",
        compare=close_to(0.005),
        misconceptions=(Misconception(lambda: 12.3, "这是百分数，题目要的是 0 到 1 之间的小数。"),),
    )
    assert problem.evaluate(0.125).outcome is Outcome.CORRECT
    assert "百分数" in problem.evaluate(12.302).message
    other = problem.evaluate(0.2)
    assert other.outcome is Outcome.WRONG and "百分数" not in other.message
    assert "0.2" in other.message


@pytest.mark.parametrize("answer", ["D", "忠诚客户", 2, ["B"]])
def test_other_wrong_answers_say_not_quite_once_and_end_with_the_hint_call(answer):
    feedback = _choice_problem().evaluate(answer, hint_call="ex.q1.hint()")
    assert feedback.outcome is Outcome.WRONG
    assert feedback.text().count("不对") == 1, feedback.text()
    assert feedback.message.endswith("运行 `ex.q1.hint()` 看提示。")


def test_a_custom_compare_saying_wrong_is_not_doubled():
    problem = Problem("x", "题", lambda: "B", ["提示"], compare=lambda e, a: "不对：再想想。")
    text = problem.evaluate("A", hint_call="ex.q3.hint()").text()
    assert text == "还不对 (not quite)：再想想。运行 `ex.q3.hint()` 看提示。"


def test_without_hints_a_wrong_answer_points_to_the_solution():
    problem = Problem("x", "题", lambda: 1)
    assert problem.evaluate(2, hint_call="ex.q2.hint()").message.endswith(
        "运行 `ex.q2.solution()` 看参考答案。"
    )


@pytest.mark.parametrize("blank", [____, None, ...])
def test_a_choice_question_left_blank_is_not_attempted(blank):
    assert _choice_problem().evaluate(blank).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(
    ("expected", "answer"),
    [
        ("行为维度", "行为 维度"),
        ("流失风险客户", "流失风险客户。"),
        ("Yes", "yes"),
        ("A，B", "A,B"),
    ],
)
def test_text_answers_ignore_spaces_case_and_full_width_punctuation(expected, answer):
    assert _problem(expected).evaluate(answer).outcome is Outcome.CORRECT


def test_unknown_kind_is_refused_in_chinese():
    with pytest.raises(ValueError, match="题型") as refused:
        Problem("x", "题", lambda: 1, kind="essay")
    assert "judgment" in str(refused.value) and "judgement" not in str(refused.value)


def test_the_british_judgement_kind_still_works_and_warns_once(monkeypatch):
    import custseg.exercises.question as question

    monkeypatch.setattr(question, "_warned_kinds", set())
    message = 'kind="judgement" 已改名为 kind="judgment" \\(renamed to kind="judgment"\\)'
    with pytest.deprecated_call(match=message) as caught:
        old = _choice_problem(kind="judgement")
    assert {w.filename for w in caught} == {__file__}  # points at the line that built it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = _choice_problem(kind="judgement")  # the second one is silent
    new = _choice_problem()
    for answer in ("b", "重要保持", "A", "一般挽留客户", "E", "  ", None):
        assert again.evaluate(answer) == old.evaluate(answer) == new.evaluate(answer)
    assert KINDS[old.kind] == KINDS[new.kind] == "判断题"
    assert "（判断题）" in bind(old, "q1")._repr_markdown_()


def test_the_view_names_its_module_alias_and_attribute(capsys):
    module = _ex_view(_choice_problem())
    namespace = {"ex": module}
    exec("ex.q1.check('A')", namespace)
    out = capsys.readouterr().out
    assert "最近刚买过" in out and "`ex.q1.hint()`" in out
    exec("ex.q1.hint()", namespace)
    assert "`ex.q1.hint(2)`" in capsys.readouterr().out
    exec("practice.q1.check('C')", {"practice": module})
    assert "`practice.q1.hint()`" in capsys.readouterr().out


def test_bind_discovers_the_attribute_name_in_its_module():
    module = types.ModuleType("exercise_module_discovered")
    sys.modules[module.__name__] = module
    exec(
        "from custseg.exercises import Problem, bind\n"
        "q5 = bind(Problem('x', '题', lambda: 1, ['提示']))",
        module.__dict__,
    )
    assert module.q5.attribute == "q5"
    assert module.q5.evaluate(2, {"ex": module}).message.endswith("运行 `ex.q5.hint()` 看提示。")


def test_the_prompt_renders_as_markdown_with_lettered_choices():
    module = _ex_view(_choice_problem())
    markdown = module.q1._repr_markdown_()
    assert "**挽回**" in markdown and "（判断题）" in markdown
    assert "- **A.** 重要价值客户" in markdown and "- **C.** 一般挽留客户" in markdown
    assert "`coupon = ____`" in markdown and "ex.q1.check()" in markdown


def test_existing_module_questions_name_their_own_hint_call():
    from custseg.exercises import welcome

    feedback = welcome.q2.evaluate(-1, {"ex": welcome})
    assert feedback.message.endswith("运行 `ex.q2.hint()` 看提示。")


@pytest.mark.parametrize("answer", ["E", "忠诚客户"])
def test_an_answer_that_is_not_a_choice_says_how_to_answer(answer):
    feedback = _choice_problem().evaluate(answer, hint_call="ex.q1.hint()")
    assert feedback.outcome is Outcome.WRONG
    assert "不是这道题的选项" in feedback.message and "A、B、C" in feedback.message


def test_a_percentage_for_a_fraction_is_diagnosed_without_a_listed_misconception():
    problem = Problem("rate", "响应率是多少？", lambda: 0.117, ["提示"], compare=close_to(0.001))
    assert "像是百分数" in problem.evaluate(11.7).message
    assert "0.117" in problem.evaluate(11.7).message
    assert "0.125" in problem.evaluate("12.5%").message
    assert "像是百分数" not in problem.evaluate(0.2).message
    whole = Problem("n", "多少位客户？", lambda: 1, ["提示"])
    assert "像是百分数" not in whole.evaluate(100).message  # 1 is not a fraction here either way


def test_empty_text_is_not_attempted():
    assert _choice_problem().evaluate("  ").outcome is Outcome.NOT_ATTEMPTED


def test_the_last_hint_points_to_the_solution(capsys):
    module = _ex_view(_choice_problem())
    exec("ex.q1.hint(2)", {"ex": module})
    assert "`ex.q1.solution()`" in capsys.readouterr().out


def test_a_custom_compare_keeps_its_own_message_for_a_percentage():
    problem = Problem("rate", "题", lambda: 0.5, ["提示"], compare=lambda e, a: "自己的诊断。")
    assert problem.evaluate(50).message.startswith("自己的诊断。")


def test_a_misconception_that_cannot_be_computed_does_not_break_the_check():
    def broken():
        raise RuntimeError("数据不在")

    problem = Problem(
        "n", "题", lambda: 3, ["提示"], misconceptions=(Misconception(broken, "不会显示"),)
    )
    assert problem.evaluate(3).correct
    assert problem.evaluate(4).outcome is Outcome.WRONG
