"""Slide the analysis day and watch the segments change: dynamic segmentation (module 12)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.rfm import rfm_table
from custseg.segments import RFMSegmenter, analysis_days, segment_sizes
from custseg.widgets.rfm import SegmentSizesChart

__all__ = ["segments_over_time_explorer"]


def segments_over_time_explorer(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> widgets.VBox:
    """A slider over month ends; the cn8 segments computed on the purchases up to that day.

    Parameters
    ----------
    transactions : pandas.DataFrame
        The purchases (see :func:`custseg.rfm.rfm_table`).
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.rfm.rfm_table`; errors name these columns.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the slider, a summary line (HTML) and the chart (a bqplot Figure:
        one horizontal bar per segment of the cn8 scheme, in the scheme's order, with
        the number of customers written beside it, so the room sees each bar grow or
        shrink from month to month).
    """
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    days = analysis_days(transactions, date_col=date_col)
    slider = widgets.SelectionSlider(
        options=[(day.strftime("%Y-%m-%d"), day) for day in days],
        value=days[-1],
        description="分析日",
        continuous_update=False,
        readout=False,  # too narrow for a date: the summary line below gives the day
    )
    summary = widgets.HTML()
    chart = SegmentSizesChart()

    def update(change: dict | None = None) -> None:
        rfm = rfm_table(transactions, as_of=slider.value, **columns)
        segmented = RFMSegmenter().fit_transform(rfm)
        vip = int(segment_sizes(segmented["segment"])["重要价值客户"])
        summary.value = (
            f"截至 {slider.value:%Y-%m-%d}：{len(rfm)} 位客户，其中重要价值客户 {vip} 位"
        )
        chart.show(segmented["segment"])

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, summary, chart.figure])
