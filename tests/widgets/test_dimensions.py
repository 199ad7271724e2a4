"""The dimension widget: choosing another dimension redraws with that dimension's numbers."""

from __future__ import annotations

import numpy as np

from custseg.dimensions import response_by
from custseg.widgets.dimensions import dimension_explorer, plot_response_by


def test_choosing_a_dimension_changes_the_summary(bank):
    box = dimension_explorer(bank, {"职业": "job", "学历": "education"})
    choice, summary, _ = box.children
    assert "student" in summary.value
    choice.value = "学历"
    by_education = bank.groupby("education")["y"].apply(lambda s: (s == "yes").mean())
    assert by_education.idxmax() in summary.value
    assert f"{by_education.max():.1%}" in summary.value


def test_the_chart_shows_the_rates_of_the_chosen_dimension(bank):
    box = dimension_explorer(bank, {"职业": "job", "学历": "education"})
    choice, _, figure = box.children
    bars, numbers, overall = figure.marks
    everyone = (bank["y"] == "yes").mean()
    for name, column in (("职业", "job"), ("学历", "education")):
        choice.value = name
        rates = bank.groupby(column)["y"].apply(lambda s: (s == "yes").mean())
        rates = rates.sort_values(ascending=False)
        assert list(bars.x) == rates.index.tolist()  # the highest first, drawn on top
        np.testing.assert_allclose(bars.y, rates.to_numpy())
        assert list(numbers.text) == [f"{r:.0%}" for r in rates]
        np.testing.assert_allclose(overall.x, [everyone, everyone])
        assert overall.labels == [f"整体 {everyone:.0%}"]
        assert figure.title == f"按{name}分群的响应率"
    assert len(bars.x) == bank["education"].nunique()


def test_plot_bars_are_the_rates(bank):
    table = response_by(bank, "marital")
    ax = plot_response_by(table)
    heights = sorted(p.get_width() for p in ax.patches)
    assert heights == sorted(table["response_rate"].tolist())
