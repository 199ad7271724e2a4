"""Pick a dimension, see how segments along it respond: the module 02 widget."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import PercentFormatter

from custseg.dimensions import response_by
from custseg.plotting.style import chinese_font_context
from custseg.widgets.live import LiveChart

__all__ = ["dimension_explorer", "plot_response_by"]


def plot_response_by(table: pd.DataFrame, ax=None, *, title: str = ""):
    """Bars of each segment's response rate with the overall rate as a dashed line.

    ``table`` comes from :func:`custseg.dimensions.response_by`; returns the Axes.
    """
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        overall = table["responses"].sum() / table["customers"].sum()
        labels = [str(i) for i in table.index]
        bars = ax.barh(labels[::-1], table["response_rate"].to_numpy()[::-1], color="#4C72B0")
        ax.bar_label(
            bars, labels=[f"{v:.0%}" for v in table["response_rate"].to_numpy()[::-1]], padding=3
        )
        ax.axvline(overall, color="#C44E52", linestyle="--", label=f"整体 {overall:.0%}")
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel("响应率（认购定期存款的比例）")
        ax.set_title(title or "各客户群的响应率")
        ax.legend(loc="lower right")
    return ax


def dimension_explorer(
    frame: pd.DataFrame,
    dimensions: Mapping[str, str],
    *,
    target: str = "y",
    positive: object = "yes",
) -> widgets.VBox:
    """A dropdown of dimensions and the response-rate chart of the chosen one.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    dimensions : mapping
        Chinese name shown in the dropdown -> column of ``frame``.
    target, positive
        As in :func:`custseg.dimensions.response_by`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown, a summary line (HTML) and the chart (a bqplot Figure:
        ``marks[0]`` the bars of the segments' response rates, highest on top,
        ``marks[1]`` their percentages, ``marks[2]`` the dashed line of the overall rate).
    """
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
        column = dimensions[choice.value]
        table = response_by(frame, column, target=target, positive=positive)
        best, worst = table.index[0], table.index[-1]
        summary.value = (
            f"按<b>{choice.value}</b>分成 {len(table)} 群：响应率最高的是 <b>{best}</b>"
            f"（{table['response_rate'].iloc[0]:.1%}），最低的是 <b>{worst}</b>"
            f"（{table['response_rate'].iloc[-1]:.1%}）。"
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
