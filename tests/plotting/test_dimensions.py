"""custseg.plotting.dimensions: profile index heatmap, spending mix bars, purchase styles."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custseg.dimensions import (
    BANK_LABELS,
    IFOOD_SPENDING,
    cluster_mix,
    label_values,
    profile_segments,
    purchase_styles,
    spending_mix,
)
from custseg.errors import DataError
from custseg.plotting.dimensions import plot_profile_index, plot_purchase_styles, plot_spending_mix

IFOOD = (
    Path(
        os.environ.get(
            "CUSTSEG_SHARED_DATASETS", Path(__file__).parents[2] / ".." / "shared" / "datasets"
        )
    )
    / "marketing_campaign.csv.gz"
)


def _draw_with_default_fonts(fig):
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        fig.canvas.draw()


def test_profile_index_heatmap_on_bank(bank):
    clients = label_values(bank, BANK_LABELS)
    profile = profile_segments(clients, "job", ["age", "balance", "duration", "education"])
    ax = plot_profile_index(profile)
    values = ax.images[0].get_array()
    jobs = [t.get_text() for t in ax.get_yticklabels()]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["age", "balance", "duration"]
    assert "全部客户" not in jobs and len(jobs) == 12
    for row, job in enumerate(jobs):
        rows = clients[clients["job"] == job]
        for column, name in enumerate(["age", "balance", "duration"]):
            expected = 100 * rows[name].mean() / bank[name].mean()
            assert values[row, column] == pytest.approx(expected)
    assert len(ax.texts) == values.size
    assert ax.images[0].norm.vcenter == 100
    _draw_with_default_fonts(ax.figure)


def test_profile_index_needs_the_overall_row(bank):
    profile = profile_segments(bank, "job", ["age"], overall=False)
    with pytest.raises(DataError, match="全部客户"):
        plot_profile_index(profile)
    with pytest.raises(DataError, match="'收入'"):
        plot_profile_index(profile_segments(bank, "job", ["age"]), columns=["收入"])


def test_spending_mix_bars_on_ifood():
    if not IFOOD.exists():
        pytest.skip(f"shared data file missing: {IFOOD}")
    ifood = pd.read_csv(IFOOD, sep="\t")
    mix = spending_mix(ifood, IFOOD_SPENDING)
    segments = cluster_mix(mix, 3)
    fig, ax = plt.subplots()
    assert plot_spending_mix(mix, segments, ax=ax) is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == list(segments.cat.categories)
    for number, category in enumerate(IFOOD_SPENDING.values()):
        widths = [bar.get_width() for bar in ax.containers[number]]
        expected = [mix.loc[segments == s, category].mean() for s in labels]
        np.testing.assert_allclose(widths, expected)
    ends = sum(np.array([bar.get_width() for bar in c]) for c in ax.containers)
    np.testing.assert_allclose(ends, 1.0)
    _draw_with_default_fonts(fig)
    with pytest.raises(DataError, match="index"):
        plot_spending_mix(mix, segments.iloc[:10])


def test_purchase_style_bars_on_online_retail(online_retail_clean):
    styles = purchase_styles(online_retail_clean)
    ax = plot_purchase_styles(styles)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["忠诚型", "冲动型", "理性型"]
    customers = [bar.get_height() for bar in ax.containers[0]]
    spend = [bar.get_height() for bar in ax.containers[1]]
    for style, share, revenue in zip(["忠诚型", "冲动型", "理性型"], customers, spend, strict=True):
        chosen = styles["style"] == style
        assert share == pytest.approx(chosen.mean())
        assert revenue == pytest.approx(styles.loc[chosen, "total"].sum() / styles["total"].sum())
    assert sum(customers) == pytest.approx(1.0)
    _draw_with_default_fonts(ax.figure)
    with pytest.raises(DataError, match="'total'"):
        plot_purchase_styles(styles.drop(columns="total"))
