"""custseg.plotting.privacy: rows by quasi-identifier group size on Bank Marketing."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from custseg.errors import DataError, ParameterError
from custseg.plotting.privacy import plot_group_sizes

QUASI = ["age", "job", "marital", "education"]


@pytest.mark.parametrize("k_min", [5, 20])
def test_bars_count_rows_by_group_size(bank, k_min):
    sizes = bank.groupby(QUASI).size()
    ax = plot_group_sizes(bank, QUASI, k_min=k_min)
    heights = [bar.get_height() for bar in ax.patches]
    assert sum(heights) == len(bank)
    risky = [bar.get_height() for bar in ax.patches if bar.get_facecolor()[0] > 0.7]
    assert sum(risky) == sizes[sizes < k_min].sum()
    assert ax.patches[0].get_height() == (sizes == 1).sum()
    assert f"{int(sizes[sizes < k_min].sum()):,} 行" in ax.get_title()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "1" and labels[-1].startswith("≥")
    assert any(label.startswith(f"{k_min}") for label in labels)


def test_draws_on_given_axes_and_renders_chinese(bank):
    fig, ax = plt.subplots()
    assert plot_group_sizes(bank, ["job", "marital"], ax=ax) is ax
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_bad_input():
    with pytest.raises(DataError, match="'age'"):
        plot_group_sizes(pd.DataFrame({"job": ["a"]}), ["age"])
    with pytest.raises(ParameterError, match="k_min"):
        plot_group_sizes(pd.DataFrame({"job": ["a"]}), ["job"], k_min=0)
