"""custseg.plotting.customer_groups: the group mix per region on a seeded synthetic table."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custseg.customer_groups import GROUPS, CustomerGroupClassifier, regional_contrast
from custseg.errors import DataError
from custseg.plotting.customer_groups import plot_group_mix


@pytest.fixture(scope="module")
def contrast():
    rng = np.random.default_rng(5)
    region = np.repeat(["欧洲", "非洲"], 300)
    technical = np.where(region == "欧洲", 3.9, 2.7)
    price = np.where(region == "欧洲", 2.8, 4.0)
    customers = pd.DataFrame(
        {
            "region": region,
            "technical_need": np.clip(rng.normal(technical, 0.7), 1, 5),
            "price_sensitivity": np.clip(rng.normal(price, 0.7), 1, 5),
            "strategic_importance": np.clip(rng.normal(2.8, 0.9, 600), 1, 5),
            "revenue": rng.lognormal(5, 1, 600),
        }
    )
    groups = CustomerGroupClassifier().fit(customers).predict(customers)
    return regional_contrast(customers, groups)


def test_bars_are_the_shares(contrast):
    fig, ax = plt.subplots()
    assert plot_group_mix(contrast, ax=ax) is ax
    assert len(ax.containers) == len(GROUPS)
    for group, bars in zip(GROUPS, ax.containers, strict=True):
        np.testing.assert_allclose([b.get_width() for b in bars], contrast[group])
    ends = np.sum([[b.get_x() + b.get_width() for b in c] for c in ax.containers[-1:]], axis=0)
    np.testing.assert_allclose(ends, 1.0)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{r}（{n} 户）" for r, n in contrast["customers"].items()]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["技术型客户", "标准型客户", "战略型客户"]
    europe = contrast.index.get_loc("欧洲")
    assert f"{contrast.loc['欧洲', '技术型']:.0%}" in [t.get_text() for t in ax.texts]
    assert ax.containers[0][europe].get_width() > ax.containers[0][1 - europe].get_width()


def test_not_a_contrast_table():
    with pytest.raises(DataError, match="regional_contrast"):
        plot_group_mix(pd.DataFrame({"x": [1]}))


def test_chinese_text_renders_later_with_default_fonts(contrast):
    ax = plot_group_mix(contrast)
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
