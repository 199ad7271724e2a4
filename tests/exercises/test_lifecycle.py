"""Module 06's practice questions: right answers from an independent pandas computation pass,
near misses fail, and the words and mistakes particular to this module get their message.

What every question must do is checked in tests/course/test_main_track.py."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.datasets import load_cn_orders
from custseg.exercises import lifecycle as ex
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


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


def test_q1_counts_customers_gone_90_to_180_days(days_since_last):
    right = _at_risk(days_since_last, 90)
    assert_right(ex.q1, right)
    assert_wrong(ex.q1, right + 3)
    assert_wrong(ex.q1, int((days_since_last > 180).sum()), "已流失")


def test_q2_q3_stage_names_accept_the_labels_the_course_uses():
    assert_right(ex.q2, "流失风险", "C", "流失风险客户")
    assert_right(ex.q3, "流失风险", "c", "流失风险客户")


def test_q4_q5_an_earlier_at_risk_threshold_lists_more_customers(days_since_last):
    before, after = _at_risk(days_since_last, 90), _at_risk(days_since_last, 60)
    assert after > before
    assert_right(ex.q4, "变多", "增加")
    assert_right(ex.q5, after)
    assert_wrong(ex.q5, after - 20)
    assert_wrong(ex.q5, before, "90 天")


def test_q6_month_one_retention_of_the_first_cohort(orders):
    month = orders["invoice_date"].dt.to_period("M")
    first = month.groupby(orders["customer_id"]).transform("min")
    cohort = orders["customer_id"][first == first.min()].unique()
    next_month = orders["customer_id"][(first == first.min()) & (month == first.min() + 1)]
    right = round(next_month.nunique() / len(cohort), 2)
    assert_right(ex.q6, right)
    assert_wrong(ex.q6, right + 0.05)
    assert_wrong(ex.q6, right * 100, "百分数")
    assert_wrong(ex.q6, next_month.nunique(), "人数")


def test_q7_compare_cohorts_at_the_same_age():
    assert_right(ex.q7, "A")


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
    assert_told_like(getattr(ex, name), answer, same_as)


@pytest.mark.parametrize(
    ("name", "answer"), [("q2", "流失风险期"), ("q4", "变多了"), ("q7", "竖着比较")]
)
def test_the_right_choice_in_other_words_counts(name, answer):
    assert_right(getattr(ex, name), answer)


def test_half_a_stage_name_is_asked_which_of_the_two():
    for view in (ex.q2, ex.q3):
        assert_wrong(view, "流失", "两个阶段")
