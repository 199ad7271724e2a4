"""custseg.plotting.abc_analysis: the Lorenz curve, its Gini and the ABC cut points."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from custseg.plotting.abc_analysis import plot_lorenz


@pytest.fixture(scope="module")
def spend(online_retail_clean):
    return online_retail_clean.groupby("customer_id")["amount"].sum()


def test_lorenz_line_runs_from_origin_to_one_one(spend):
    ax = plot_lorenz(spend)
    points = ax.lines[0].get_xydata()
    assert points[0].tolist() == [0.0, 0.0]
    assert points[-1].tolist() == [1.0, 1.0]
    assert len(points) == len(spend) + 1
    values = np.sort(spend.to_numpy())
    np.testing.assert_allclose(points[1:, 1], np.cumsum(values) / values.sum())
    assert ax.lines[1].get_xydata().tolist() == [[0.0, 0.0], [1.0, 1.0]]


def test_title_shows_the_gini(spend):
    x = np.sort(spend.to_numpy())
    n = len(x)
    expected = 1 - np.sum((2 * np.arange(n, 0, -1) - 1) * x) / (n * x.sum())
    fig, ax = plt.subplots()
    assert plot_lorenz(spend, ax=ax) is ax
    assert f"{expected:.2f}" in ax.get_title()
    assert "基尼系数" in ax.get_title()


@pytest.mark.parametrize("cuts", [(0.8, 0.95), (0.6, 0.9)])
def test_cut_lines_sit_where_a_and_b_customers_begin(spend, cuts):
    values = np.sort(spend.to_numpy())[::-1]
    above = (np.cumsum(values) - values) / values.sum()
    n_a = int(np.sum(above < cuts[0]))
    n_ab = int(np.sum(above < cuts[1]))
    ax = plot_lorenz(spend, cuts=cuts)
    cut_lines = sorted(line.get_xdata()[0] for line in ax.lines[2:])
    assert cut_lines == pytest.approx(sorted([1 - n_a / len(values), 1 - n_ab / len(values)]))
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "重点客户" in texts and "重要客户" in texts and "一般客户" in texts


def test_chinese_text_renders_later_with_default_fonts(spend):
    ax = plot_lorenz(spend)
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        ax.figure.canvas.draw()


def test_renamed_transaction_columns_draw_the_same_curve(online_retail_clean):
    from custseg.errors import DataError

    names = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
    renamed = online_retail_clean.rename(columns=names)
    keywords = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
    ax = plot_lorenz(renamed, **keywords)
    expected = plot_lorenz(online_retail_clean)
    assert ax.get_title() == expected.get_title()
    np.testing.assert_allclose(ax.lines[0].get_xydata(), expected.lines[0].get_xydata())
    with pytest.raises(DataError, match="'实付'"):
        plot_lorenz(renamed, **{**keywords, "amount_col": "实付"})
