"""Module 08's practice problems, checked against DuckDB with known-right and known-wrong answers."""

from __future__ import annotations

import duckdb

from custseg.datasets import load_sample
from custseg.dimensions.categories import OTHER_CATEGORY, PRODUCT_KEYWORDS
from custseg.exercises import Outcome, ____
from custseg.exercises import cases as ex
from custseg.recommend import ONLINE_RETAIL_NON_PRODUCTS
from custseg.transactions import clean_transactions


def _category_sql() -> str:
    cases = []
    for name, words in PRODUCT_KEYWORDS.items():
        test = " OR ".join(f"contains(upper(description), '{word}')" for word in words)
        cases.append(f"WHEN {test} THEN '{name}'")
    return f"CASE {' '.join(cases)} ELSE '{OTHER_CATEGORY}' END"


def _category_position_sql() -> str:
    """The category's place in the keyword table: ties go to the first, as in the library."""
    names = [*PRODUCT_KEYWORDS, OTHER_CATEGORY]
    return "CASE category " + " ".join(f"WHEN '{n}' THEN {i}" for i, n in enumerate(names)) + " END"


def _dominant_counts(lines) -> dict[str, int]:
    """Customers whose largest category holds at least 30% of their spend, per category."""
    rows = duckdb.sql(
        f"""
        WITH spend AS (
            SELECT customer_id, {_category_sql()} AS category, sum(amount) AS amount
            FROM lines GROUP BY ALL),
        ranked AS (
            SELECT customer_id, category, amount / sum(amount) OVER (PARTITION BY customer_id)
                   AS share,
                   row_number() OVER (PARTITION BY customer_id
                                      ORDER BY round(amount, 6) DESC, {_category_position_sql()})
                       AS place
            FROM spend)
        SELECT category, count(*) FROM ranked WHERE place = 1 AND share >= 0.3 GROUP BY ALL
        """
    ).fetchall()
    return dict(rows)


def _cosine_ranking(lines, item: str) -> list[tuple[str, float]]:
    pairs = lines[["invoice_id", "stock_code"]].drop_duplicates()  # noqa: F841 (read by DuckDB)
    return duckdb.sql(
        f"""
        WITH counts AS (SELECT stock_code, count(*) AS n FROM pairs GROUP BY stock_code),
        together AS (
            SELECT b.stock_code, count(*) AS both_n
            FROM pairs a JOIN pairs b ON a.invoice_id = b.invoice_id
            WHERE a.stock_code = '{item}' AND b.stock_code <> '{item}'
            GROUP BY b.stock_code HAVING count(*) >= 2)
        SELECT t.stock_code, t.both_n / sqrt(c.n * (SELECT n FROM counts
                                                     WHERE stock_code = '{item}')) AS score
        FROM together t JOIN counts c USING (stock_code) ORDER BY score DESC
        """
    ).fetchall()


def test_cases_problems_accept_the_right_answers_and_reject_wrong_ones():
    clean, _ = clean_transactions(load_sample())
    lines = clean.loc[~clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]
    dominant = _dominant_counts(lines)
    ranking = _cosine_ranking(lines, ex.CAKESTAND)
    assert ranking[0][1] > ranking[1][1]  # a clear first choice
    clients = load_sample("bank_marketing")  # noqa: F841 (read by DuckDB)
    quality, overall = duckdb.sql(
        """
        SELECT avg(CASE WHEN y = 'yes' THEN 1 ELSE 0 END)
                   FILTER (WHERE balance >= (SELECT quantile_cont(balance, 0.75) FROM clients)
                           AND "default" = 'no' AND loan = 'no'),
               avg(CASE WHEN y = 'yes' THEN 1 ELSE 0 END)
        FROM clients
        """
    ).fetchone()
    right = {"q1": dominant["厨房餐具"], "q2": ranking[0][0], "q3": round(quality, 3)}
    wrong = {"q1": dominant["家居园艺"], "q2": ranking[1][0], "q3": round(overall, 3)}
    assert right["q3"] != wrong["q3"]
    for name in right:
        problem = getattr(ex, name).problem
        assert problem.evaluate(right[name]).outcome is Outcome.CORRECT, name
        assert problem.evaluate(wrong[name]).outcome is Outcome.WRONG, name
        assert problem.evaluate(____).outcome is Outcome.NOT_ATTEMPTED, name
    assert ex.q2.problem.evaluate(int(right["q2"])).outcome is Outcome.WRONG  # a number, not text
