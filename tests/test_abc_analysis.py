"""custseg.abc_analysis: ABC classes, Lorenz curve, Gini and top share on Online Retail."""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from custseg.abc_analysis import (
    ABC_LABELS,
    abc_classify,
    abc_summary,
    concentration_sentence,
    concentration_table,
    customer_values,
    gini,
    lorenz_curve,
    top_share,
    value_tiers,
)
from custseg.errors import DataError, ParameterError
from custseg.rfm import rfm_table


@pytest.fixture(scope="module")
def tx(online_retail_clean):
    return online_retail_clean[["customer_id", "invoice_id", "invoice_date", "amount"]]


@pytest.fixture(scope="module")
def spend(tx):
    """Total spend per customer, by plain pandas, rounded to 6 decimals as documented."""
    return tx.groupby("customer_id")["amount"].sum().round(6)


def numpy_abc(values: np.ndarray, cuts: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Independent ABC: order, and class by the share held by the customers ranked above."""
    order = np.argsort(-values, kind="stable")
    ordered = values[order]
    above = (np.cumsum(ordered) - ordered) / ordered.sum()
    classes = np.full(len(values), "C")
    classes[above < cuts[1] - 1e-12] = "B"
    classes[above < cuts[0] - 1e-12] = "A"
    return order, classes


@pytest.mark.parametrize("cuts", [(0.8, 0.95), (0.7, 0.9), (0.5, 1.0)])
def test_abc_classes_match_numpy(spend, cuts):
    got = abc_classify(spend, cuts=cuts)
    order, classes = numpy_abc(spend.to_numpy(), cuts)
    assert got.index.tolist() == spend.index[order].tolist()
    assert got["abc_class"].tolist() == classes.tolist()
    assert got["abc_label"].tolist() == [ABC_LABELS[c] for c in classes]
    np.testing.assert_allclose(got["cum_share"].iloc[-1], 1.0)
    np.testing.assert_allclose(got["share"].sum(), 1.0)
    # A is the smallest top group reaching the first cut.
    a_share = got.loc[got["abc_class"] == "A", "share"].sum()
    assert a_share >= cuts[0] - 1e-12
    assert a_share - got.loc[got["abc_class"] == "A", "share"].iloc[-1] < cuts[0]


def test_abc_on_online_retail_is_concentrated(spend):
    counts = abc_classify(spend)["abc_class"].value_counts(normalize=True)
    # A few customers hold 80 % of the spend: far fewer than 80 % of the customers.
    assert counts["A"] < 0.4
    assert counts["C"] > counts["B"] > 0


@pytest.mark.parametrize("backend", ["pandas", "polars", "polars_lazy", "duckdb", "rfm"])
def test_transactions_of_every_backend_give_the_same_classes(tx, spend, backend):
    if backend == "pandas":
        data = tx
    elif backend == "rfm":
        data = rfm_table(tx)
    elif backend == "duckdb":
        data = duckdb.connect().from_df(tx)
    else:
        data = pl.from_pandas(tx)
        data = data.lazy() if backend == "polars_lazy" else data
    got = abc_classify(data)
    expected = abc_classify(spend)
    assert got.index.astype("int64").tolist() == expected.index.astype("int64").tolist()
    assert got["abc_class"].tolist() == expected["abc_class"].tolist()
    np.testing.assert_allclose(got["value"], expected["value"])
    assert gini(data) == pytest.approx(gini(spend))


@pytest.mark.parametrize("kind", ["numpy", "list", "polars"])
def test_plain_value_sequences_are_accepted(spend, kind):
    values = spend.to_numpy()
    data = {"numpy": values, "list": values.tolist(), "polars": pl.Series("spend", values)}[kind]
    got = customer_values(data)
    assert got.index.tolist() == list(range(len(values)))
    np.testing.assert_allclose(got.to_numpy(), values)


def test_lorenz_curve_matches_numpy(spend):
    curve = lorenz_curve(spend)
    values = np.sort(spend.to_numpy())
    assert len(curve) == len(values) + 1
    assert curve.iloc[0].tolist() == [0.0, 0.0]
    assert curve.iloc[-1].tolist() == [1.0, 1.0]
    np.testing.assert_allclose(
        curve["value_share"].to_numpy()[1:], np.cumsum(values) / values.sum()
    )
    assert curve["value_share"].is_monotonic_increasing
    # Below the diagonal everywhere.
    assert (curve["value_share"] <= curve["customer_share"] + 1e-12).all()


def test_gini_matches_mean_absolute_difference(spend):
    # Independent definition: G = sum_i sum_j |x_i - x_j| / (2 n^2 mean), in row blocks.
    x = spend.to_numpy()
    total = sum(np.abs(x[i : i + 500, None] - x[None, :]).sum() for i in range(0, len(x), 500))
    expected = total / (2 * len(x) ** 2 * x.mean())
    assert gini(spend) == pytest.approx(expected, rel=1e-9)


def test_top_share_matches_numpy(spend):
    values = np.sort(spend.to_numpy())[::-1]
    n = len(values)
    # Interpolate the top-k share between whole customers.
    k = 0.2 * n
    whole = int(np.floor(k))
    expected = (values[:whole].sum() + (k - whole) * values[whole]) / values.sum()
    assert top_share(spend, top=0.2) == pytest.approx(expected, rel=1e-9)
    assert top_share(spend, top=1.0) == pytest.approx(1.0)
    ten = pd.Series([5.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0])
    assert top_share(ten, top=0.2) == pytest.approx(7.0 / 15.0)


def test_equal_values_have_gini_zero():
    assert gini([3.0] * 1000) == 0.0
    assert top_share([3.0] * 10, top=0.3) == pytest.approx(0.3)
    classes = abc_classify([1.0] * 10)["abc_class"].value_counts()
    assert classes.to_dict() == {"A": 8, "B": 2}  # the 10th starts at 0.9 < 0.95


def test_negative_values_are_refused_naming_the_customer(spend):
    with_return = spend.copy()
    customer = with_return.index[123]
    with_return.loc[customer] = -25.5
    for function in (abc_classify, gini, lorenz_curve, top_share):
        with pytest.raises(DataError, match=f"customer\\) {customer} .*-25.5"):
            function(with_return)


def test_other_bad_inputs(spend):
    gap = spend.copy()
    gap.iloc[7] = np.nan
    with pytest.raises(DataError, match=str(spend.index[7])):
        gini(gap)
    with pytest.raises(DataError, match="zero"):
        gini([0.0, 0.0])
    with pytest.raises(DataError, match="no customers"):
        abc_classify([])
    with pytest.raises(DataError, match="amount"):
        abc_classify(pd.DataFrame({"customer_id": [1], "spend": [2.0]}))
    with pytest.raises(ValueError, match="cuts"):
        abc_classify(spend, cuts=(0.95, 0.8))
    with pytest.raises(ValueError, match="top"):
        top_share(spend, top=0)


def test_input_is_not_changed(spend):
    before = spend.copy()
    abc_classify(spend)
    pd.testing.assert_series_equal(spend, before)


def test_class_table_and_value_tiers_add_up_to_every_customer(online_retail_clean):
    from custseg.abc_analysis import abc_class_table, concentration_table, value_tiers

    spend = online_retail_clean.groupby("customer_id")["amount"].sum()
    table = abc_class_table(abc_classify(online_retail_clean))
    assert table["客户数"].sum() == len(spend)
    assert abs(table["消费金额"].sum() - spend.sum()) <= 3  # three sums rounded to whole units
    tiers = value_tiers(online_retail_clean)
    assert tiers["客户数"].sum() == len(spend)
    assert tiers["客户数"].max() - tiers["客户数"].min() <= 1
    top_third = spend.sort_values(ascending=False).head(tiers.loc["高价值客户", "客户数"])
    assert tiers.loc["高价值客户", "平均每位客户"] == round(top_third.mean())
    assert concentration_table(online_retail_clean).iloc[0, 0] == f"{gini(spend):.2f}"


def test_column_keywords_give_the_same_results(tx, spend):
    keywords = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
    renamed = tx.rename(
        columns={"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
    )
    values = customer_values(renamed, **keywords)
    pd.testing.assert_series_equal(values, spend.rename("value"), check_names=False)
    pd.testing.assert_frame_equal(abc_classify(renamed, **keywords), abc_classify(tx))
    lazy = pl.from_pandas(renamed).lazy()
    pd.testing.assert_frame_equal(lorenz_curve(lazy, **keywords), lorenz_curve(tx))
    assert gini(renamed, **keywords) == gini(tx)
    assert top_share(renamed, 0.1, **keywords) == top_share(tx, 0.1)
    pd.testing.assert_frame_equal(concentration_table(renamed, **keywords), concentration_table(tx))
    pd.testing.assert_frame_equal(value_tiers(renamed, **keywords), value_tiers(tx))
    assert concentration_sentence(renamed, 10, **keywords) == concentration_sentence(tx, 10)
    with pytest.raises(DataError, match="'Amount'"):
        customer_values(renamed, customer_col="CustomerID", amount_col="Amount")


@pytest.mark.parametrize("cuts", [(0.8, 0.95), (0.5, 0.9)])
def test_abc_summary_counts_every_customer_and_all_value_per_class(spend, cuts):
    order, classes = numpy_abc(spend.to_numpy(), cuts)
    ranked = spend.to_numpy()[order]
    summary = abc_summary(abc_classify(spend, cuts=cuts))
    assert summary.index.tolist() == [f"{c} {label}" for c, label in ABC_LABELS.items()]
    for letter, row in zip("ABC", summary.itertuples(), strict=True):
        assert row.客户数 == (classes == letter).sum()
        assert row.价值 == pytest.approx(ranked[classes == letter].sum())
    assert summary["客户数"].sum() == len(spend)
    assert summary["价值"].sum() == pytest.approx(spend.sum())
    assert summary["客户占比"].sum() == pytest.approx(1.0)
    assert summary["价值占比"].sum() == pytest.approx(1.0)
    assert summary["价值占比"].iloc[0] == pytest.approx(summary["价值"].iloc[0] / spend.sum())


def test_abc_summary_keeps_an_empty_class_with_zero():
    summary = abc_summary(abc_classify([100.0]))
    assert summary["客户数"].tolist() == [1, 0, 0]
    assert summary["价值占比"].tolist() == [1.0, 0.0, 0.0]


def test_concentration_sentence_names_the_top_customers_and_their_share(spend):
    for percent in (1, 20, 50):
        count = round(len(spend) * percent / 100)
        share = top_share(spend, percent / 100)
        assert concentration_sentence(spend, percent) == (
            f"前 {percent}% 的客户（{count:,} 位）贡献了 {share:.1%} 的销售额。"
        )
    by_hand = spend.sort_values(ascending=False)
    top = by_hand.head(round(len(spend) * 0.2)).sum() / spend.sum()
    assert abs(top_share(spend, 0.2) - top) < 0.01  # the sentence's share is the top 20 %
    for bad in (0, 101, -5, None, "abc", "20", True, float("nan")):
        with pytest.raises(ParameterError, match="top_percent"):
            concentration_sentence(spend, bad)


def test_a_share_that_is_not_a_number_is_a_parameter_error(spend):
    for bad in (None, "abc", "0.2", [0.2], 0, 1.5, float("nan")):
        with pytest.raises(ParameterError, match=r"top .*收到 \(got\) " + re.escape(repr(bad))):
            top_share(spend, top=bad)
    assert top_share(spend, top=np.float32(0.2)) == pytest.approx(top_share(spend, top=0.2))
