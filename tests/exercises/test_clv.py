"""Module 05's practice questions: the numbers are checked against the fitted models and plain
pandas, near misses fail, and the mistakes particular to this module get their message.

What every question must do is checked in tests/course/test_main_track.py."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.clv_tables import fit_clv_models
from custseg.datasets import load_cn_orders
from custseg.exercises import clv as ex
from custseg.selection import CustomerScorecard
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


@pytest.fixture(scope="module")
def orders():
    return load_cn_orders()


@pytest.fixture(scope="module")
def models(orders):
    return fit_clv_models(orders)


@pytest.fixture(scope="module")
def criteria(orders, models):
    """The three criteria written out with plain pandas and the fitted models."""
    clv = models.spend.customer_lifetime_value(
        models.purchases, models.summary, time=12, discount_rate=0.01, freq="W"
    )
    per_customer = orders.groupby("customer_id")
    orders_count = per_customer["invoice_id"].nunique()
    return pd.DataFrame(
        {
            "potential_value": clv.round(2),
            "loyalty": orders_count,
            "payment_ability": (per_customer["amount"].sum() / orders_count).round(2),
        }
    )


def test_q1_the_visit_goes_to_the_future_value():
    assert_right(ex.q1, "客户乙", "乙")


def test_q2_a_frequent_buyer_gone_for_a_year_is_less_likely_alive(models):
    two = pd.DataFrame({"frequency": [9, 2], "recency": [52.0, 103.0], "T": [104.0, 104.0]})
    frequent_gone, rare_recent = models.purchases.probability_alive(two)
    assert frequent_gone < 0.5 < rare_recent
    assert_right(ex.q2, "客户乙")


def test_q3_reads_the_forecast_not_the_history(models, orders):
    clv = models.spend.customer_lifetime_value(
        models.purchases, models.summary, time=12, discount_rate=0.01, freq="W"
    )
    best = clv.idxmax()
    assert_right(ex.q3, round(clv.max()))
    assert_wrong(ex.q3, round(clv.max()) + 500)
    history = round(orders.loc[orders["customer_id"] == best, "amount"].sum())
    assert_wrong(ex.q3, history, "历史消费金额")


def test_q4_and_q7_follow_the_weights(criteria):
    def evaluate(weights):
        return CustomerScorecard(weights=weights).fit(criteria).evaluate(criteria)

    default = evaluate({"potential_value": 50, "loyalty": 30, "payment_ability": 20})
    core = int((default["tier"] == "核心客户").sum())
    assert_right(ex.q4, core)
    assert_wrong(ex.q4, core + 10)
    cash = evaluate({"potential_value": 30, "loyalty": 20, "payment_ability": 50})
    assert cash.index[0] != default.index[0]  # the weights change who comes first
    assert_right(ex.q7, str(cash.index[0]))
    assert_wrong(ex.q7, str(cash.index[1]))
    assert_wrong(ex.q7, str(default.index[0]), "默认权重")


def test_q5_a_proxy_where_most_customers_tie_cannot_rank_them():
    assert_right(ex.q5, "A")


def test_q6_late_payment_is_payment_ability():
    assert_right(ex.q6, "支付能力", "付款能力")


@pytest.mark.parametrize(
    ("name", "answer", "same_as"), [("q1", "甲", "客户甲"), ("q2", "甲", "客户甲")]
)
def test_a_short_name_of_a_wrong_choice_gets_its_message(name, answer, same_as):
    assert_told_like(getattr(ex, name), answer, same_as)


def test_the_format_example_and_the_untouched_widget_are_told_apart():
    assert_wrong(ex.q7, "C00001", "格式例子")
    untouched = ex._top_customer(ex._WIDGET_START)
    assert untouched != ex.q7.problem.expected_value
    assert_wrong(ex.q7, untouched, "30 / 20 / 50")
    assert_right(ex.q7, ex.q7.problem.expected_value.lower())
