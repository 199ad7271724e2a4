"""custseg.plotting.distributors: grade map and grade changes on the synthetic distributors."""

from __future__ import annotations

import importlib.resources
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custseg.distributors import GRADES, DistributorEvaluator
from custseg.plotting.distributors import plot_distributor_grades, plot_grade_changes


@pytest.fixture(scope="module")
def periods():
    data = pd.read_csv(importlib.resources.files("custseg") / "data" / "distributors.csv")
    return [rows.reset_index(drop=True) for _, rows in data.groupby("period")]


@pytest.fixture(scope="module")
def evaluator(periods):
    return DistributorEvaluator().fit(periods[0])


def test_every_distributor_is_drawn_in_its_grade_colour(periods, evaluator):
    evaluation = evaluator.evaluate(periods[0])
    fig, ax = plt.subplots()
    assert plot_distributor_grades(evaluation, ax=ax) is ax
    assert len(ax.collections) == 4
    for grade, points in zip(GRADES, ax.collections, strict=True):
        rows = evaluation[evaluation["grade"] == grade]
        np.testing.assert_allclose(
            points.get_offsets(), rows[["score_sales", "score_cooperation"]].to_numpy()
        )
        national = (rows["coverage_type"] == "全国性经销商").to_numpy()
        sizes = points.get_sizes()
        assert (sizes[national] > sizes[~national].max(initial=0)).all()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith("A 核心经销商")
    assert f"{(evaluation['grade'] == 'A').sum()} 家" in legend[0]


def test_transition_counts_match_a_crosstab(periods, evaluator):
    changes = evaluator.reevaluate(*periods)
    ax = plot_grade_changes(changes)
    counts = np.asarray(ax.images[0].get_array())
    expected = pd.crosstab(changes["grade_before"], changes["grade_after"]).reindex(
        index=list(GRADES), columns=list(GRADES), fill_value=0
    )
    np.testing.assert_array_equal(counts, expected.to_numpy())
    upgrades = int(np.tril(counts, -1).sum())  # column (after) left of row (before): moved up
    downgrades = int(np.triu(counts, 1).sum())
    assert f"升级 {upgrades} 家" in ax.get_title()
    assert f"降级 {downgrades} 家" in ax.get_title()
    assert downgrades == (changes["movement"] == "降级").sum() > 0
    assert [t.get_text() for t in ax.texts] == [str(c) for c in counts.ravel()]


def test_chinese_text_renders_later_with_default_fonts(periods, evaluator):
    axes = [
        plot_distributor_grades(evaluator.evaluate(periods[1])),
        plot_grade_changes(evaluator.reevaluate(periods[0].iloc[5:], periods[1].iloc[:-5])),
    ]
    assert "新增 5 家" in axes[1].get_title() and "退出 5 家" in axes[1].get_title()
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        for ax in axes:
            ax.figure.canvas.draw()
