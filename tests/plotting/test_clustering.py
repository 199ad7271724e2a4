"""Cluster plots draw exactly the data they are given, with Chinese labels that render."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from threadpoolctl import threadpool_limits

from custseg.cluster_tables import INERTIA_HEADER, k_choice_table
from custseg.clustering import CustomerClusterer, choose_k, cluster_profiles
from custseg.errors import DataError
from custseg.plotting import palette
from custseg.plotting.clustering import plot_choose_k, plot_cluster_profiles, plot_clusters
from custseg.rfm import rfm_table


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    """k-means' OpenMP threads spin against the other processes of a small shared machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def rfm(online_retail_clean):
    return rfm_table(online_retail_clean)


@pytest.fixture(scope="module")
def labels(rfm):
    return CustomerClusterer(n_clusters=4, random_state=0).fit(rfm).labels_


def _draws_without_missing_glyphs(ax) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" is a UserWarning
        ax.figure.canvas.draw()


def test_choose_k_plot_draws_the_table(rfm):
    table = choose_k(rfm, range(2, 5), sample_size=1000)
    ax = plot_choose_k(table)
    np.testing.assert_allclose(ax.lines[0].get_xydata(), np.c_[table.index, table["inertia"]])
    np.testing.assert_allclose(
        ax.right_ax.lines[0].get_xydata(), np.c_[table.index, table["silhouette"]]
    )
    best = int(table["silhouette"].idxmax())
    assert ax.lines[1].get_xdata()[0] == best
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"建议 k = {best}" in legend
    assert ax.get_xlabel().startswith("簇数")
    assert ax.right_ax.get_ylabel().startswith("轮廓系数")
    _draws_without_missing_glyphs(ax)


def test_choose_k_plot_draws_the_chinese_table(rfm):
    table = k_choice_table(rfm, k_from=2, k_to=4)
    ax = plot_choose_k(table)
    np.testing.assert_allclose(ax.lines[0].get_xydata(), np.c_[table.index, table[INERTIA_HEADER]])
    np.testing.assert_allclose(
        ax.right_ax.lines[0].get_xydata(), np.c_[table.index, table["轮廓系数"]]
    )
    best = int(table.index[table["轮廓系数最高"] == "是"][0])
    assert ax.lines[1].get_xdata()[0] == best
    _draws_without_missing_glyphs(ax)


def test_profile_heatmap_cells_are_standardised_means(rfm, labels):
    ax = plot_cluster_profiles(rfm, labels)
    cells = np.asarray(ax.collections[0].get_array(), dtype=float).reshape(4, 3)
    groups = labels.to_numpy()
    for cluster in range(4):
        members = rfm.to_numpy(dtype=float)[groups == cluster]
        expected = (members.mean(axis=0) - rfm.to_numpy().mean(axis=0)) / rfm.to_numpy().std(axis=0)
        np.testing.assert_allclose(cells[cluster], expected, rtol=1e-9)
    names = cluster_profiles(rfm, labels)["name"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{c} {n}" for c, n in names.items()]
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "消费金额\n(monetary)"
    _draws_without_missing_glyphs(ax)


def test_scatter_draws_every_customer(rfm, labels):
    ax = plot_clusters(rfm, labels)
    points = np.concatenate([c.get_offsets() for c in ax.collections])
    expected = rfm[["recency", "monetary"]].to_numpy(dtype=float)
    assert len(points) == len(rfm) == 4338
    np.testing.assert_allclose(
        points[np.lexsort(points.T)], expected[np.lexsort(expected.T)], rtol=1e-12
    )
    assert ax.get_yscale() == "log"
    assert len(ax.get_legend().get_texts()) == 4
    assert ax.get_xlabel() == "最近购买距今天数 (recency)"
    colours = [to_hex(c.get_facecolors()[0]) for c in ax.collections]
    assert colours == [c.lower() for c in palette.SERIES[:4]]  # cluster k as in the widget
    _draws_without_missing_glyphs(ax)


def test_scatter_uses_symlog_for_zero_and_chosen_columns(rfm, labels):
    _, ax = plt.subplots()
    shifted = rfm.assign(monetary=rfm["monetary"] - 100.0)
    assert plot_clusters(shifted, labels, x="frequency", ax=ax) is ax
    assert ax.get_yscale() == "symlog"
    assert ax.get_xlabel() == "购买次数 (frequency)"
    assert plot_clusters(rfm, labels, log_y=False).get_yscale() == "linear"


def test_plots_accept_a_given_axes(rfm, labels):
    fig, ax = plt.subplots()
    assert plot_cluster_profiles(rfm, labels, ax=ax) is ax
    assert ax.figure is fig
    _draws_without_missing_glyphs(ax)


def test_bad_inputs_are_named(rfm, labels):
    with pytest.raises(DataError, match="'spend'"):
        plot_clusters(rfm, labels, y="spend")
    with pytest.raises(DataError, match="silhouette"):
        plot_choose_k(pd.DataFrame({"inertia": [1.0]}))
    with pytest.raises(DataError, match="length"):
        plot_cluster_profiles(rfm, labels.to_numpy()[:10])


@pytest.mark.parametrize("plot", ["choose_k", "profiles", "scatter"])
def test_a_first_chart_keeps_the_notebook_showing_later_charts(rfm, labels, monkeypatch, plot):
    """The inline backend, chosen by a notebook's first figure, turns interactive mode on;
    the font context must not turn it off again, or no later chart of the notebook is shown."""
    import matplotlib as mpl

    made = plt.subplots

    def choose_inline_backend(*args, **kwargs):
        mpl.interactive(True)  # what matplotlib-inline does when it is first loaded
        return made(*args, **kwargs)

    monkeypatch.setattr(plt, "subplots", choose_inline_backend)
    was = mpl.is_interactive()
    mpl.interactive(False)
    try:
        if plot == "choose_k":
            ax = plot_choose_k(k_choice_table(rfm, k_from=2, k_to=3))
        elif plot == "profiles":
            ax = plot_cluster_profiles(rfm, labels)
        else:
            ax = plot_clusters(rfm, labels)
        assert mpl.is_interactive()
    finally:
        mpl.interactive(was)
    plt.close(ax.figure)


def test_every_cluster_chart_of_a_notebook_is_shown(monkeypatch):
    """In a real kernel the first chart chooses the inline backend; the three charts after it
    (one cell each, as in module 07) must each show their picture too."""
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel chooses the inline backend
    cells = [
        "import pandas as pd\nfrom custseg.plotting.clustering import plot_choose_k, "
        "plot_cluster_profiles, plot_clusters\nrfm = pd.DataFrame({'recency': [5, 8, 200, 250], "
        "'frequency': [12, 9, 1, 2], 'monetary': [900.0, 700.0, 40.0, 80.0]})\n"
        "k_table = pd.DataFrame({'inertia': [90.0, 50.0], 'silhouette': [0.4, 0.5], "
        "'suggested': [False, True]}, index=pd.Index([2, 3], name='k'))",
        "k_chart = plot_choose_k(table=k_table)",
        "profile_chart = plot_cluster_profiles(features=rfm, labels=[0, 0, 1, 1])",
        "scatter_chart = plot_clusters(features=rfm, labels=[0, 0, 1, 1])",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = [
        sum("image/png" in output.get("data", {}) for output in cell.outputs)
        for cell in notebook.cells[1:]
    ]
    assert shown == [1, 1, 1]
