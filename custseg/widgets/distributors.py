"""Move the weights of the three criteria and watch grades and ranking change: the module 09 widget.

The numbers come from :mod:`custseg.distributors` (:func:`~custseg.distributors.grade_counts`,
:func:`~custseg.distributors.ranking_table`); this module only displays them.
"""

from __future__ import annotations

from collections.abc import Mapping

import bqplot as bq
import ipywidgets as widgets
import pandas as pd

from custseg.distributors import (
    COVERAGE_SIZES,
    CRITERIA_LABELS,
    DEFAULT_WEIGHTS,
    GRADE_LABELS,
    GRADES,
    OTHER_COVERAGE_SIZE,
    RANKING_COLUMNS,
    DistributorEvaluator,
    grade_counts,
    ranked_distributors,
    ranking_table,
)
from custseg.errors import ParameterError
from custseg.plotting import palette
from custseg.widgets.live import LiveChart

# grade_counts and ranked_distributors live in custseg.distributors; importable here as before.
__all__ = ["distributor_weight_explorer", "grade_counts", "ranked_distributors"]


def distributor_weight_explorer(
    frame: pd.DataFrame, *, weights: Mapping[str, float] | None = None, top: int = 10
) -> widgets.VBox:
    """Three sliders for the criteria weights, the grade counts, the ranked list and the grade map.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per distributor of one period (e.g. the 2024-H1 rows of the sample).
    weights : mapping, optional
        Where the sliders start; default :data:`custseg.distributors.DEFAULT_WEIGHTS`.
    top : int, default 10
        Length of the ranked list.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the three sliders (市场覆盖率, 销售能力, 合作意愿), the summary
        (HTML: weights used and distributors per grade), the ranked list (HTML) and the chart
        (a bqplot Figure: sales capacity score against cooperation score, dashed lines at 50
        in ``figure.marks[:2]``, then one Scatter mark per grade A-D, a point per
        distributor sized by its coverage).
        Weights are rescaled to sum to 1; all three at 0 is refused with a message.
    """
    start = dict(DEFAULT_WEIGHTS if weights is None else weights)
    style = {"description_width": "initial"}
    sliders = {
        name: widgets.FloatSlider(
            value=float(start[name]),
            min=0.0,
            max=1.0,
            step=0.05,
            description=f"{label}权重",
            style=style,
            continuous_update=False,
        )
        for name, label in CRITERIA_LABELS.items()
    }
    summary = widgets.HTML()
    ranking = widgets.HTML()
    chart = LiveChart(
        title="经销商分级：点越大覆盖越广（全国 > 区域 > 地方）",
        x_label="销售能力得分 (sales capacity score)",
        y_label="合作意愿得分 (cooperation score)",
        x_min=-3,
        x_max=103,
        y_min=-3,
        y_max=103,
        size=(620, 560),
        legend=True,
    )
    chart.figure.legend_location = "bottom-right"
    chart.vline(50, color=palette.REFERENCE)
    chart.hline(50, color=palette.REFERENCE)
    area = bq.LinearScale(min=0, max=max(COVERAGE_SIZES.values()))
    grades = {}
    for grade in GRADES:
        mark = chart.scatter(
            [], [], color=palette.DISTRIBUTOR_GRADE_COLORS[grade], size=270, opacity=0.75,
            tooltip=("name", "x", "y"), tooltip_labels=("经销商", "销售能力", "合作意愿"),
        )  # fmt: skip
        mark.scales = {**mark.scales, "size": area}
        mark.display_names = False
        grades[grade] = mark

    def update(change: dict | None = None) -> None:
        chosen = {name: slider.value for name, slider in sliders.items()}
        try:
            evaluator = DistributorEvaluator(weights=chosen).fit(frame)
        except ParameterError:
            summary.value = "<b>三项权重不能全为 0：至少给一项标准设置权重。</b>"
            ranking.value = ""
            return
        evaluation = evaluator.evaluate(frame)
        used = "，".join(
            f"{CRITERIA_LABELS[name]} {share:.0%}" for name, share in evaluator.weights_.items()
        )
        counts = "，".join(
            f"{grade} {GRADE_LABELS[grade]} {count} 家"
            for grade, count in grade_counts(evaluation).items()
        )
        summary.value = f"实际权重（合计 100%）：{used}<br>{counts}"
        shown = ranking_table(evaluation, top=top)[RANKING_COLUMNS]
        ranking.value = shown.to_html(float_format="{:.1f}".format)
        sizes = evaluation["coverage_type"].map(COVERAGE_SIZES).fillna(OTHER_COVERAGE_SIZE)
        with chart.hold():
            for grade, mark in grades.items():
                rows = (evaluation["grade"] == grade).to_numpy()
                mark.x = evaluation["score_sales"].to_numpy(dtype=float)[rows]
                mark.y = evaluation["score_cooperation"].to_numpy(dtype=float)[rows]
                mark.size = sizes.to_numpy(dtype=float)[rows]
                mark.names = evaluation.index.astype(str).to_numpy()[rows]
                mark.labels = [f"{grade} {GRADE_LABELS[grade]}（{rows.sum()} 家）"]
                mark.display_legend = bool(rows.any())

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(sliders.values())), summary, ranking, chart.figure])
