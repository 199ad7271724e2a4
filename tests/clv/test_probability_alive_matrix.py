"""The probability-alive matrix of BG/NBD and Pareto/NBD, against the models and lifetimes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clv import BetaGeoModel, ParetoNBDModel
from custseg.errors import ParameterError


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]


@pytest.fixture(scope="module", params=[BetaGeoModel, ParetoNBDModel])
def fitted(request, cdnow):
    return request.param().fit(cdnow)


def test_matrix_spans_the_fitted_data_and_holds_p_alive(fitted, cdnow):
    matrix = fitted.probability_alive_matrix()
    # CDNOW: at most 29 repeat purchases, T at most 38.86 weeks
    assert matrix.shape == (30, 39)
    assert matrix.index.name == "frequency" and matrix.columns.name == "recency"
    cells = pd.DataFrame({"frequency": [1, 7, 29, 0], "recency": [2.0, 30.0, 38.0, 0.0], "T": 38.0})
    expected = fitted.probability_alive(cells).to_numpy()
    got = [matrix.loc[1, 2], matrix.loc[7, 30], matrix.loc[29, 38], matrix.loc[0, 0]]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    # no repeat purchase but a recency: not a customer that can exist
    assert matrix.loc[0, 1:].isna().all() and matrix.loc[1:].notna().all().all()
    # a repeat buyer who bought recently is more likely active than one who bought long ago
    assert (matrix.loc[1:, 38] > matrix.loc[1:, 5]).all()


def test_matrix_matches_lifetimes(fitted):
    lifetimes = pytest.importorskip("lifetimes")
    oracle = (
        lifetimes.BetaGeoFitter()
        if isinstance(fitted, BetaGeoModel)
        else lifetimes.ParetoNBDFitter()
    )
    oracle.params_ = pd.Series(fitted.params_)
    theirs = np.asarray(oracle.conditional_probability_alive_matrix(12, 20), dtype=float)
    ours = fitted.probability_alive_matrix(max_frequency=12, max_recency=20)
    # lifetimes puts recency in rows; its row-0 cells beyond recency 0 are not customers
    np.testing.assert_allclose(ours.to_numpy()[1:], theirs.T[1:], rtol=1e-9)
    assert ours.loc[0, 0] == pytest.approx(theirs[0, 0], rel=1e-9)


def test_a_model_without_fitted_ranges_needs_the_sizes():
    model = BetaGeoModel()
    model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    with pytest.raises(ParameterError, match="max_frequency"):
        model.probability_alive_matrix()
    assert model.probability_alive_matrix(3, 4).shape == (4, 5)
    with pytest.raises(ParameterError, match="max_recency"):
        model.probability_alive_matrix(3, -1)
