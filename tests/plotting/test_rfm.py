"""custseg.plotting.rfm: the bars and the heatmap show the real segment numbers."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from custseg.errors import DataError, ParameterError
from custseg.plotting.rfm import plot_rf_heatmap, plot_segment_sizes
from custseg.rfm import RFMScorer, rfm_table, segment_customers


@pytest.fixture(scope="module")
def scored(online_retail_clean):
    return RFMScorer().fit_transform(rfm_table(online_retail_clean))


@pytest.mark.parametrize("scheme", ["cn8", "classic"])
def test_bar_lengths_are_the_segment_counts(scored, scheme):
    segmented = segment_customers(scored, scheme=scheme)
    ax = plot_segment_sizes(segmented)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    counts = segmented["segment"].value_counts()
    assert sorted(labels) == sorted(counts.index)
    assert dict(zip(labels, widths, strict=True)) == counts.astype(float).to_dict()
    assert widths == sorted(widths)  # largest on top
    assert "客户数" in ax.get_xlabel()


def test_bar_lengths_can_be_the_segment_spend(scored):
    segmented = segment_customers(scored, scheme="cn8")
    fig, ax = plt.subplots()
    assert plot_segment_sizes(segmented, ax=ax, value="monetary") is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = np.array([p.get_width() for p in ax.patches])
    expected = segmented.groupby("segment")["monetary"].sum().loc[labels].to_numpy()
    np.testing.assert_allclose(widths, expected)
    with pytest.raises(ParameterError, match=r"参数 value .*\['count', 'monetary'\].*'median'"):
        plot_segment_sizes(segmented, value="median")


def test_heatmap_cells_are_mean_monetary_by_r_and_f(scored):
    ax = plot_rf_heatmap(scored)
    cells = np.ma.filled(ax.collections[0].get_array(), np.nan).reshape(5, 5)
    for row, r in enumerate([5, 4, 3, 2, 1]):
        for col, f in enumerate([1, 2, 3, 4, 5]):
            members = scored[(scored["r_score"] == r) & (scored["f_score"] == f)]["monetary"]
            if members.empty:
                assert np.isnan(cells[row, col])
            else:
                assert cells[row, col] == pytest.approx(members.mean())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["5", "4", "3", "2", "1"]
    assert "R" in ax.get_ylabel() and "F" in ax.get_xlabel()


def test_empty_or_wrong_input_is_refused(scored):
    with pytest.raises(DataError, match="segment"):
        plot_segment_sizes(scored)
    with pytest.raises(DataError, match="r_score"):
        plot_rf_heatmap(scored.drop(columns="r_score"))


def test_chinese_text_renders_later_with_default_fonts(scored):
    ax = plot_segment_sizes(segment_customers(scored, scheme="classic"))
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        ax.figure.canvas.draw()
