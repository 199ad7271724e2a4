"""custseg.plotting.selection: the shortlist bars on Online Retail customers."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from custseg.plotting.selection import plot_shortlist
from custseg.rfm import rfm_table
from custseg.selection import CustomerScorecard

# A criterion of the user's own (活跃度: days since the last purchase, fewer is better).
COLUMNS = {"potential_value": "monetary", "loyalty": "frequency", "活跃度": "recency"}


@pytest.fixture(scope="module")
def customers(online_retail_clean):
    return rfm_table(online_retail_clean)


@pytest.fixture(scope="module")
def card(customers):
    return CustomerScorecard(COLUMNS, lower_is_better=["活跃度"]).fit(customers)


def test_bars_add_up_to_the_total_score(customers, card):
    fig, ax = plt.subplots()
    assert plot_shortlist(card, customers, top=12, ax=ax) is ax
    widths = np.array([[bar.get_width() for bar in c] for c in ax.containers])
    assert widths.shape == (3, 12)
    table = card.shortlist(customers, top=12)
    np.testing.assert_allclose(widths.sum(axis=0), table["total_score"])
    spend = customers["monetary"]
    expected_first = 100 * (spend <= spend.loc[table.index[0]]).mean() / 3
    assert widths[0, 0] == pytest.approx(expected_first)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    top_down = [labels[i] for i in np.argsort(-ax.get_yticks())]
    assert top_down == [str(i) for i in table.index]
    assert all(tier in " ".join(t.get_text() for t in ax.texts) for tier in set(table["tier"]))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["潜在价值（权重 33%）", "忠诚度（权重 33%）", "活跃度（权重 33%）"]


def test_chinese_text_renders_later_with_default_fonts(customers, card):
    ax = plot_shortlist(card, customers.iloc[:200])
    assert len(ax.containers[0]) == 15
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
