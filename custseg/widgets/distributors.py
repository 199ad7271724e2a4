"""Move the weights of the three criteria and watch grades and ranking change: the module 09 widget."""

from __future__ import annotations

from collections.abc import Mapping

import bqplot as bq
import ipywidgets as widgets
import pandas as pd

from custseg.distributors import (
    CRITERIA_LABELS,
    DEFAULT_WEIGHTS,
    GRADE_LABELS,
    GRADES,
    DistributorEvaluator,
)
from custseg.errors import ParameterError
from custseg.plotting import palette
from custseg.plotting.distributors import COVERAGE_SIZES, OTHER_COVERAGE_SIZE
from custseg.widgets.live import LiveChart

__all__ = ["distributor_weight_explorer", "grade_counts", "ranked_distributors"]


def grade_counts(evaluation: pd.DataFrame) -> pd.Series:
    """How many distributors each grade holds, A to D (empty grades count 0).

    Parameters
    ----------
    evaluation : pandas.DataFrame
        The table of :meth:`custseg.distributors.DistributorEvaluator.evaluate`.

    Returns
    -------
    pandas.Series
        Indexed by grade ``A``-``D``, named ``经销商数``.

    Examples
    --------
    >>> import pandas as pd
    >>> grade_counts(pd.DataFrame({"grade": ["B", "D", "B"]})).tolist()
    [0, 2, 0, 1]
    """
    counts = evaluation["grade"].value_counts().reindex(list(GRADES), fill_value=0)
    return counts.astype(int).rename("经销商数")


def ranked_distributors(
    frame: pd.DataFrame, weights: Mapping[str, float], *, top: int = 10
) -> pd.DataFrame:
    """Evaluate ``frame`` with ``weights`` and list the best ``top`` distributors.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per distributor of one period (the reference period of the evaluation).
    weights : mapping
        Weights of ``"coverage"``, ``"sales"`` and ``"cooperation"``, as in
        :class:`custseg.distributors.DistributorEvaluator`.
    top : int, default 10
        How many distributors to list.

    Returns
    -------
    pandas.DataFrame
        Indexed by distributor id (named ``经销商``), best first (ties in input order):
        ``排名``, ``覆盖类型``, ``总分``, ``等级``, ``等级名称``.

    Examples
    --------
    >>> import pandas as pd
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2", "D3"],
    ...     "coverage": ["全国", "区域", "地方"], "sales": [300.0, 1200.0, 5000.0],
    ...     "target_attainment": [0.9, 1.0, 1.1], "cooperation": [2.0, 4.0, 4.5]})
    >>> ranked_distributors(h1, {"coverage": 1, "sales": 0, "cooperation": 0}).index.tolist()
    ['D1', 'D2', 'D3']
    >>> ranked_distributors(h1, {"coverage": 0, "sales": 1, "cooperation": 0}, top=1)
                    排名  覆盖类型     总分 等级   等级名称
    经销商
    D3               1  地方性经销商  100.0  A  核心经销商
    """
    evaluation = DistributorEvaluator(weights=dict(weights)).fit(frame).evaluate(frame)
    return _ranking(evaluation, top)


def _ranking(evaluation: pd.DataFrame, top: int) -> pd.DataFrame:
    best = evaluation.sort_values("total_score", ascending=False, kind="stable").head(top)
    table = pd.DataFrame(
        {
            "排名": range(1, len(best) + 1),
            "覆盖类型": best["coverage_type"],
            "总分": best["total_score"].round(1),
            "等级": best["grade"],
            "等级名称": best["grade_label"],
        },
        index=pd.Index(best.index, name="经销商"),
    )
    return table


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
        ranking.value = _ranking(evaluation, top).to_html(float_format="{:.1f}".format)
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
