"""The probability-alive heatmap drawn from a model alone, in the model's unit, in Chinese."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest

from custseg.clv import ParetoNBDModel, summary_from_transactions
from custseg.plotting.clv import plot_probability_alive_matrix


@pytest.fixture(scope="module")
def weekly_model(cdnow_sample):
    return ParetoNBDModel().fit(summary_from_transactions(cdnow_sample, unit="W"))


def test_the_plot_without_a_summary_is_the_models_matrix(weekly_model):
    fig, ax = plt.subplots()
    assert plot_probability_alive_matrix(weekly_model, ax=ax) is ax
    image = ax.images[0].get_array()
    matrix = weekly_model.probability_alive_matrix()
    assert image.shape == matrix.shape
    np.testing.assert_allclose(image.filled(np.nan), matrix.to_numpy(), rtol=1e-12)
    assert np.ma.is_masked(image[0, 3])  # no repeat purchase, a recency: impossible
    # the unit comes from the model: a weekly fit is labelled in weeks
    assert "周" in ax.get_xlabel() and ax.get_title() == "仍是活跃客户的概率"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    assert not [w for w in caught if "Glyph" in str(w.message)]


def test_a_new_figure_when_no_axes_is_given(weekly_model):
    ax = plot_probability_alive_matrix(weekly_model)
    assert ax.figure is not None and len(ax.images) == 1
