"""The welcome notebook's practice problems, checked with known-right and known-wrong answers."""

from __future__ import annotations

from custseg.datasets import load_sample
from custseg.exercises import Outcome, welcome
from custseg.transactions import clean_transactions


def test_welcome_problems_accept_the_right_answers_and_reject_wrong_ones():
    orders = load_sample()
    clean, report = clean_transactions(orders)
    cancelled = int(
        orders["invoice_id"].str.startswith("C").sum()
        - orders.loc[orders["invoice_id"].str.startswith("C"), "customer_id"].isna().sum()
    )
    monthly = clean.groupby(clean["invoice_date"].dt.strftime("%Y-%m"))["amount"].sum()
    right = {"q1": cancelled, "q2": clean["customer_id"].nunique(), "q3": monthly.idxmax()}
    wrong = {"q1": len(orders), "q2": orders["customer_id"].nunique() + 1, "q3": monthly.idxmin()}
    for name in right:
        problem = getattr(welcome, name).problem
        assert problem.evaluate(right[name]).outcome is Outcome.CORRECT, name
        assert problem.evaluate(wrong[name]).outcome is Outcome.WRONG, name
