"""A static bar chart of sales per month (the printable twin of the monthly-sales widget)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from custseg.deprecation import renamed_keywords
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.sales import ALL_COUNTRIES, monthly_sales, monthly_sales_title

__all__ = ["plot_monthly_sales"]


@renamed_keywords(data="transactions")
def plot_monthly_sales(
    transactions: pd.DataFrame,
    ax: Axes | None = None,
    *,
    country: str = ALL_COUNTRIES,
    currency: str = "英镑",
    title: str | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> Axes:
    """Bars of sales per calendar month.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with the date and the amount (and ``country`` to pick one). The old
        keyword ``data=`` still works, with a :class:`DeprecationWarning`.
    ax : matplotlib Axes, optional
    country : str, default "全部国家"
    currency : str, default "英镑"
        Shown in the axis label, e.g. "元".
    title : str, optional
        Shown as given; by default :func:`custseg.sales.monthly_sales_title` of ``country``
        (the title of the monthly sales widget too).
    customer_col, date_col, amount_col : str
        Column names, passed to :func:`custseg.sales.monthly_sales` (defaults: the
        canonical names).

    Returns
    -------
    matplotlib.axes.Axes
        One bar per month, in calendar order.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"下单时间": pd.to_datetime(["2024-01-05", "2024-02-01"]),
    ...                    "实付金额": [10.0, 7.0]})
    >>> ax = plot_monthly_sales(tx, currency="元", date_col="下单时间", amount_col="实付金额")
    >>> [float(bar.get_height()) for bar in ax.patches], ax.get_ylabel(), ax.get_title()
    ([10.0, 7.0], '销售额（元）', '每月销售额：全部国家')
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    sales = monthly_sales(
        transactions, country, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 3.8))
        ax.bar(sales.index.astype(str), sales.to_numpy(), color=palette.MAIN)
        ax.set_xlabel("月份")
        ax.set_ylabel(f"销售额（{currency}）")
        ax.set_title(monthly_sales_title(country) if title is None else title)
        ax.tick_params(axis="x", rotation=60)
        ax.yaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
        pin_chinese_font(ax)
    return ax
