"""Move the R, F and M cut points and watch the eight RFM classes change: the module 03 widget."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.plotting.rfm import plot_segment_sizes
from custseg.segments import RFMSegmenter
from custseg.widgets.chart import Chart

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
        chart (Image).
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
    chart = Chart(figsize=(6, 3.8))

    def update(change: dict | None = None) -> None:
        cutoffs = {
            "recency": recency.value,
            "frequency": frequency.value,
            "monetary": monetary.value,
        }
        segmented = RFMSegmenter(cutoffs=cutoffs).fit_transform(rfm)
        counts = segmented["segment"].value_counts()
        summary.value = "，".join(f"{name} {count} 人" for name, count in counts.items())
        ax = chart.axes()
        plot_segment_sizes(segmented, ax=ax)
        chart.show()

    for slider in (recency, frequency, monetary):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([recency, frequency, monetary]), summary, chart.image])
