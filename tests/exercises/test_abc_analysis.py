"""Module 04's practice questions: right answers from an independent pandas computation pass,
near misses fail, and the words and mistakes particular to this module get their message.

What every question must do is checked in tests/course/test_main_track.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import abc_analysis as ex
from custseg.transactions import clean_transactions
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


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


def test_q1_a_higher_cut_gives_more_a_customers(sample_spend):
    assert len(_a_customers(sample_spend, 0.9)) > len(_a_customers(sample_spend, 0.8))
    assert_right(ex.q1, "变多", "增加")


def test_q2_q3_twenty_key_accounts_on_the_slider(sample_spend):
    positions = np.round(np.arange(0.2, 0.9001, 0.05), 2)
    fitting = [cut for cut in positions if len(_a_customers(sample_spend, cut)) <= 20]
    cut = max(fitting)
    assert len(_a_customers(sample_spend, cut + 0.05)) > 20
    assert_right(ex.q2, cut)
    assert_wrong(ex.q2, cut - 0.05)
    share = _a_customers(sample_spend, cut).sum() / sample_spend.sum()
    assert_right(ex.q3, round(share, 2))
    assert_wrong(ex.q3, round(share, 2) + 0.05)
    assert_wrong(ex.q3, round(share * 100), "百分数")


def test_q4_q5_the_chinese_business_is_more_concentrated(sample_spend, cn_spend):
    assert _gini(cn_spend) > _gini(sample_spend)
    assert_right(ex.q4, "更集中")
    assert_right(ex.q5, round(_gini(cn_spend), 2))
    assert_wrong(ex.q5, round(_gini(cn_spend), 2) + 0.05)


def test_q6_counts_the_a_customers_of_the_chinese_business(cn_spend):
    right = len(_a_customers(cn_spend, 0.8))
    assert_right(ex.q6, right)
    assert_wrong(ex.q6, right + 10)


def test_q7_wants_a_ratio_not_a_difference(cn_spend):
    ordered = cn_spend.to_numpy()
    thirds = np.minimum(np.arange(len(ordered)) * 3 // len(ordered), 2)
    high, low = ordered[thirds == 0].mean(), ordered[thirds == 2].mean()
    assert_right(ex.q7, round(high / low, 1))
    assert_wrong(ex.q7, round(high / low, 1) + 3)
    assert_wrong(ex.q7, round(high) - round(low), "减法")


def test_q8_c_customers_are_served_cheaply_not_dropped():
    assert_right(ex.q8, "B")


@pytest.mark.parametrize(
    ("name", "answer", "same_as"),
    [("q1", "变少了", "变少"), ("q1", "没变", "不变"), ("q4", "分散", "更分散"), ("q4", "相近", "差不多")],
)  # fmt: skip
def test_other_names_of_a_wrong_choice_get_its_message(name, answer, same_as):
    assert_told_like(getattr(ex, name), answer, same_as)


@pytest.mark.parametrize(("name", "answer"), [("q1", "变多了"), ("q4", "更集中了")])
def test_the_right_choice_in_other_words_counts(name, answer):
    assert_right(getattr(ex, name), answer)


def test_the_c_class_question_states_what_the_data_shows():
    from custseg.abc_analysis import abc_class_table, abc_classify

    table = abc_class_table(abc_classify(load_cn_orders()))
    assert table["客户数"].idxmax().startswith("C")
    assert "禾悦食品" in ex.q8.problem.prompt
