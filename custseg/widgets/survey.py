"""Average survey answers per group: pick how to group and which statement (module 02)."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from custseg.dimensions import (
    SURVEY_ITEMS,
    SURVEY_SEGMENT,
    survey_item_ranking,
    survey_item_sentence,
    survey_profile,
)
from custseg.widgets.live import LiveChart

__all__ = ["SURVEY_GROUPINGS", "survey_explorer"]

SURVEY_GROUPINGS = {
    "城市级别": "city_tier",
    "渠道": "channel",
    "性别": "gender",
    "年龄段": "age",
    "心理分群": SURVEY_SEGMENT,
}
"""How the widget can group the customers by default (those present in the data are offered)."""


def survey_explorer(
    customers: pd.DataFrame, groupings: Mapping[str, str] | None = None
) -> widgets.VBox:
    """Two dropdowns (group by, statement) and the average answer (1-5) of each group.

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer with the survey columns (:data:`custseg.dimensions.SURVEY_ITEMS`),
        e.g. :func:`custseg.datasets.load_cn_customers`.
    groupings : mapping, optional
        Chinese name shown in the dropdown -> column; by default those of
        :data:`SURVEY_GROUPINGS` the data has.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the two dropdowns (an HBox), a summary line (HTML,
        :func:`custseg.dimensions.survey_item_sentence`) and the chart (a
        bqplot Figure: ``marks[0]`` the bars of the groups' averages, highest on top,
        ``marks[1]`` their values, ``marks[2]`` the dashed line of all customers' average).
    """
    if groupings is None:
        groupings = {n: c for n, c in SURVEY_GROUPINGS.items() if c in customers.columns}
    groupings = dict(groupings)
    profiles = {name: survey_profile(customers, by=column) for name, column in groupings.items()}
    by = widgets.Dropdown(options=list(groupings), description="分组方式")
    item = widgets.Dropdown(options=list(SURVEY_ITEMS.values()), description="问卷题目")
    summary = widgets.HTML()
    chart = LiveChart(
        x_label="平均分（1 = 完全不同意，5 = 完全同意）",
        y_scale="ordinal",
        x_format=".1f",
        x_min=1,
        x_max=5,
        size=(700, 420),
        legend=True,
    )
    chart.figure.legend_location = "bottom-right"
    bars = chart.bars([], [], horizontal=True, tooltip_labels=("客户群", "平均分"))
    bars.tooltip.formats = ["", ".1f"]
    values = chart.labels([], [], [], y_offset=0)
    overall_line = chart.vline(1.0, label="全部客户")
    margin = dict(chart.figure.fig_margin)

    def update(change: dict | None = None) -> None:
        profile = profiles[by.value]
        groups, everyone = survey_item_ranking(profile, item.value)
        names = [str(name) for name in groups.index]
        scores = groups.to_numpy(dtype=float)
        summary.value = survey_item_sentence(profile, item.value, by.value)
        with chart.hold():
            chart.figure.title = f"按{by.value}分组：“{item.value}”的平均分"
            chart.figure.fig_margin = margin
            chart.fit_categories(names)
            bars.x, bars.y = names, scores
            values.x, values.y = scores, names
            values.text = [f"{s:.1f}" for s in scores]
            overall_line.x = [everyone, everyone]
            overall_line.labels = [f"全部客户 {everyone:.1f}"]

    by.observe(update, names="value")
    item.observe(update, names="value")
    update()
    return widgets.VBox([widgets.HBox([by, item]), summary, chart.figure])
