"""Run the five-step process with a chosen scheme and control-group share: the module 13 widget."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.process import SegmentationProcess

__all__ = ["process_explorer"]


def process_explorer(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> widgets.VBox:
    """A scheme dropdown and a control-share slider; the strategy table of the process.

    Parameters
    ----------
    transactions : pandas.DataFrame
        The orders, as :class:`custseg.process.SegmentationProcess` takes them.
    customer_col, date_col, amount_col, invoice_col : str
        Their column names, when not the canonical ones.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the two controls, a summary line and the table (both HTML).
    """
    scheme = widgets.Dropdown(
        options=[("八类客户 (cn8)", "cn8"), ("经典 11 类 (classic)", "classic")],
        description="分群方案",
    )
    share = widgets.FloatSlider(
        value=0.1,
        min=0.0,
        max=0.5,
        step=0.05,
        readout_format=".0%",
        description="对照组比例",
        continuous_update=False,
    )
    summary = widgets.HTML()
    table = widgets.HTML()
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }

    def update(change: dict | None = None) -> None:
        process = SegmentationProcess(scheme.value, control_share=share.value, **columns).fit(
            transactions
        )
        control = int((process.customers_["group"] == "对照组").sum())
        summary.value = (
            f"{process.facts_['customers']} 位客户，{len(process.segments_)} 个客户群，"
            f"对照组 {control} 人"
        )
        shown = process.segment_table()[
            ["客户群", "客户数", "消费额占比", "建议策略", "对照组人数"]
        ]
        table.value = shown.to_html(index=False, formatters={"消费额占比": "{:.1%}".format})

    scheme.observe(update, names="value")
    share.observe(update, names="value")
    update()
    return widgets.VBox([widgets.HBox([scheme, share]), summary, table])
