"""The dimension widget: choosing another dimension redraws with that dimension's numbers."""

from __future__ import annotations

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


def test_plot_bars_are_the_rates(bank):
    table = response_by(bank, "marital")
    ax = plot_response_by(table)
    heights = sorted(p.get_width() for p in ax.patches)
    assert heights == sorted(table["response_rate"].tolist())
