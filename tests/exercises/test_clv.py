"""Module 05's practice questions: right answers pass, wrong ones fail, each listed misconception
gets its own message; the numbers are checked against the fitted models and plain pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.clv_tables import fit_clv_models
from custseg.datasets import load_cn_orders
from custseg.exercises import Outcome, ____
from custseg.exercises import clv as ex
from custseg.selection import CustomerScorecard


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


def test_q1_the_visit_goes_to_the_future_value():
    _assert_checker(ex.q1, "客户乙", "客户甲", synonyms=("B", "乙"))


def test_q2_a_frequent_buyer_gone_for_a_year_is_less_likely_alive(models):
    two = pd.DataFrame({"frequency": [9, 2], "recency": [52.0, 103.0], "T": [104.0, 104.0]})
    frequent_gone, rare_recent = models.purchases.probability_alive(two)
    assert frequent_gone < 0.5 < rare_recent
    _assert_checker(ex.q2, "客户乙", "客户甲", synonyms=("b",))


def test_q3_reads_the_forecast_not_the_history(models, orders):
    clv = models.spend.customer_lifetime_value(
        models.purchases, models.summary, time=12, discount_rate=0.01, freq="W"
    )
    best = clv.idxmax()
    _assert_checker(ex.q3, round(clv.max()), round(clv.max()) + 500)
    history = ex.q3.problem.evaluate(
        round(orders.loc[orders["customer_id"] == best, "amount"].sum())
    )
    assert "历史消费金额" in history.message


def test_q4_and_q7_follow_the_weights(criteria):
    def evaluate(weights):
        return CustomerScorecard(weights=weights).fit(criteria).evaluate(criteria)

    default = evaluate({"potential_value": 50, "loyalty": 30, "payment_ability": 20})
    core = int((default["tier"] == "核心客户").sum())
    _assert_checker(ex.q4, core, core + 10)
    cash = evaluate({"potential_value": 30, "loyalty": 20, "payment_ability": 50})
    assert cash.index[0] != default.index[0]  # the weights change who comes first
    _assert_checker(ex.q7, str(cash.index[0]), str(cash.index[1]))
    assert "默认权重" in ex.q7.problem.evaluate(str(default.index[0])).message


def test_q5_a_proxy_where_most_customers_tie_cannot_rank_them():
    _assert_checker(ex.q5, "A", "C", synonyms=("a",))


def test_q6_late_payment_is_payment_ability():
    _assert_checker(ex.q6, "支付能力", "忠诚度", synonyms=("C", "付款能力"))


def test_every_question_has_hints_and_a_solution_and_half_are_judgements():
    views = [getattr(ex, name) for name in ex.__all__]
    assert len(views) >= 6
    assert all(v.problem.hints and v.problem.solution for v in views)
    judged = [v for v in views if v.problem.kind in {"judgement", "decision", "prediction"}]
    assert len(judged) * 2 >= len(views)


@pytest.mark.parametrize(
    ("name", "answer", "same_as"), [("q1", "甲", "客户甲"), ("q2", "甲", "客户甲")]
)
def test_a_short_name_of_a_wrong_choice_gets_its_message(name, answer, same_as):
    problem = getattr(ex, name).problem
    feedback = problem.evaluate(answer)
    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == problem.evaluate(same_as).message


def test_the_format_example_and_the_untouched_widget_are_told_apart():
    problem = ex.q7.problem
    assert "格式例子" in problem.evaluate("C00001").message
    untouched = ex._top_customer(ex._WIDGET_START)
    assert untouched != problem.expected_value
    assert "30 / 20 / 50" in problem.evaluate(untouched).message
    assert problem.evaluate(problem.expected_value.lower()).outcome is Outcome.CORRECT
