"""Module 10's practice problems, checked against DuckDB and scipy with right and wrong answers."""

from __future__ import annotations

import duckdb
from scipy.stats import chi2_contingency

from custseg.datasets import load_sample
from custseg.exercises import Outcome, ____
from custseg.exercises import promotion as ex

_QUERY = """
SELECT
    CASE WHEN age < 25 THEN '25岁以下' WHEN age < 35 THEN '25-34岁' WHEN age < 45 THEN '35-44岁'
         WHEN age < 55 THEN '45-54岁' WHEN age < 65 THEN '55-64岁' ELSE '65岁及以上' END AS band,
    pdays >= 0 AS treated,
    count(*) AS n,
    sum(CASE WHEN y = 'yes' THEN 1 ELSE 0 END) AS hits
FROM clients GROUP BY ALL
"""


def test_promotion_problems_accept_the_right_answers_and_reject_wrong_ones():
    clients = load_sample("bank_marketing")  # noqa: F841 (read by DuckDB)
    counts = duckdb.sql(_QUERY).df()
    totals = counts.groupby("treated")[["n", "hits"]].sum()
    rate = totals["hits"] / totals["n"]
    lift_points = round(float(rate[True] - rate[False]) * 100, 1)
    not_significant = set()
    for band, rows in counts.groupby("band"):
        table = rows.set_index("treated")[["n", "hits"]]
        observed = [
            [table.loc[g, "hits"], table.loc[g, "n"] - table.loc[g, "hits"]] for g in (True, False)
        ]
        if chi2_contingency(observed, correction=False).pvalue >= 0.05:
            not_significant.add(band)
    assert 0 < len(not_significant) < counts["band"].nunique()
    break_even = round(float(rate[False]) + 0.08, 3)
    right = {"q1": lift_points, "q2": not_significant, "q3": break_even}
    wrong = {
        "q1": round(float(rate[True] / rate[False] - 1) * 100, 1),  # relative, not points
        "q2": set(counts["band"]) - not_significant,
        "q3": round(float(rate[True]) + 0.08, 3),
    }
    for name in right:
        problem = getattr(ex, name).problem
        assert problem.evaluate(right[name]).outcome is Outcome.CORRECT, name
        assert problem.evaluate(wrong[name]).outcome is Outcome.WRONG, name
        assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED, name
    assert ex.q1.problem.evaluate(str(lift_points)).outcome is Outcome.WRONG
