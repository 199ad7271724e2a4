"""Module 06's practice questions: right answers from an independent pandas computation pass,
wrong ones fail, each listed misconception gets its own message, letters and synonyms pass."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.datasets import load_cn_orders
from custseg.exercises import Outcome, ____
from custseg.exercises import lifecycle as ex


@pytest.fixture(scope="module")
def orders():
    return load_cn_orders()


@pytest.fixture(scope="module")
def days_since_last(orders):
    day = orders["invoice_date"].dt.normalize()
    today = day.max() + pd.Timedelta(days=1)
    return (today - day.groupby(orders["customer_id"]).max()).dt.days


def _at_risk(days: pd.Series, at_risk_days: int, churn_days: int = 180) -> int:
    return int(((days > at_risk_days) & (days <= churn_days)).sum())


def _assert_checker(view, right, wrong, *, synonyms=()):
    problem = view.problem
    feedback = problem.evaluate(right)
    assert feedback.outcome is Outcome.CORRECT
    assert problem.explanation in feedback.message
    assert problem.evaluate(wrong).outcome is Outcome.WRONG
    assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED
    for synonym in synonyms:
        assert problem.evaluate(synonym).outcome is Outcome.CORRECT, synonym
    for item in problem.misconceptions:
        feedback = problem.evaluate(item.value())
        assert feedback.outcome is Outcome.WRONG
        assert item.message in feedback.message
        assert feedback.message.count("不对") <= 1


def test_q1_counts_customers_gone_90_to_180_days(days_since_last):
    right = _at_risk(days_since_last, 90)
    _assert_checker(ex.q1, right, right + 3)
    churned = int((days_since_last > 180).sum())
    assert "已流失" in ex.q1.problem.evaluate(churned).message


def test_q2_q3_stage_names_accept_the_labels_the_course_uses():
    _assert_checker(ex.q2, "流失风险", "忠诚", synonyms=("C", "流失风险客户", " 流失风险 "))
    _assert_checker(ex.q3, "流失风险", "已流失", synonyms=("c", "流失风险客户"))


def test_q4_q5_an_earlier_at_risk_threshold_lists_more_customers(days_since_last):
    before, after = _at_risk(days_since_last, 90), _at_risk(days_since_last, 60)
    assert after > before
    _assert_checker(ex.q4, "变多", "变少", synonyms=("A", "增加"))
    _assert_checker(ex.q5, after, after - 20)
    assert "90 天" in ex.q5.problem.evaluate(before).message


def test_q6_month_one_retention_of_the_first_cohort(orders):
    month = orders["invoice_date"].dt.to_period("M")
    first = month.groupby(orders["customer_id"]).transform("min")
    cohort = orders["customer_id"][first == first.min()].unique()
    next_month = orders["customer_id"][(first == first.min()) & (month == first.min() + 1)]
    right = round(next_month.nunique() / len(cohort), 2)
    _assert_checker(ex.q6, right, right + 0.05)
    assert "百分数" in ex.q6.problem.evaluate(right * 100).message
    assert "人数" in ex.q6.problem.evaluate(next_month.nunique()).message


def test_q7_compare_cohorts_at_the_same_age():
    _assert_checker(ex.q7, "A", "B", synonyms=("a",))


def test_every_question_has_hints_and_a_solution_and_half_are_judgements():
    views = [getattr(ex, name) for name in ex.__all__]
    assert len(views) >= 6
    assert all(v.problem.hints and v.problem.solution for v in views)
    judged = [v for v in views if v.problem.kind in {"judgement", "decision", "prediction"}]
    assert len(judged) * 2 >= len(views)


@pytest.mark.parametrize(
    ("name", "answer", "same_as"),
    [
        ("q2", "忠诚客户", "忠诚"),
        ("q2", "已流失客户", "已流失"),
        ("q3", "新客户", "新客"),
        ("q4", "减少", "变少"),
        ("q4", "没变", "不变"),
        ("q7", "横着看", "B"),
        ("q7", "第 0 个月", "C"),
    ],
)
def test_other_names_of_a_wrong_choice_get_its_message(name, answer, same_as):
    problem = getattr(ex, name).problem
    feedback = problem.evaluate(answer)
    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == problem.evaluate(same_as).message


@pytest.mark.parametrize(
    ("name", "answer"), [("q2", "流失风险期"), ("q4", "变多了"), ("q7", "竖着比较")]
)
def test_the_right_choice_in_other_words_counts(name, answer):
    assert getattr(ex, name).problem.evaluate(answer).outcome is Outcome.CORRECT


def test_half_a_stage_name_is_asked_which_of_the_two():
    for name in ("q2", "q3"):
        assert "两个阶段" in getattr(ex, name).problem.evaluate("流失").message
