"""Monthly sales by country: the first widget of the course (module 00)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.widgets.live import LiveChart

__all__ = ["monthly_sales", "monthly_sales_explorer"]

ALL = "全部国家"


def monthly_sales(transactions: pd.DataFrame, country: str = ALL) -> pd.Series:
    """Sales per calendar month (``amount`` summed), for one country or all.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01"]),
    ...                    "amount": [10.0, 5.0, 7.0], "country": ["中国", "日本", "中国"]})
    >>> monthly_sales(tx).tolist(), monthly_sales(tx, "中国").tolist()
    ([15.0, 7.0], [10.0, 7.0])
    """
    if country != ALL:
        transactions = transactions[transactions["country"] == country]
    return transactions.groupby(_month(transactions))["amount"].sum()


def _month(transactions: pd.DataFrame) -> pd.Series:
    """The calendar month of each line, the key of the monthly sums."""
    return transactions["invoice_date"].dt.to_period("M").rename("month")


def monthly_sales_explorer(transactions: pd.DataFrame) -> widgets.VBox:
    """A country dropdown and the monthly sales bars of that country.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown, the total (HTML) and the chart (a bqplot Figure: one
        bar per month of the whole data, in calendar order, 0 where the country bought
        nothing).
    """
    countries = transactions["country"].value_counts().index.tolist()
    by_country = transactions.groupby(["country", _month(transactions)])["amount"].sum()
    sales_of = {ALL: monthly_sales(transactions)}
    sales_of.update((country, by_country.loc[country]) for country in countries)
    month_names = sales_of[ALL].index.astype(str).tolist()

    choice = widgets.Dropdown(options=[ALL, *countries], description="国家/地区")
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
        sales = sales_of[choice.value]
        total.value = (
            f"<b>{choice.value}：{len(sales)} 个月，销售额合计 {sales.sum():,.0f} 英镑</b>"
        )
        heights = sales.reindex(sales_of[ALL].index, fill_value=0.0).to_numpy()
        with chart.hold():
            chart.figure.title = f"每月销售额：{choice.value}"
            bars.y = heights

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, total, chart.figure])
