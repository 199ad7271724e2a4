"""How concentrated is customer value? A slider over "the top x % of customers"."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd

from custseg.abc_analysis import concentration_sentence as _sentence
from custseg.abc_analysis import customer_values, gini, lorenz_curve
from custseg.plotting import palette
from custseg.widgets.live import LiveChart
from custseg.widgets.moved import moved_names

__all__ = ["concentration_explorer", "lorenz_chart"]

__getattr__ = moved_names(__name__, {"concentration_sentence": "custseg.abc_analysis"})


def lorenz_chart(values: pd.Series, curve: pd.DataFrame | None = None) -> LiveChart:
    """A chart of the Lorenz curve (``marks[0]``) and the equality diagonal (``marks[1]``).

    Both axes run from 0 to 100 %; the title gives the Gini coefficient.

    Parameters
    ----------
    values : pandas.Series
        From :func:`custseg.abc_analysis.customer_values`.
    curve : pandas.DataFrame, optional
        Its :func:`custseg.abc_analysis.lorenz_curve`, if already computed.

    Examples
    --------
    >>> chart = lorenz_chart(customer_values([1.0, 1.0, 2.0, 6.0]))
    >>> chart.figure.title
    '洛伦兹曲线 (Lorenz curve)  基尼系数 (Gini) = 0.40'
    >>> [float(v) for v in chart.figure.marks[0].y]
    [0.0, 0.1, 0.2, 0.4, 1.0]
    """
    curve = lorenz_curve(values) if curve is None else curve
    chart = LiveChart(
        title=f"洛伦兹曲线 (Lorenz curve)  基尼系数 (Gini) = {gini(values):.2f}",
        x_label="客户累计占比（按价值从低到高）(cumulative share of customers)",
        y_label="价值累计占比 (cumulative share of value)",
        x_format=".0%",
        y_format=".0%",
        x_min=0.0,
        x_max=1.0,
        y_min=0.0,
        y_max=1.0,
        size=(620, 470),
        legend=True,
    )
    chart.figure.legend_location = "left"
    chart.lines(
        curve["customer_share"].to_numpy(),
        curve["value_share"].to_numpy(),
        label="洛伦兹曲线 (Lorenz curve)",
    )
    chart.lines([0.0, 1.0], [0.0, 1.0], color=palette.REFERENCE, dashed=True, width=1,
                label="完全平均 (equality)")  # fmt: skip
    return chart


def concentration_explorer(
    data: Any,
    *,
    top_percent: int = 20,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> widgets.VBox:
    """A slider over the top x % of customers, the share of value they hold, and the Lorenz curve.

    Parameters
    ----------
    data : Series, array, list or frame
        Values per customer, or transactions (see
        :func:`custseg.abc_analysis.customer_values`).
    top_percent : int, default 20
        Where the slider starts.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount, as in
        :func:`custseg.abc_analysis.customer_values`; errors name these columns.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the slider, the sentence (an HTML widget) and the chart (a bqplot
        Figure: ``marks[0]`` the Lorenz curve, ``marks[1]`` the equality diagonal,
        ``marks[2]`` the dashed line where the top x % begin, ``marks[3]`` the point of
        the curve there and ``marks[4]`` its note "前 x% 客户：share").
    """
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
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
    chart = lorenz_chart(values, curve)
    cut = chart.vline(0.0, color=palette.HIGHLIGHT)
    point = chart.scatter([0.0], [0.0], color=palette.HIGHLIGHT, size=50, opacity=1.0,
                          tooltip_labels=("客户累计占比", "价值累计占比"))  # fmt: skip
    point.tooltip.formats = [".0%", ".1%"]
    note = chart.labels([0.0], [0.0], [""], color=palette.HIGHLIGHT, size=13)

    def update(change: dict | None = None) -> None:
        top = slider.value
        sentence.value = f"<b>{_sentence(values, top)}</b>"
        x = 1 - top / 100
        y = float(np.interp(x, curve["customer_share"], curve["value_share"]))
        left = x > 0.3
        with chart.hold():
            cut.x = [x, x]
            point.x, point.y = [x], [y]
            note.x, note.y = [x], [y]
            note.text = [f"前 {top}% 客户：{1 - y:.0%}"]
            note.align = "end" if left else "start"
            note.x_offset = -10 if left else 10
            note.y_offset = -14 if y < 0.9 else 20

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, sentence, chart.figure])
