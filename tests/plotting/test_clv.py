"""CLV plots draw exactly the observed counts and the model's predictions, in Chinese."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custseg.clv import BetaGeoModel, ParetoNBDModel
from custseg.errors import DataError, ParameterError
from custseg.plotting.clv import (
    period_transaction_counts,
    plot_alive_chances,
    plot_frequency_recency_matrix,
    plot_period_transactions,
    plot_probability_alive_matrix,
    plot_purchase_fit,
)


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]


@pytest.fixture(scope="module")
def bg(cdnow):
    return BetaGeoModel().fit(cdnow)


def _heights(container) -> np.ndarray:
    return np.array([bar.get_height() for bar in container])


def test_period_transactions_bars_are_the_observed_and_expected_counts(bg, cdnow):
    ax = plot_period_transactions(bg, cdnow)
    observed = cdnow["frequency"].clip(upper=7).value_counts().sort_index()
    np.testing.assert_array_equal(_heights(ax.containers[0]), observed.to_numpy())
    model = _heights(ax.containers[1])
    assert model.sum() == pytest.approx(len(cdnow))
    # P(X(T) = 0) = (alpha / (alpha + T))^r under BG/NBD, summed over the customers
    p = bg.params_
    zero = ((p["alpha"] / (p["alpha"] + cdnow["T"])) ** p["r"]).sum()
    assert model[0] == pytest.approx(zero, rel=1e-9)
    # the fitted model tracks the histogram (FHL 2005, figure 2: 1411 / 439 / 214 observed)
    assert observed.to_numpy()[:3].tolist() == [1411, 439, 214]
    np.testing.assert_allclose(model[:3], [1411, 439, 214], rtol=0.12)
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "7+"
    assert ax.get_xlabel() == "复购次数（首购之后又买的次数）"
    assert ax.get_ylabel() == "客户数"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["实际客户数", "模型预测"]
    ax.figure.canvas.draw()  # a missing glyph would raise here (warnings are errors)


def test_period_transactions_with_pareto_nbd(cdnow):
    model = ParetoNBDModel().fit(cdnow)
    counts = period_transaction_counts(model, cdnow, max_frequency=5)
    assert counts["model"].sum() == pytest.approx(len(cdnow))
    np.testing.assert_allclose(counts["model"].iloc[:2], counts["observed"].iloc[:2], rtol=0.1)
    fig, ax = plt.subplots()
    assert plot_period_transactions(model, cdnow, max_frequency=5, ax=ax) is ax
    np.testing.assert_allclose(_heights(ax.containers[1]), counts["model"])


def test_frequency_recency_matrix_holds_the_predictions(bg, cdnow):
    ax = plot_frequency_recency_matrix(bg, cdnow, t=4, unit="W")
    matrix = ax.images[0].get_array()
    max_frequency = int(cdnow["frequency"].max())
    age = cdnow["T"].max()
    assert matrix.shape == (max_frequency + 1, int(age) + 1)
    cells = pd.DataFrame({"frequency": [3, 10, 0], "recency": [20.0, 38.0, 0.0], "T": age})
    expected = bg.predict_purchases(4, cells).to_numpy()
    got = [matrix[3, 20], matrix[10, 38], matrix[0, 0]]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    assert np.ma.is_masked(matrix[0, 5])  # no repeat purchase but a recency: impossible
    assert "周" in ax.get_xlabel() and "预期购买次数" in ax.get_title()
    ax.figure.canvas.draw()


def test_probability_alive_matrix_holds_the_probabilities(bg, cdnow):
    fig, ax = plt.subplots()
    assert plot_probability_alive_matrix(bg, cdnow, unit="W", ax=ax) is ax
    matrix = ax.images[0].get_array()
    age = cdnow["T"].max()
    cells = pd.DataFrame({"frequency": [1, 5], "recency": [2.0, 30.0], "T": age})
    np.testing.assert_allclose(
        [matrix[1, 2], matrix[5, 30]], bg.probability_alive(cells).to_numpy(), rtol=1e-12
    )
    assert matrix[0, 0] == 1.0
    assert ax.get_title() == "仍是活跃客户的概率"
    assert ax.get_ylabel() == "复购次数（首购之后又买的次数）"
    assert "复购跨度" in ax.get_xlabel() and "recency" not in ax.get_xlabel()
    ax.figure.canvas.draw()


def test_unfitted_model_and_bad_arguments(cdnow, bg):
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        plot_period_transactions(BetaGeoModel(), cdnow)
    with pytest.raises(ParameterError, match="unit"):
        plot_probability_alive_matrix(bg, cdnow, unit="M")
    with pytest.raises(ParameterError, match="max_frequency"):
        plot_period_transactions(bg, cdnow, max_frequency=0)


def test_one_call_plots_take_the_column_keywords(online_retail_clean):
    retail = online_retail_clean[["customer_id", "invoice_date", "amount"]]
    renamed = retail.rename(
        columns={"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
    )
    keywords = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
    for plot in (plot_purchase_fit, plot_alive_chances):
        ours, canonical = plot(renamed, **keywords), plot(retail)
        assert ours.get_title() == canonical.get_title()
        if ours.images:
            np.testing.assert_array_equal(
                ours.images[0].get_array().filled(-1), canonical.images[0].get_array().filled(-1)
            )
        else:
            np.testing.assert_array_equal(
                _heights(ours.containers[1]), _heights(canonical.containers[1])
            )
        plt.close("all")
    # 4,338 customers in the bars, as in the data
    assert (
        _heights(plot_purchase_fit(retail).containers[0]).sum() == retail["customer_id"].nunique()
    )
    with pytest.raises(DataError, match="'Sales'"):
        plot_purchase_fit(renamed.drop(columns="Sales"), **keywords)
