"""Monthly sales by country: the first widget of the course (module 00)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.widgets.chart import Chart

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
    months = transactions["invoice_date"].dt.to_period("M").rename("month")
    return transactions.groupby(months)["amount"].sum()


def monthly_sales_explorer(transactions: pd.DataFrame) -> widgets.VBox:
    """A country dropdown and the monthly sales bars of that country.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown, the total (HTML) and the chart (Image).
    """
    countries = transactions["country"].value_counts().index.tolist()
    choice = widgets.Dropdown(options=[ALL, *countries], description="国家/地区")
    total = widgets.HTML()
    chart = Chart(figsize=(7, 3.5))

    def update(change: dict | None = None) -> None:
        sales = monthly_sales(transactions, choice.value)
        total.value = (
            f"<b>{choice.value}：{len(sales)} 个月，销售额合计 {sales.sum():,.0f} 英镑</b>"
        )
        with chinese_font_context():
            ax = chart.axes()
            ax.bar(sales.index.astype(str), sales.to_numpy(), color="#4C72B0")
            ax.set_title(f"每月销售额：{choice.value}")
            ax.set_ylabel("销售额（英镑）")
            ax.tick_params(axis="x", rotation=60)
            pin_chinese_font(ax)
        chart.show()

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, total, chart.image])
