"""custseg.selection: the customer scorecard on Online Retail, checked with DuckDB and numpy.

Potential value is the 12-month CLV of BG/NBD + Gamma-Gamma, loyalty the number of invoices,
and payment ability the share of a customer's invoices that were not cancelled (Online Retail
has no payment record; cancellations stand in for reliability).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, GammaGammaModel, summary_from_transactions
from custseg.errors import DataError, ParameterError
from custseg.rfm import rfm_table
from custseg.selection import TIER_LABELS, CustomerScorecard


@pytest.fixture(scope="module")
def customers(online_retail, online_retail_clean):
    summary = summary_from_transactions(online_retail_clean, unit="W")
    transactions = BetaGeoModel().fit(summary)
    spend = GammaGammaModel().fit(summary[summary["frequency"] > 0])
    clv = spend.customer_lifetime_value(transactions, summary, time=12, freq="W")
    rfm = rfm_table(online_retail_clean)
    raw = online_retail.dropna(subset=["customer_id"])
    invoices = raw.drop_duplicates(["customer_id", "invoice_id"])
    cancelled = invoices["invoice_id"].astype(str).str.startswith("C")
    kept = (~cancelled).groupby(invoices["customer_id"]).mean()
    table = pd.DataFrame(
        {
            "clv": clv,
            "orders": rfm["frequency"],
            "paid_share": kept.reindex(rfm.index),
        }
    )
    table.index = table.index.astype("int64")
    return table


COLUMNS = {"potential_value": "clv", "loyalty": "orders", "payment_ability": "paid_share"}


@pytest.fixture(scope="module")
def card(customers):
    return CustomerScorecard(COLUMNS).fit(customers)


def test_the_customer_table_is_complete(customers):
    assert len(customers) == 4_338
    assert customers.notna().all().all()
    assert customers["paid_share"].between(0, 1).all()
    assert (customers["paid_share"] < 1).mean() > 0.2  # many customers cancelled something


def test_scores_are_sql_cume_dist(customers, card):
    frame = customers.reset_index(names="customer_id")  # noqa: F841 (read by DuckDB)
    expected = (
        duckdb.sql(
            """
            SELECT customer_id,
                   100 * cume_dist() OVER (ORDER BY clv) AS potential_value,
                   100 * cume_dist() OVER (ORDER BY orders) AS loyalty,
                   100 * cume_dist() OVER (ORDER BY paid_share) AS payment_ability
            FROM frame
            """
        )
        .df()
        .set_index("customer_id")
        .sort_index()
    )
    got = card.transform(customers).sort_index()
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_index_type=False)


def test_total_rank_tier_and_reasons(customers, card):
    table = card.evaluate(customers)
    assert card.weights_.to_dict() == pytest.approx(
        {"potential_value": 0.5, "loyalty": 0.3, "payment_ability": 0.2}
    )
    scores = card.transform(customers).loc[table.index]
    total = scores.to_numpy() @ np.array([0.5, 0.3, 0.2])
    np.testing.assert_allclose(table["total_score"], total)
    assert table["total_score"].is_monotonic_decreasing
    assert table["rank"].tolist() == list(range(1, len(customers) + 1))
    assert sorted(table.index) == sorted(customers.index)
    cuts = np.array([80.0, 60.0, 40.0])
    expected = [TIER_LABELS[int(np.sum(t < cuts))] for t in table["total_score"]]
    assert table["tier"].tolist() == expected
    assert set(table["tier"]) == set(TIER_LABELS)
    # The first reason is the criterion with the largest weighted contribution.
    names = {"potential_value": "潜在价值", "loyalty": "忠诚度", "payment_ability": "支付能力"}
    weighted = scores * np.array([0.5, 0.3, 0.2])
    first = weighted.to_numpy().argmax(axis=1)
    starts = [names[scores.columns[j]] for j in first]
    assert all(r.startswith(s) for r, s in zip(table["reasons"], starts, strict=True))
    best = table.iloc[0]
    assert "潜在价值高" in best["reasons"] and best["tier"] == "核心客户"


def test_weights_set_by_the_user_change_the_ranking(customers):
    only_loyalty = CustomerScorecard(COLUMNS, weights={**dict.fromkeys(COLUMNS, 0), "loyalty": 1})
    table = only_loyalty.fit(customers).evaluate(customers)
    assert table.index[0] == customers["orders"].idxmax()
    np.testing.assert_array_equal(
        table["score_loyalty"].to_numpy(), np.sort(table["score_loyalty"].to_numpy())[::-1]
    )
    assert "支付能力" not in table["reasons"].iloc[0]  # zero weight: no reason given
    heavy = CustomerScorecard(
        COLUMNS, weights={"potential_value": 2, "loyalty": 1, "payment_ability": 1}
    ).fit(customers)
    assert heavy.weights_["potential_value"] == pytest.approx(0.5)
    assert heavy.weights_["payment_ability"] == pytest.approx(0.25)


def test_lower_is_better_reverses_the_percentile(customers):
    late = customers.assign(cancel_share=1 - customers["paid_share"])
    columns = {**COLUMNS, "payment_ability": "cancel_share"}
    reversed_card = CustomerScorecard(columns, lower_is_better=["payment_ability"]).fit(late)
    got = reversed_card.transform(late)["payment_ability"].to_numpy()
    values = late["cancel_share"].to_numpy()
    expected = 100 * (values[None, :] >= values[:, None]).mean(axis=1)
    np.testing.assert_allclose(got, expected)


def test_a_yardstick_fitted_on_one_group_scores_another(customers, card):
    first_half = customers.iloc[::2]
    second_half = customers.iloc[1::2]
    half_card = CustomerScorecard(COLUMNS).fit(first_half)
    scores = half_card.transform(second_half)
    reference = np.sort(first_half["clv"].to_numpy())
    expected = 100 * np.array([np.sum(reference <= v) for v in second_half["clv"]]) / len(reference)
    np.testing.assert_allclose(scores["potential_value"], expected)
    above = second_half.iloc[[0]].assign(clv=reference[-1] * 10)
    assert half_card.transform(above)["potential_value"].iloc[0] == 100.0
    shortlist = card.shortlist(customers, top=25, min_score=90)
    assert len(shortlist) <= 25 and (shortlist["total_score"] >= 90).all()
    assert card.predict(customers).index.equals(customers.index)


def test_estimator_conventions(customers):
    before = customers.copy()
    card = CustomerScorecard(
        COLUMNS, weights={"potential_value": 1, "loyalty": 1, "payment_ability": 1}
    )
    assert clone(card).get_params()["criterion_cols"] == COLUMNS
    with pytest.raises(NotFittedError):
        card.evaluate(customers)
    assert card.fit(customers) is card
    card.evaluate(customers)
    pd.testing.assert_frame_equal(customers, before)


def test_bad_input_names_the_culprit(customers):
    with pytest.raises(DataError, match="'orders'"):
        CustomerScorecard(COLUMNS).fit(customers.drop(columns="orders"))
    broken = customers.copy()
    broken.loc[broken.index[3], "clv"] = np.nan
    with pytest.raises(DataError, match=f"{broken.index[3]}"):
        CustomerScorecard(COLUMNS).fit(broken)
    with pytest.raises(ParameterError, match="growth"):
        CustomerScorecard(COLUMNS, weights={"growth": 1}).fit(customers)
    with pytest.raises(ParameterError, match="tier_cuts"):
        CustomerScorecard(COLUMNS, tier_cuts=(40, 60, 80)).fit(customers)
    with pytest.raises(ParameterError, match="weights"):
        CustomerScorecard(COLUMNS, weights=dict.fromkeys(COLUMNS, 0)).fit(customers)


def test_a_score_on_a_cut_belongs_to_the_higher_tier():
    small = pd.DataFrame({"spend": [1.0, 2.0, 3.0, 4.0, 5.0]})
    card = CustomerScorecard({"potential_value": "spend"}).fit(small)
    table = card.evaluate(small)
    assert table["total_score"].tolist() == [100.0, 80.0, 60.0, 40.0, 20.0]
    assert table["tier"].tolist() == ["核心客户", "核心客户", "重要客户", "普通客户", "观察客户"]
    assert table["reasons"].tolist()[1] == "潜在价值高（80 分 × 100%）"


def test_payment_proxy_spreads_the_customers_where_the_cancellation_share_did_not():
    from custseg.datasets import load_sample
    from custseg.selection import criteria_spread, selection_criteria
    from custseg.transactions import clean_transactions

    orders = load_sample()
    clean, _ = clean_transactions(orders)
    criteria = selection_criteria(clean)
    assert len(criteria) == clean["customer_id"].nunique()
    # The old proxy: share of a customer's invoices that were not cancelled.
    invoices = orders.dropna(subset=["customer_id"])
    cancelled = invoices["invoice_id"].str.startswith("C").groupby(invoices["customer_id"]).mean()
    assert (cancelled == 0).mean() > 0.7  # most customers tied at the top score
    card = CustomerScorecard().fit(criteria)
    scores = card.transform(criteria)["payment_ability"]
    assert (scores == 100).mean() < 0.05 and scores.nunique() > 100
    spread = criteria_spread(criteria)
    assert float(spread.loc["支付能力", "与最高值并列的客户占比"].rstrip("%")) < 5
    per_order = (
        clean.groupby("customer_id")["amount"].sum()
        / clean.groupby("customer_id")["invoice_id"].nunique()
    )
    pd.testing.assert_series_equal(
        criteria["payment_ability"], per_order.round(2), check_names=False, check_index_type=False
    )


def test_select_customers_and_tier_table_agree_with_the_scorecard():
    from custseg.selection import select_customers, tier_table

    frame = pd.DataFrame(
        {
            "potential_value": [900.0, 300.0, 50.0, 600.0, 10.0],
            "loyalty": [12, 3, 1, 8, 2],
            "payment_ability": [80.0, 50.0, 90.0, 20.0, 5.0],
        },
        index=pd.Index(list("abcde"), name="customer_id"),
    )
    card = CustomerScorecard(weights={"potential_value": 3, "loyalty": 2, "payment_ability": 5})
    expected = card.fit(frame).evaluate(frame)
    shortlist = select_customers(frame, potential_value=3, loyalty=2, payment_ability=5, top=3)
    assert list(shortlist.index) == list(expected.index[:3])
    assert list(shortlist["总分"]) == list(expected["total_score"].round(1)[:3])
    tiers = tier_table(frame, potential_value=3, loyalty=2, payment_ability=5)
    assert tiers["客户数"].sum() == 5
    assert tiers.loc["核心客户", "客户数"] == (expected["tier"] == "核心客户").sum()


RENAMES = {
    "customer_id": "CustomerID",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
    "invoice_id": "InvoiceNo",
}
KEYWORDS = {
    "customer_col": "CustomerID",
    "date_col": "InvoiceDate",
    "amount_col": "Sales",
    "invoice_col": "InvoiceNo",
}


@pytest.fixture(scope="module")
def criteria(online_retail_clean):
    from custseg.selection import selection_criteria

    return selection_criteria(online_retail_clean)


def test_selection_criteria_take_the_column_keywords_on_online_retail(
    online_retail_clean, criteria
):
    from custseg.selection import selection_criteria

    # Another column already called "amount" (the unit price here) must not be read as it.
    renamed = online_retail_clean.rename(columns=RENAMES).assign(
        amount=online_retail_clean["unit_price"]
    )
    before = renamed.copy()
    pd.testing.assert_frame_equal(selection_criteria(renamed, **KEYWORDS), criteria)
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    assert len(criteria) == online_retail_clean["customer_id"].nunique() == 4_338
    orders = online_retail_clean.groupby("customer_id")["invoice_id"].nunique()
    np.testing.assert_array_equal(criteria["loyalty"], orders.loc[criteria.index])
    with pytest.raises(DataError, match="'客户编号'"):
        selection_criteria(renamed, **{**KEYWORDS, "customer_col": "客户编号"})
    with pytest.raises(DataError, match="'InvoiceDate'"):
        selection_criteria(renamed.drop(columns="InvoiceDate"), **KEYWORDS)


def test_shortlist_and_tier_counts_are_the_scorecard_in_chinese(criteria):
    from custseg.selection import shortlist_table, tier_counts

    weights = {"potential_value": 2, "loyalty": 1, "payment_ability": 1}
    expected = CustomerScorecard(weights=weights).fit(criteria).evaluate(criteria)
    shortlist = shortlist_table(criteria, weights, top=7)
    assert list(shortlist.index) == list(expected.index[:7])
    np.testing.assert_allclose(shortlist["总分"], expected["total_score"].iloc[:7].round(1))
    np.testing.assert_allclose(shortlist["忠诚度分"], expected["score_loyalty"].iloc[:7].round(1))
    assert shortlist["理由"].tolist() == expected["reasons"].iloc[:7].tolist()
    counts = tier_counts(criteria, weights)
    assert counts["客户数"].to_dict() == {
        tier: int((expected["tier"] == tier).sum()) for tier in TIER_LABELS
    }
    # Two of the three criteria: only those are scored.
    two = shortlist_table(criteria, {"loyalty": 1, "payment_ability": 1}, top=3)
    assert [c for c in two.columns if c.endswith("分") and c != "总分"] == [
        "忠诚度分",
        "支付能力分",
    ]
    with pytest.raises(ParameterError, match="不能全为 0"):
        tier_counts(criteria, dict.fromkeys(weights, 0))


def test_scorecard_keeps_the_estimator_contract(customers):
    card = CustomerScorecard(COLUMNS, tier_cuts=(90, 70, 50))
    assert repr(card).count("=") == 2  # only the parameters set: criterion_cols and tier_cuts
    assert "weights" not in repr(card)
    pd.testing.assert_frame_equal(
        clone(card).fit_transform(customers), card.fit(customers).transform(customers)
    )
    with pytest.raises(ParameterError, match="CustomerScorecard 的参数 tier_cuts"):
        CustomerScorecard(COLUMNS, tier_cuts="80").fit(customers)
    with pytest.raises(ParameterError, match="lower_is_better"):
        CustomerScorecard(COLUMNS, lower_is_better="loyalty").fit(customers)
    with pytest.raises(NotFittedError, match="CustomerScorecard 还没有拟合"):
        CustomerScorecard().transform(customers)


def test_the_old_columns_keyword_still_works_and_names_criterion_cols(customers, card):
    old = CustomerScorecard(columns=COLUMNS)
    with pytest.deprecated_call(match="criterion_cols"):
        old.fit(customers)
    pd.testing.assert_frame_equal(old.evaluate(customers), card.evaluate(customers))
    assert old.get_params()["criterion_cols"] is None  # fit leaves the parameters alone
    named = CustomerScorecard(criterion_cols=COLUMNS).fit(customers)
    pd.testing.assert_frame_equal(named.evaluate(customers), card.evaluate(customers))
    with pytest.deprecated_call(), pytest.raises(ParameterError, match="criterion_cols"):
        CustomerScorecard(COLUMNS, columns=COLUMNS).fit(customers)
