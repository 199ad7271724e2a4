"""The retention heatmap draws exactly the matrix, in percent, with Chinese labels."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custseg.cohorts import retention_matrix
from custseg.errors import DataError
from custseg.plotting.cohorts import plot_retention_heatmap


@pytest.fixture(scope="module")
def retention(online_retail_clean):
    return retention_matrix(online_retail_clean)


def _cells(ax) -> np.ma.MaskedArray:
    return np.ma.masked_invalid(np.ma.asarray(ax.collections[0].get_array(), dtype=float))


def test_heatmap_cells_equal_the_matrix(retention):
    ax = plot_retention_heatmap(retention)
    cells = _cells(ax).reshape(retention.shape)
    expected = np.ma.masked_invalid(retention.to_numpy())
    np.testing.assert_array_equal(cells.mask, expected.mask)
    np.testing.assert_allclose(cells.compressed(), expected.compressed())


def test_heatmap_labels_are_chinese_and_percent(retention):
    ax = plot_retention_heatmap(retention)
    assert ax.get_xlabel() == "距首购月数"
    assert ax.get_ylabel() == "获客月份"
    assert "留存率" in ax.get_title()
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(p) for p in retention.index]
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("100%") == len(retention)
    assert f"{retention.iloc[0, 1]:.0%}" == texts[1]
    colorbar = ax.collections[0].colorbar
    assert colorbar.ax.get_ylabel() == "留存率"


def test_renders_after_the_call_without_missing_glyphs(retention):
    ax = plot_retention_heatmap(retention)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" is a UserWarning
        ax.figure.canvas.draw()


def test_renders_on_axes_made_by_the_caller(retention):
    _, ax = plt.subplots()
    plot_retention_heatmap(retention, ax=ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()


def test_quarterly_labels(online_retail_clean):
    ax = plot_retention_heatmap(retention_matrix(online_retail_clean, period="Q"))
    assert ax.get_xlabel() == "距首购季度数"
    assert ax.get_ylabel() == "获客季度"


def test_draws_on_the_given_axes(retention):
    fig, ax = plt.subplots()
    assert plot_retention_heatmap(retention, ax=ax, annot=False) is ax
    assert ax.figure is fig
    assert not ax.texts


def test_empty_matrix_is_an_error():
    with pytest.raises(DataError, match="empty"):
        plot_retention_heatmap(pd.DataFrame())
