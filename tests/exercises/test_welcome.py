"""The welcome notebook's practice questions: right answers recomputed from the data pass, and
the words and mistakes particular to this module get their message.

Expected values are recomputed here from the data, independently of the exercise module. What
every question must do is checked in tests/course/test_main_track.py.
"""

from __future__ import annotations

import pytest

from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import welcome
from custseg.transactions import clean_transactions
from tests.exercises.answers import assert_right, assert_wrong


@pytest.fixture(scope="module")
def sample():
    orders = load_sample()
    clean, _ = clean_transactions(orders)
    return orders, clean


def test_the_right_answers_computed_from_the_data_pass(sample):
    orders, clean = sample
    months = (
        clean[clean["country"] == "France"]
        .groupby(clean["invoice_date"].dt.strftime("%Y-%m"))["amount"]
        .sum()
    )
    direction = "变多" if clean["amount"].sum() > orders["amount"].sum() else "变少"
    right = {
        "q1": "B",
        "q2": "B",
        "q3": direction,
        "q4": clean["invoice_id"].nunique(),
        "q5": months.idxmax(),
        "q6": load_cn_orders()["customer_id"].nunique(),
    }
    for name, answer in right.items():
        assert_right(getattr(welcome, name), answer)
    assert direction == "变多"  # cancellations carry negative amounts


@pytest.mark.parametrize(
    ("name", "answer"),
    [("q1", "先运行上面的单元格"), ("q1", "重启并运行所有单元格"), ("q2", "删除重复行"),
     ("q2", "删掉一行"), ("q3", "变多了"), ("q3", "增加"), ("q5", "2011/11"), ("q5", "十一月"),
     ("q5", "2011年11月")],
)  # fmt: skip
def test_words_a_learner_would_use_count_right(name, answer):
    assert_right(getattr(welcome, name), answer)


def test_near_synonyms_of_a_wrong_choice_get_its_message():
    assert_wrong(welcome.q3, "减少", "负数")
    assert_wrong(welcome.q3, "变少了", "负数")
    assert_wrong(welcome.q3, "没变", "有正有负")
    assert_wrong(welcome.q1, "重启内核", "只重启还不够")


def test_the_misconceptions_are_the_numbers_a_learner_would_misread(sample):
    orders, clean = sample
    assert_wrong(welcome.q4, orders["invoice_id"].nunique(), "清洗**前**")
    assert_wrong(welcome.q4, len(clean), "行数")
    assert_wrong(welcome.q4, clean["customer_id"].nunique(), "客户数")
    assert_wrong(welcome.q3, "变少", "负数")
    assert_wrong(welcome.q5, _best_overall(clean), "全部国家")


def _best_overall(clean):
    return clean.groupby(clean["invoice_date"].dt.strftime("%Y-%m"))["amount"].sum().idxmax()
