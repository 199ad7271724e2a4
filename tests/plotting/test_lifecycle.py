"""custseg.plotting.lifecycle: one bar per stage, as tall as the stage's customer count."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.lifecycle import STAGES, lifecycle_stages
from custseg.plotting.lifecycle import plot_lifecycle_stages


@pytest.fixture(scope="module")
def stages(online_retail_clean):
    return lifecycle_stages(online_retail_clean, prospects=[1, 2, 3])


def test_bar_heights_are_the_stage_counts_in_lifecycle_order(stages):
    ax = plot_lifecycle_stages(stages)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    heights = [p.get_height() for p in ax.patches]
    assert labels == list(STAGES)
    counts = stages["stage"].value_counts()
    assert heights == [float(counts.get(stage, 0)) for stage in STAGES]
    assert heights[0] == 3.0  # the three prospects
    assert sum(heights) == len(stages)
    assert "客户数" in ax.get_ylabel()


def test_custom_stages_follow_the_default_ones():
    frame = pd.DataFrame({"stage": ["沉睡", "新客", "沉睡"]})
    ax = plot_lifecycle_stages(frame)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [*STAGES, "沉睡"]
    assert ax.patches[-1].get_height() == 2.0


def test_missing_stage_column_is_named():
    with pytest.raises(DataError, match="'stage'"):
        plot_lifecycle_stages(pd.DataFrame({"segment": ["新客"]}))


def test_chinese_text_renders_later_with_default_fonts(stages):
    ax = plot_lifecycle_stages(stages)
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        ax.figure.canvas.draw()
