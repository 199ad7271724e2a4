"""custseg.plotting.recommend: hit rates on Online Retail and one recommendation list."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.plotting.recommend import plot_hit_rates, plot_recommendations
from custseg.recommend import (
    ONLINE_RETAIL_NON_PRODUCTS,
    ItemToItemRecommender,
    MostPopular,
    compare_hit_rates,
)

SPLIT = pd.Timestamp("2011-10-01")


@pytest.fixture(scope="module")
def split(online_retail_clean):
    early = online_retail_clean["invoice_date"] < SPLIT
    return online_retail_clean[early], online_retail_clean[~early]


def test_hit_rate_bars(split):
    train, test = split
    models = {
        "同购推荐": ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS),
        "热门推荐": MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS),
    }
    table = compare_hit_rates(models, train, test, max_baskets=500)
    ax = plot_hit_rates(table)
    assert [bar.get_height() for bar in ax.patches] == pytest.approx(table["hit_rate"].tolist())
    ratio = table["hit_rate"].iloc[0] / table["hit_rate"].iloc[1]
    assert f"{ratio:.1f} 倍" in ax.texts[0].get_text()
    assert "500 个测试订单" in ax.get_title()
    assert ax.patches[0].get_facecolor() != ax.patches[1].get_facecolor()
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()


def test_recommendation_bars(split):
    train, _ = split
    model = ItemToItemRecommender(top_n=8, exclude=ONLINE_RETAIL_NON_PRODUCTS).fit(
        train.head(40_000)
    )
    recs = model.recommend(["85123A"])
    fig, ax = plt.subplots()
    assert plot_recommendations(recs, ax=ax) is ax
    assert [bar.get_width() for bar in ax.patches] == pytest.approx(recs["score"].tolist())
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels[0].endswith(f"({recs['stock_code'].iloc[0]})")
    assert ax.yaxis_inverted()


def test_bad_input():
    table = pd.DataFrame({"hit_rate": [0.1], "baskets": [10], "top_n": [5]}, index=["热门"])
    with pytest.raises(DataError, match="'随机'"):
        plot_hit_rates(table, baseline="随机")
    with pytest.raises(DataError, match="'top_n'"):
        plot_hit_rates(table.drop(columns="top_n"))
    with pytest.raises(DataError, match="'score'"):
        plot_recommendations(pd.DataFrame({"stock_code": ["a"], "description": ["b"]}))
