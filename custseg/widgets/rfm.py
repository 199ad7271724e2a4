"""Move the R, F and M cut points and watch the eight RFM classes change: the module 03 widget."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.segments import (
    RFMSegmenter,
    cutoff_limits,
    default_cutoffs,
    rule_table,
    segment_sentence,
    segment_sizes,
)
from custseg.widgets.live import LiveChart

__all__ = ["SegmentSizesChart", "rfm_cutoff_explorer"]


class SegmentSizesChart:
    """Live bars of the customers in each cn8 segment, in the scheme's order (modules 03, 12).

    The order never changes, so the room sees each bar grow or shrink as a control moves;
    the number of customers is written beside each bar.

    Attributes
    ----------
    figure : bqplot.Figure
        The widget to put in the layout; ``marks[0]`` the bars, ``marks[1]`` the numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> chart = SegmentSizesChart()
    >>> chart.show(pd.Series(["重要价值客户", "一般挽留客户", "重要价值客户"]))
    >>> [int(n) for n in chart.figure.marks[0].y]
    [2, 0, 0, 0, 0, 0, 0, 1]
    """

    def __init__(self) -> None:
        self.names = rule_table("cn8")["segment"].tolist()
        self._chart = LiveChart(
            title="各客户群人数 (segment sizes)",
            x_label="客户数 (customers)",
            y_label="客户群 (segment)",
            y_scale="ordinal",
            x_format=",.0f",
            x_min=0,
        )
        zeros = [0] * len(self.names)
        self._bars = self._chart.bars(self.names, zeros, horizontal=True,
                                      tooltip_labels=("客户群", "人数"))  # fmt: skip
        self._numbers = self._chart.labels(zeros, self.names, [""] * len(self.names), y_offset=0)
        self.figure = self._chart.figure

    def show(self, segments: pd.Series) -> None:
        """Draw the sizes of the segments named in ``segments`` (one row per customer)."""
        sizes = segment_sizes(segments).to_numpy()
        with self._chart.hold():
            self._chart.leave_room(sizes, share=0.15)
            self._bars.y = sizes
            self._numbers.x = sizes
            self._numbers.text = [f"{n:,}" for n in sizes]


def rfm_cutoff_explorer(rfm: pd.DataFrame) -> widgets.VBox:
    """Three sliders (R days, F orders, M money), starting at the means, and the cn8 segment sizes.

    Parameters
    ----------
    rfm : pandas.DataFrame
        From :func:`custseg.rfm.rfm_table`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the three sliders, the segment counts (HTML) and the
        chart (a bqplot Figure: one bar per segment of the cn8 scheme, in the scheme's
        order, so the room sees each bar grow or shrink).
    """
    start = default_cutoffs(rfm)
    limits = cutoff_limits(rfm)
    style = {"description_width": "initial"}
    recency = widgets.IntSlider(
        value=start["recency"],
        min=1,
        max=limits["recency"],
        description="R：几天内买过算“近”",
        style=style,
        continuous_update=False,
    )
    frequency = widgets.FloatSlider(
        value=start["frequency"],
        min=1,
        max=limits["frequency"],
        step=0.5,
        description="F：超过几单算“多”",
        style=style,
        continuous_update=False,
    )
    monetary = widgets.IntSlider(
        value=start["monetary"],
        min=0,
        max=limits["monetary"],
        step=50,
        description="M：超过多少钱算“高”",
        style=style,
        continuous_update=False,
    )
    summary = widgets.HTML()
    chart = SegmentSizesChart()

    def update(change: dict | None = None) -> None:
        cutoffs = {
            "recency": recency.value,
            "frequency": frequency.value,
            "monetary": monetary.value,
        }
        segmented = RFMSegmenter(cutoffs=cutoffs).fit_transform(rfm)
        summary.value = segment_sentence(segmented["segment"])
        chart.show(segmented["segment"])

    for slider in (recency, frequency, monetary):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([recency, frequency, monetary]), summary, chart.figure])
