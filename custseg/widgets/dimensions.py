"""Pick a dimension, see how segments along it respond: the module 02 widget."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from custseg.dimensions import response_by, segment_labels
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
        in Chinese).
    target, positive
        As in :func:`custseg.dimensions.response_by`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown, a summary line (HTML) and the chart (a bqplot Figure:
        ``marks[0]`` the bars of the segments' response rates, highest on top,
        ``marks[1]`` their percentages, ``marks[2]`` the dashed line of the overall rate).
    """
    dimensions = dict(BANK_DIMENSIONS if dimensions is None else dimensions)
    labelled = {
        name: pd.DataFrame(
            {"segment": segment_labels(frame, column).to_numpy(), target: frame[target].to_numpy()}
        )
        for name, column in dimensions.items()
    }
    choice = widgets.Dropdown(options=list(dimensions), description="分类维度")
    summary = widgets.HTML()
    chart = LiveChart(
        x_label="响应率（认购定期存款的比例）",
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
        table = response_by(labelled[choice.value], "segment", target=target, positive=positive)
        best, worst = table.index[0], table.index[-1]
        high, low = table["response_rate"].iloc[0], table["response_rate"].iloc[-1]
        summary.value = (
            f"按<b>{choice.value}</b>分成 {len(table)} 群：响应率最高的是 <b>{best}</b>"
            f"（{high:.1%}），最低的是 <b>{worst}</b>（{low:.1%}），"
            f"相差 {(high - low) * 100:.1f} 个百分点。"
        )
        names = [str(i) for i in table.index]
        values = table["response_rate"].to_numpy()
        overall = table["responses"].sum() / table["customers"].sum()
        with chart.hold():
            chart.figure.title = f"按{choice.value}分群的响应率"
            chart.figure.fig_margin = margin
            chart.fit_categories(names)
            chart.leave_room([*values, overall], share=0.15)
            bars.x, bars.y = names, values
            rates.x, rates.y = values, names
            rates.text = [f"{v:.0%}" for v in values]
            overall_line.x = [overall, overall]
            overall_line.labels = [f"整体 {overall:.0%}"]

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, summary, chart.figure])
