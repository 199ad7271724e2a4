"""Move the ABC cut points and see how many customers each class gets: the module 04 widget."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from custseg.abc_analysis import ABC_LABELS, abc_classify, customer_values
from custseg.plotting.abc_analysis import plot_lorenz
from custseg.widgets.chart import Chart

__all__ = ["abc_cut_explorer", "abc_summary"]


def abc_summary(classified: pd.DataFrame) -> pd.DataFrame:
    """Customers and value per ABC class, with their shares.

    Examples
    --------
    >>> from custseg.abc_analysis import abc_classify
    >>> abc_summary(abc_classify([500.0, 300.0, 100.0, 60.0, 40.0]))
              客户数  客户占比   价值  价值占比
    A 重点客户    2   0.4  800.0   0.8
    B 重要客户    2   0.4  160.0   0.16
    C 一般客户    1   0.2   40.0   0.04
    """
    grouped = classified.groupby("abc_class")["value"]
    table = pd.DataFrame({"客户数": grouped.size(), "价值": grouped.sum()})
    table = table.reindex(list(ABC_LABELS), fill_value=0)
    table.insert(1, "客户占比", table["客户数"] / table["客户数"].sum())
    table["价值占比"] = table["价值"] / table["价值"].sum()
    table.index = [f"{cls} {ABC_LABELS[cls]}" for cls in table.index]
    return table


def abc_cut_explorer(data: Any, *, a_cut: float = 0.8, b_cut: float = 0.95) -> widgets.VBox:
    """Two sliders for the A and B cut points, the class summary and the Lorenz curve.

    Parameters
    ----------
    data : values, transactions or a per-customer frame
        See :func:`custseg.abc_analysis.customer_values`.
    a_cut, b_cut : float
        Where the sliders start (cumulative value shares).

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the two sliders, the summary table (HTML), the chart (Image).
    """
    values = customer_values(data)
    style = {"description_width": "initial"}
    a_slider = widgets.FloatSlider(
        value=a_cut,
        min=0.5,
        max=0.9,
        step=0.05,
        description="A 类累计到",
        style=style,
        readout_format=".0%",
        continuous_update=False,
    )
    b_slider = widgets.FloatSlider(
        value=b_cut,
        min=0.55,
        max=0.99,
        step=0.01,
        description="B 类累计到",
        style=style,
        readout_format=".0%",
        continuous_update=False,
    )
    table = widgets.HTML()
    chart = Chart(figsize=(6, 4))

    def update(change: dict | None = None) -> None:
        if b_slider.value <= a_slider.value:
            table.value = "<b>B 类的累计比例必须大于 A 类。</b>"
            return
        cuts = (a_slider.value, b_slider.value)
        summary = abc_summary(abc_classify(values, cuts=cuts))
        table.value = summary.to_html(
            formatters={
                "客户占比": "{:.1%}".format,
                "价值占比": "{:.1%}".format,
                "价值": "{:,.0f}".format,
            }
        )
        ax = chart.axes()
        plot_lorenz(values, ax=ax, cuts=cuts)
        chart.show()

    a_slider.observe(update, names="value")
    b_slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([a_slider, b_slider]), table, chart.image])
