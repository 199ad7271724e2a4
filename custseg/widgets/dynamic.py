"""Slide the analysis day and watch the segments change: dynamic segmentation (module 12)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.rfm import rfm_table
from custseg.segments import RFMSegmenter, rule_table
from custseg.widgets.live import LiveChart

__all__ = ["segments_over_time_explorer"]


def segments_over_time_explorer(transactions: pd.DataFrame) -> widgets.VBox:
    """A slider over month ends; the cn8 segments computed on the purchases up to that day.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the slider, a summary line (HTML) and the chart (a bqplot Figure:
        one horizontal bar per segment of the cn8 scheme, in the scheme's order, with
        the number of customers written beside it, so the room sees each bar grow or
        shrink from month to month).
    """
    first = transactions["invoice_date"].min().to_period("M") + 2
    last = transactions["invoice_date"].max().to_period("M") + 1
    days = [p.to_timestamp() for p in pd.period_range(first, last, freq="M")]
    slider = widgets.SelectionSlider(
        options=[(day.strftime("%Y-%m-%d"), day) for day in days],
        value=days[-1],
        description="分析日",
        continuous_update=False,
        readout=False,  # too narrow for a date: the summary line below gives the day
    )
    summary = widgets.HTML()
    names = rule_table("cn8")["segment"].tolist()
    chart = LiveChart(
        title="各客户群人数 (segment sizes)",
        x_label="客户数 (customers)",
        y_label="客户群 (segment)",
        y_scale="ordinal",
        x_format=",.0f",
        x_min=0,
    )
    bars = chart.bars(names, [0] * len(names), horizontal=True,
                      tooltip_labels=("客户群", "人数"))  # fmt: skip
    numbers = chart.labels([0] * len(names), names, [""] * len(names), y_offset=0)

    def update(change: dict | None = None) -> None:
        rfm = rfm_table(transactions, as_of=slider.value)
        segmented = RFMSegmenter().fit_transform(rfm)
        vip = int((segmented["segment"] == "重要价值客户").sum())
        summary.value = (
            f"截至 {slider.value:%Y-%m-%d}：{len(rfm)} 位客户，其中重要价值客户 {vip} 位"
        )
        sizes = segmented["segment"].value_counts().reindex(names, fill_value=0).to_numpy()
        with chart.hold():
            chart.leave_room(sizes, share=0.15)
            bars.y = sizes
            numbers.x = sizes
            numbers.text = [f"{n:,}" for n in sizes]

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, summary, chart.figure])
