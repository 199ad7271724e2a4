"""Monthly sales by country: the first widget of the course (module 00)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.sales import (
    ALL_COUNTRIES,
    monthly_sales_by_country,
    monthly_sales_sentence,
    monthly_sales_title,
)
from custseg.widgets.live import LiveChart
from custseg.widgets.moved import moved_names

__all__ = ["monthly_sales_explorer"]

__getattr__ = moved_names(__name__, {"monthly_sales": "custseg.sales"})

ALL = ALL_COUNTRIES


def monthly_sales_explorer(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> widgets.VBox:
    """A country dropdown and the monthly sales bars of that country.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with a ``country`` column (see
        :func:`custseg.sales.monthly_sales_by_country`).
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount, as in
        :func:`custseg.sales.monthly_sales_by_country`; errors name these columns.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown (all countries, then each country, the one with the most
        lines first), the total (HTML, :func:`custseg.sales.monthly_sales_sentence`: the
        months in which the country bought and its sales) and the chart (a bqplot Figure: one bar per month of the whole data, in calendar
        order, 0 where the country bought nothing), all from
        :func:`custseg.sales.monthly_sales_by_country`.
    """
    table = monthly_sales_by_country(
        transactions, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    month_names = table.index.astype(str).tolist()

    choice = widgets.Dropdown(options=table.columns.tolist(), description="国家/地区")
    total = widgets.HTML()
    chart = LiveChart(
        y_label="销售额（英镑）",
        x_scale="ordinal",
        y_format=",.0f",
        y_min=0,
        size=(700, 360),
        left=100,
    )
    chart.figure.axes[0].tick_rotate = -40
    chart.figure.axes[0].tick_style = {"text-anchor": "end"}
    chart.figure.axes[1].label_offset = "5.5em"
    chart.figure.fig_margin = {**chart.figure.fig_margin, "bottom": 60}
    bars = chart.bars(month_names, [0.0] * len(month_names),
                      tooltip_labels=("月份", "销售额（英镑）"))  # fmt: skip
    bars.tooltip.formats = ["", ",.0f"]

    def update(change: dict | None = None) -> None:
        total.value = f"<b>{monthly_sales_sentence(table, choice.value)}</b>"
        with chart.hold():
            chart.figure.title = monthly_sales_title(choice.value)
            bars.y = table[choice.value].to_numpy()

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, total, chart.figure])
