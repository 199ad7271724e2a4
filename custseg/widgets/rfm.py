"""Move the R, F and M cut points and watch the eight RFM classes change: the module 03 widget."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.segments import RFMSegmenter, rule_table
from custseg.widgets.live import LiveChart

__all__ = ["rfm_cutoff_explorer"]


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
    means = rfm[["recency", "frequency", "monetary"]].astype(float).mean()
    style = {"description_width": "initial"}
    recency = widgets.IntSlider(
        value=round(means["recency"]),
        min=1,
        max=int(rfm["recency"].max()),
        description="R：几天内买过算“近”",
        style=style,
        continuous_update=False,
    )
    frequency = widgets.FloatSlider(
        value=round(means["frequency"], 1),
        min=1,
        max=float(rfm["frequency"].quantile(0.99)),
        step=0.5,
        description="F：超过几单算“多”",
        style=style,
        continuous_update=False,
    )
    monetary = widgets.IntSlider(
        value=round(means["monetary"]),
        min=0,
        max=int(rfm["monetary"].quantile(0.99)),
        step=50,
        description="M：超过多少钱算“高”",
        style=style,
        continuous_update=False,
    )
    summary = widgets.HTML()
    names = rule_table("cn8")["segment"].tolist()
    chart = LiveChart(title="各客户群人数", x_label="客户数（人）", y_scale="ordinal", x_min=0)
    bars = chart.bars(names, [0] * len(names), horizontal=True,
                      tooltip_labels=("客户群", "人数"))  # fmt: skip
    numbers = chart.labels([0] * len(names), names, [""] * len(names), y_offset=0)

    def update(change: dict | None = None) -> None:
        cutoffs = {
            "recency": recency.value,
            "frequency": frequency.value,
            "monetary": monetary.value,
        }
        segmented = RFMSegmenter(cutoffs=cutoffs).fit_transform(rfm)
        counts = segmented["segment"].value_counts()
        summary.value = "，".join(f"{name} {count} 人" for name, count in counts.items())
        sizes = counts.reindex(names, fill_value=0).to_numpy()
        with chart.hold():
            chart.leave_room(sizes)
            bars.y = sizes
            numbers.x = sizes
            numbers.text = [str(n) for n in sizes]

    for slider in (recency, frequency, monetary):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([recency, frequency, monetary]), summary, chart.figure])
