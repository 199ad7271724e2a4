"""The dimension widget: choosing another dimension redraws with that dimension's numbers."""

from __future__ import annotations

import numpy as np

from custseg.dimensions import BANK_LABELS, response_by
from custseg.plotting.dimensions import plot_response_by, plot_response_rates
from custseg.widgets.dimensions import BANK_DIMENSIONS, dimension_explorer


def _rates(bank, column):
    labels = bank[column].map(lambda v: BANK_LABELS.get(column, {}).get(v, v))
    hit = bank["y"] == "yes"
    return hit.groupby(labels).mean().sort_values(ascending=False, kind="stable")


def test_choosing_a_dimension_changes_the_summary(bank):
    box = dimension_explorer(bank, {"职业": "job", "学历": "education"})
    choice, summary, _ = box.children
    assert "学生" in summary.value and "student" not in summary.value
    choice.value = "学历"
    by_education = _rates(bank, "education")
    assert by_education.index[0] in summary.value
    assert f"{by_education.max():.1%}" in summary.value
    gap = (by_education.max() - by_education.min()) * 100
    assert f"相差 {gap:.1f} 个百分点" in summary.value


def test_the_chart_shows_the_rates_of_the_chosen_dimension(bank):
    box = dimension_explorer(bank, {"职业": "job", "学历": "education"})
    choice, _, figure = box.children
    bars, numbers, overall = figure.marks
    everyone = (bank["y"] == "yes").mean()
    for name, column in (("职业", "job"), ("学历", "education")):
        choice.value = name
        rates = _rates(bank, column)
        assert list(bars.x) == rates.index.tolist()  # the highest first, drawn on top
        np.testing.assert_allclose(bars.y, rates.to_numpy())
        assert list(numbers.text) == [f"{r:.0%}" for r in rates]
        np.testing.assert_allclose(overall.x, [everyone, everyone])
        assert overall.labels == [f"整体 {everyone:.0%}"]
        assert figure.title == f"按{name}分群的响应率"
    assert len(bars.x) == bank["education"].nunique()


def test_by_default_the_bank_dimensions_with_ages_in_bands(bank):
    box = dimension_explorer(bank)
    choice, summary, figure = box.children
    assert list(choice.options) == list(BANK_DIMENSIONS)
    assert choice.value == "年龄段"
    assert "65岁及以上" in set(figure.marks[0].x)
    choice.value = "上次活动结果"
    assert figure.marks[0].x[0] == "成功"
    success = (bank.loc[bank["poutcome"] == "success", "y"] == "yes").mean()
    np.testing.assert_allclose(figure.marks[0].y[0], success)


def test_plot_bars_are_the_rates(bank):
    table = response_by(bank, "marital")
    ax = plot_response_by(table)
    heights = sorted(p.get_width() for p in ax.patches)
    assert heights == sorted(table["response_rate"].tolist())


def test_the_widget_reads_like_the_static_chart(bank):
    box = dimension_explorer(bank, {"职业": "job"})
    _, _, figure = box.children
    ax = plot_response_rates(bank, "job")
    assert figure.title == ax.get_title() == "按职业分群的响应率"
    assert figure.axes[0].label == ax.get_xlabel()
    assert list(figure.marks[2].labels) == [ax.get_legend().get_texts()[0].get_text()]
    assert list(figure.marks[0].x)[::-1] == [t.get_text() for t in ax.get_yticklabels()]
