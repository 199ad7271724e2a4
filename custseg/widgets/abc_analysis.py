"""Move the ABC cut points and see how many customers each class gets: the module 04 widget."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from custseg.abc_analysis import ABC_LABELS, abc_classify, customer_values
from custseg.abc_analysis import abc_summary as _abc_summary
from custseg.plotting import palette
from custseg.widgets.concentration import lorenz_chart
from custseg.widgets.moved import moved_names

__all__ = ["A_SLIDER", "abc_cut_explorer"]

__getattr__ = moved_names(__name__, {"abc_summary": "custseg.abc_analysis"})

A_SLIDER = {"min": 0.2, "max": 0.9, "step": 0.05}
"""Range and step of the A cut slider (cumulative value share)."""

_ROWS = [0.95, 0.90, 0.85]  # heights of a zone's letter, name and share of customers
_WIDE = 0.1  # the narrowest zone, as a share of the width, that its name fits in


def abc_cut_explorer(
    data: Any,
    *,
    a_cut: float = 0.8,
    b_cut: float = 0.95,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> widgets.VBox:
    """Two sliders for the A and B cut points, the class summary and the Lorenz curve.

    Parameters
    ----------
    data : values, transactions or a per-customer frame
        See :func:`custseg.abc_analysis.customer_values`.
    a_cut, b_cut : float
        Where the sliders start (cumulative value shares).
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount, as in
        :func:`custseg.abc_analysis.customer_values`; errors name these columns.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the two sliders, the summary table (HTML) and the chart
        (a bqplot Figure: ``marks[0:3]`` the shaded zones of A, B and C customers, from
        the right, each as wide as the class's share of customers; ``marks[3]`` the Lorenz
        curve; ``marks[4]`` the equality diagonal; ``marks[5:7]`` the dotted left edges of
        A and B; ``marks[7:10]`` the labels of A, B and C: letter, name, share of customers,
        the name only in a zone 10 % wide or more, the share from 5 %).
    """
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    style = {"description_width": "initial"}
    a_slider = widgets.FloatSlider(
        value=a_cut,
        **A_SLIDER,
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
    chart = lorenz_chart(values)
    lorenz = list(chart.figure.marks)
    zones = {
        cls: chart.lines([0.0] * 4, [0.0, 0.0, 1.0, 1.0], color=palette.ABC_CLASS_COLORS[cls], fill="inside",
                         opacity=0.12, width=0)
        for cls in ABC_LABELS
    }  # fmt: skip
    edges = {cls: chart.vline(0.0, color=palette.ABC_CLASS_COLORS[cls]) for cls in ("A", "B")}
    for edge in edges.values():
        edge.line_style = "dotted"
    names = {
        cls: chart.labels([0.0] * 3, _ROWS, [""] * 3, color=palette.ABC_CLASS_COLORS[cls], align="middle",
                          x_offset=0, y_offset=0)
        for cls in ABC_LABELS
    }  # fmt: skip
    chart.figure.marks = [*zones.values(), *lorenz, *edges.values(), *names.values()]

    def update(change: dict | None = None) -> None:
        if b_slider.value <= a_slider.value:
            table.value = "<b>B 类的累计比例必须大于 A 类。</b>"
            return
        cuts = (a_slider.value, b_slider.value)
        summary = _abc_summary(abc_classify(values, cuts=cuts))
        table.value = summary.to_html(
            formatters={
                "客户占比": "{:.1%}".format,
                "价值占比": "{:.1%}".format,
                "价值": "{:,.0f}".format,
            }
        )
        right = 1.0
        with chart.hold():
            for cls, width in zip(ABC_LABELS, summary["客户占比"], strict=True):
                left = right - width
                zones[cls].x = [left, right, right, left]
                if cls in edges:
                    edges[cls].x = [left, left]
                middle = (left + right) / 2
                names[cls].x = [middle] * 3
                names[cls].text = [
                    cls if width > 0 else "",
                    ABC_LABELS[cls] if width >= _WIDE else "",
                    f"{width:.0%}" if width >= _WIDE / 2 else "",
                ]
                right = left

    a_slider.observe(update, names="value")
    b_slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([a_slider, b_slider]), table, chart.figure])
