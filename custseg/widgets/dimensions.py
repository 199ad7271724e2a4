"""Pick a dimension, see how segments along it respond: the module 02 widget."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from custseg.dimensions import (
    RESPONSE_AXIS_LABEL,
    overall_rate,
    overall_rate_label,
    response_sentence,
    response_title,
    segment_response,
)
from custseg.widgets.live import LiveChart
from custseg.widgets.moved import moved_names

__all__ = ["BANK_DIMENSIONS", "dimension_explorer"]

__getattr__ = moved_names(__name__, {"plot_response_by": "custseg.plotting.dimensions"})

BANK_DIMENSIONS = {
    "年龄段": "age",
    "职业": "job",
    "婚姻状况": "marital",
    "学历": "education",
    "有无房贷": "housing",
    "上次活动结果": "poutcome",
}
"""The dimensions of the Bank Marketing data the widget offers by default."""


def dimension_explorer(
    frame: pd.DataFrame,
    dimensions: Mapping[str, str] | None = None,
    *,
    target: str = "y",
    positive: object = "yes",
) -> widgets.VBox:
    """A dropdown of dimensions and the response-rate chart of the chosen one.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    dimensions : mapping, optional
        Chinese name shown in the dropdown -> column of ``frame``; by default
        :data:`BANK_DIMENSIONS`. Segments are labelled as in
        :func:`custseg.dimensions.segment_labels` (``"age"`` in age bands, coded values
        in Chinese); every dimension's table (:func:`custseg.dimensions.segment_response`)
        is computed when the widget is built.
    target, positive
        As in :func:`custseg.dimensions.response_by`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown, a summary line (HTML,
        :func:`custseg.dimensions.response_sentence`) and the chart (a bqplot Figure:
        ``marks[0]`` the bars of the segments' response rates, highest on top,
        ``marks[1]`` their percentages, ``marks[2]`` the dashed line of the overall rate).
    """
    dimensions = dict(BANK_DIMENSIONS if dimensions is None else dimensions)
    tables = {
        name: segment_response(frame, column, target=target, positive=positive)
        for name, column in dimensions.items()
    }
    choice = widgets.Dropdown(options=list(dimensions), description="分类维度")
    summary = widgets.HTML()
    chart = LiveChart(
        x_label=RESPONSE_AXIS_LABEL,
        y_scale="ordinal",
        x_format=".0%",
        x_min=0,
        size=(700, 420),
        legend=True,
    )
    chart.figure.legend_location = "bottom-right"
    bars = chart.bars([], [], horizontal=True, tooltip_labels=("客户群", "响应率"))
    bars.tooltip.formats = ["", ".1%"]
    rates = chart.labels([], [], [], y_offset=0)
    overall_line = chart.vline(0.0, label="整体")
    margin = dict(chart.figure.fig_margin)

    def update(change: dict | None = None) -> None:
        table = tables[choice.value]
        summary.value = response_sentence(table, choice.value)
        names = [str(i) for i in table.index]
        values = table["response_rate"].to_numpy()
        overall = overall_rate(table)
        with chart.hold():
            chart.figure.title = response_title(choice.value)
            chart.figure.fig_margin = margin
            chart.fit_categories(names)
            chart.leave_room([*values, overall], share=0.15)
            bars.x, bars.y = names, values
            rates.x, rates.y = values, names
            rates.text = [f"{v:.0%}" for v in values]
            overall_line.x = [overall, overall]
            overall_line.labels = [overall_rate_label(overall)]

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, summary, chart.figure])
