"""A static bar chart of sales per month (the printable twin of the monthly-sales widget)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.sales import ALL_COUNTRIES, monthly_sales

__all__ = ["plot_monthly_sales"]


def plot_monthly_sales(
    data: pd.DataFrame,
    ax: Axes | None = None,
    *,
    country: str = ALL_COUNTRIES,
    currency: str = "英镑",
    title: str = "每月销售额",
) -> Axes:
    """Bars of sales per calendar month.

    Parameters
    ----------
    data : pandas.DataFrame
        Order lines with ``invoice_date`` and ``amount`` (and ``country`` to pick one).
    ax : matplotlib Axes, optional
    country : str, default "全部国家"
    currency : str, default "英镑"
        Shown in the axis label, e.g. "元".
    title : str

    Returns
    -------
    matplotlib.axes.Axes
        One bar per month, in calendar order.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-02-01"]),
    ...                    "amount": [10.0, 7.0]})
    >>> ax = plot_monthly_sales(tx, currency="元")
    >>> [float(bar.get_height()) for bar in ax.patches], ax.get_ylabel()
    ([10.0, 7.0], '销售额（元）')
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    sales = monthly_sales(data, country)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 3.8))
        ax.bar(sales.index.astype(str), sales.to_numpy(), color=palette.MAIN)
        ax.set_xlabel("月份")
        ax.set_ylabel(f"销售额（{currency}）")
        ax.set_title(title if country == ALL_COUNTRIES else f"{title}：{country}")
        ax.tick_params(axis="x", rotation=60)
        ax.yaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
        pin_chinese_font(ax)
    return ax
