"""Module 11's practice problems: the answers agree with the classifier, an independent count
and the House of Quality by hand; the words and mistakes particular to this module.

What every question must do is checked in tests/course/test_main_track.py.
"""

from __future__ import annotations

import pytest

from custseg.datasets import load_cn_customers
from custseg.exercises import privacy as ex
from custseg.privacy import classify_columns, example_customers
from tests.exercises.answers import assert_right, assert_wrong


def _rows_at_risk(columns: list[str], width: int) -> int:
    """Rows in groups under 5, counted here with plain pandas, ages cut by integer division."""
    customers = load_cn_customers()
    keys = customers[columns].assign(age=customers["age"] // width)
    sizes = keys.groupby(columns)["age"].transform("size")
    return int((sizes < 5).sum())


def test_the_law_questions_agree_with_the_classifier():
    levels = classify_columns(example_customers())["personal"]
    assert ex.q1.problem.expected() == levels["满意度"]
    assert {"银行卡号"} <= set(levels[levels == "敏感个人信息"].index)
    assert levels["城市"] != "敏感个人信息" and levels["最近购买日期"] != "敏感个人信息"


def test_k_anonymity_answers_match_an_independent_count():
    assert ex.q7.problem.expected() == _rows_at_risk(["age", "gender", "province"], 10)
    widths = [_rows_at_risk(ex.CN_QUASI, width) for width in range(1, 21)]
    narrowest = next(w for w, n in enumerate(widths, start=1) if n <= ex.MAX_ROWS_AT_RISK)
    assert ex.q8.problem.expected() == narrowest
    assert widths[narrowest - 2] > ex.MAX_ROWS_AT_RISK  # one year narrower is not enough
    assert_right(ex.q7, ex.rows_at_risk(["age", "gender", "province"], 10))
    assert_right(ex.q8, ex.narrowest_width(ex.CN_QUASI))
    # q9: adding the province never lowers the rows at risk, and here it raises them
    for width in (1, 5, 10, narrowest):
        assert _rows_at_risk([*ex.CN_QUASI, "province"], width) > _rows_at_risk(ex.CN_QUASI, width)


@pytest.mark.parametrize(
    ("name", "words"),
    [("q1", ["个人"]), ("q2", ["过敏", "医疗健康"]), ("q3", ["敏感"]), ("q4", ["家庭装"]),
     ("q6", ["是"]), ("q9", ["增加", "增多"])],
)  # fmt: skip
def test_words_a_learner_would_write_count(name, words):
    assert_right(getattr(ex, name), *words)


def test_the_percent_misconception_is_not_the_answer():
    expected = ex.q7.problem.expected()
    percent = ex.q7.problem.misconceptions[1].value()
    assert percent != expected and percent == pytest.approx(expected / 20, abs=0.05)


def test_house_of_quality_answers_by_hand():
    from custseg.qfd import RELATIONS, segment_needs

    needs = segment_needs(load_customers=True)
    vip = needs.loc["重要价值客户"]
    assert ex.q5.problem.expected() == round(vip["品牌可信"] * 9 + vip["健康配料"] * 3, 1)
    developing = needs.loc["一般发展客户"]
    scores = {
        name: float((RELATIONS[name] * developing[RELATIONS.index]).sum()) for name in RELATIONS
    }
    assert ex.q4.problem.expected() == max(scores, key=scores.get)
    assert_right(ex.q5, ex.requirement_score("重要价值客户", "包装印上溯源和质检信息"))
    # the misconception message's reason holds: price matters more than health to this segment
    assert developing["价格实惠"] > developing["健康配料"]


def test_typical_wrong_answers_are_told_what_went_wrong():
    score = ex.requirement_score("重要价值客户", "包装印上溯源和质检信息")
    share = ex.requirement_share("重要价值客户", "包装印上溯源和质检信息")
    assert 0 < share < 100 and share != score
    cases = [
        (ex.q1, "敏感", "第 28 条"),
        (ex.q2, "银行卡号", "不在这张会员登记表里"),  # sensitive, but not one of the columns
        (ex.q4, "减糖减盐", "价格实惠"),
        (ex.q5, share, "占比"),
        (ex.q7, 1, "这是 k"),
        (ex.q9, "减少", "变少"),
    ]
    for view, answer, words in cases:
        assert_wrong(view, answer, words)
