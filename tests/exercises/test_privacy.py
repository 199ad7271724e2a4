"""Module 11's practice problems, checked with known-right and known-wrong answers."""

from __future__ import annotations

import duckdb

from custseg.datasets import load_sample
from custseg.exercises import Outcome, ____
from custseg.exercises import privacy as ex


def _rows_at_risk(age_key: str) -> int:
    clients = load_sample("bank_marketing")  # noqa: F841 (read by DuckDB)
    return int(
        duckdb.sql(
            f"""
            SELECT sum(n) FROM (SELECT count(*) AS n FROM clients
                                GROUP BY {age_key}, job, marital) WHERE n < 5
            """
        ).fetchone()[0]
    )


def test_privacy_problems_accept_the_right_answers_and_reject_wrong_ones():
    banded, exact = _rows_at_risk("floor(age / 10)"), _rows_at_risk("age")
    assert banded < exact
    # PIPL art. 28: ID documents and financial accounts are sensitive; articles 28-32 cover them
    right = {"q1": {"身份证号", "银行卡号"}, "q2": banded, "q3": "第28-32条"}
    wrong = {"q1": {"身份证号", "银行卡号", "手机"}, "q2": exact, "q3": "第24条"}
    for name in right:
        problem = getattr(ex, name).problem
        assert problem.evaluate(right[name]).outcome is Outcome.CORRECT, name
        assert problem.evaluate(wrong[name]).outcome is Outcome.WRONG, name
        assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED, name
    assert ex.q1.problem.evaluate(["银行卡号", "身份证号"]).outcome is Outcome.CORRECT  # any order
