"""How concentrated is customer value? A slider over "the top x % of customers"."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from custseg.abc_analysis import customer_values, lorenz_curve, top_share
from custseg.plotting.abc_analysis import plot_lorenz
from custseg.widgets.chart import Chart

__all__ = ["concentration_explorer", "concentration_sentence"]


def concentration_sentence(values: Any, top_percent: int) -> str:
    """The sentence the widget shows, e.g. "前 20% 的客户贡献了 77% 的销售额".

    Examples
    --------
    >>> concentration_sentence([70.0, 10.0, 10.0, 5.0, 5.0], 20)
    '前 20% 的客户（1 位）贡献了 70.0% 的销售额。'
    """
    values = customer_values(values)
    count = round(len(values) * top_percent / 100)
    share = top_share(values, top=top_percent / 100)
    return f"前 {top_percent}% 的客户（{count:,} 位）贡献了 {share:.1%} 的销售额。"


def concentration_explorer(data: Any, *, top_percent: int = 20) -> widgets.VBox:
    """A slider over the top x % of customers, the share of value they hold, and the Lorenz curve.

    Parameters
    ----------
    data : Series, array, list or frame
        Values per customer, or transactions (see
        :func:`custseg.abc_analysis.customer_values`).
    top_percent : int, default 20
        Where the slider starts.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the slider, the sentence (an HTML widget) and the chart (an
        Output widget).
    """
    values = customer_values(data)
    curve = lorenz_curve(values)
    slider = widgets.IntSlider(
        value=top_percent,
        min=1,
        max=99,
        step=1,
        description="前 x% 客户",
        continuous_update=False,
        style={"description_width": "initial"},
    )
    sentence = widgets.HTML()
    chart = Chart(figsize=(6, 4))

    def update(change: dict | None = None) -> None:
        top = slider.value
        sentence.value = f"<b>{concentration_sentence(values, top)}</b>"
        ax = chart.axes()
        plot_lorenz(values, ax=ax)
        x = 1 - top / 100
        y = float(curve["value_share"].iloc[(curve["customer_share"] - x).abs().argmin()])
        ax.axvline(x, color="#C44E52", linestyle=":")
        ax.annotate(
            f"前 {top}% 客户：{1 - y:.0%}",
            (x, y),
            textcoords="offset points",
            xytext=(-110, 20),
            arrowprops={"arrowstyle": "->"},
        )
        chart.show()

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, sentence, chart.image])
