"""Module 04's practice questions: right answers from an independent pandas computation pass,
wrong ones fail, each listed misconception gets its own message, letters and synonyms pass."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import Outcome, ____
from custseg.exercises import abc_analysis as ex
from custseg.transactions import clean_transactions


def _spend(orders: pd.DataFrame) -> pd.Series:
    return orders.groupby("customer_id")["amount"].sum().sort_values(ascending=False)


def _a_customers(spend: pd.Series, cut: float) -> pd.Series:
    """A = the customers ranked above whom less than ``cut`` of the value lies."""
    before = (spend.cumsum() - spend) / spend.sum()
    return spend[before.to_numpy() < cut - 1e-12]


def _gini(spend: pd.Series) -> float:
    """Gini as the mean absolute difference over twice the mean (the textbook formula)."""
    x = spend.to_numpy()
    return float(np.abs(x[:, None] - x[None, :]).mean() / (2 * x.mean()))


@pytest.fixture(scope="module")
def sample_spend():
    return _spend(clean_transactions(load_sample())[0])


@pytest.fixture(scope="module")
def cn_spend():
    return _spend(load_cn_orders())


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


def test_q1_a_higher_cut_gives_more_a_customers(sample_spend):
    assert len(_a_customers(sample_spend, 0.9)) > len(_a_customers(sample_spend, 0.8))
    _assert_checker(ex.q1, "变多", "变少", synonyms=("A", "增加"))


def test_q2_q3_twenty_key_accounts_on_the_slider(sample_spend):
    positions = np.round(np.arange(0.2, 0.9001, 0.05), 2)
    fitting = [cut for cut in positions if len(_a_customers(sample_spend, cut)) <= 20]
    cut = max(fitting)
    assert len(_a_customers(sample_spend, cut + 0.05)) > 20
    _assert_checker(ex.q2, cut, cut - 0.05)
    share = _a_customers(sample_spend, cut).sum() / sample_spend.sum()
    _assert_checker(ex.q3, round(share, 2), round(share, 2) + 0.05)
    assert "百分数" in ex.q3.problem.evaluate(round(share * 100)).message


def test_q4_q5_the_chinese_business_is_more_concentrated(sample_spend, cn_spend):
    assert _gini(cn_spend) > _gini(sample_spend)
    _assert_checker(ex.q4, "更集中", "更分散", synonyms=("a",))
    _assert_checker(ex.q5, round(_gini(cn_spend), 2), round(_gini(cn_spend), 2) + 0.05)


def test_q6_counts_the_a_customers_of_the_chinese_business(cn_spend):
    right = len(_a_customers(cn_spend, 0.8))
    _assert_checker(ex.q6, right, right + 10)


def test_q7_wants_a_ratio_not_a_difference(cn_spend):
    ordered = cn_spend.to_numpy()
    thirds = np.minimum(np.arange(len(ordered)) * 3 // len(ordered), 2)
    high, low = ordered[thirds == 0].mean(), ordered[thirds == 2].mean()
    _assert_checker(ex.q7, round(high / low, 1), round(high / low, 1) + 3)
    assert "减法" in ex.q7.problem.evaluate(round(high) - round(low)).message


def test_q8_c_customers_are_served_cheaply_not_dropped():
    _assert_checker(ex.q8, "B", "A", synonyms=("b",))


def test_every_question_has_hints_and_a_solution_and_half_are_judgements():
    views = [getattr(ex, name) for name in ex.__all__]
    assert len(views) >= 6
    assert all(v.problem.hints and v.problem.solution for v in views)
    judged = [v for v in views if v.problem.kind in {"judgement", "decision", "prediction"}]
    assert len(judged) * 2 >= len(views)


@pytest.mark.parametrize(
    ("name", "answer", "same_as"),
    [("q1", "变少了", "变少"), ("q1", "没变", "不变"), ("q4", "分散", "更分散"), ("q4", "相近", "差不多")],
)  # fmt: skip
def test_other_names_of_a_wrong_choice_get_its_message(name, answer, same_as):
    problem = getattr(ex, name).problem
    feedback = problem.evaluate(answer)
    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == problem.evaluate(same_as).message
    assert "不是这道题的选项" not in feedback.message


@pytest.mark.parametrize(("name", "answer"), [("q1", "变多了"), ("q4", "更集中了")])
def test_the_right_choice_in_other_words_counts(name, answer):
    assert getattr(ex, name).problem.evaluate(answer).outcome is Outcome.CORRECT


def test_the_c_class_question_states_what_the_data_shows():
    from custseg.abc_analysis import abc_class_table, abc_classify

    table = abc_class_table(abc_classify(load_cn_orders()))
    assert table["客户数"].idxmax().startswith("C")
    assert "禾悦食品" in ex.q8.problem.prompt
