"""The welcome notebook's practice questions: right answers pass, wrong ones fail with their message.

Expected values are recomputed here from the data, independently of the exercise module.
"""

from __future__ import annotations

import pytest

from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import Outcome, welcome
from custseg.transactions import clean_transactions

NAMES = ["q1", "q2", "q3", "q4", "q5", "q6"]


@pytest.fixture(scope="module")
def sample():
    orders = load_sample()
    clean, _ = clean_transactions(orders)
    return orders, clean


def _outcome(name, answer):
    return getattr(welcome, name).problem.evaluate(answer)


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
        assert _outcome(name, answer).outcome is Outcome.CORRECT, name
    assert direction == "变多"  # cancellations carry negative amounts


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_solution_passes(name):
    problem = getattr(welcome, name).problem
    namespace: dict = {}
    exec(problem.solution, namespace)
    assert problem.evaluate(namespace[problem.name]).outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("name", "answer"),
    [("q1", "A"), ("q2", "C"), ("q3", "不变"), ("q4", 436), ("q5", "2011-10"), ("q6", 1999)],
)
def test_a_wrong_answer_fails_and_says_how_to_get_a_hint(name, answer):
    feedback = _outcome(name, answer)
    assert feedback.outcome is Outcome.WRONG
    assert ".hint()" in feedback.message
    assert feedback.message.count("不对") <= 1


@pytest.mark.parametrize("name", NAMES)
def test_every_misconception_gets_its_own_message(name):
    problem = getattr(welcome, name).problem
    assert problem.misconceptions, name
    for item in problem.misconceptions:
        feedback = problem.evaluate(item.value())
        assert feedback.outcome is Outcome.WRONG, (name, item.value())
        assert feedback.message.startswith(item.message), (name, item.value())


def test_choice_letters_texts_and_synonyms_count(sample):
    assert _outcome("q1", "b").outcome is Outcome.CORRECT
    assert _outcome("q1", "重启并运行所有单元格").outcome is Outcome.CORRECT
    assert _outcome("q2", "删掉一行").outcome is Outcome.CORRECT
    assert _outcome("q3", "C").outcome is Outcome.WRONG
    assert _outcome("q3", "A").outcome is Outcome.CORRECT
    assert _outcome("q5", "2011年11月").outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("name", "answer"),
    [("q1", "先运行上面的单元格"), ("q2", "删除重复行"), ("q3", "变多了"), ("q3", "增加"),
     ("q5", "2011/11"), ("q5", "十一月")],
)  # fmt: skip
def test_words_a_learner_would_use_count_right(name, answer):
    assert _outcome(name, answer).outcome is Outcome.CORRECT


def test_near_synonyms_of_a_wrong_choice_get_its_message():
    assert "负数" in _outcome("q3", "减少").message
    assert "负数" in _outcome("q3", "变少了").message
    assert "有正有负" in _outcome("q3", "没变").message
    restart = _outcome("q1", "重启内核")
    assert restart.outcome is Outcome.WRONG and "只重启还不够" in restart.message


def test_the_misconceptions_are_the_numbers_a_learner_would_misread(sample):
    orders, clean = sample
    assert "清洗**前**" in _outcome("q4", orders["invoice_id"].nunique()).message
    assert "行数" in _outcome("q4", len(clean)).message
    assert "客户数" in _outcome("q4", clean["customer_id"].nunique()).message
    assert "负数" in _outcome("q3", "变少").message
    assert "全部国家" in _outcome("q5", _best_overall(clean)).message


def _best_overall(clean):
    return clean.groupby(clean["invoice_date"].dt.strftime("%Y-%m"))["amount"].sum().idxmax()


def test_a_blank_is_not_attempted():
    from custseg.exercises import ____

    for name in NAMES:
        assert _outcome(name, ____).outcome is Outcome.NOT_ATTEMPTED
