"""Pick quasi-identifiers and an age band width, see k and the rows at risk: the module 11 widget.

k-anonymity (:func:`custseg.privacy.k_anonymity`) asks how many rows share each combination of
the columns an outsider could know. Exact ages single people out; ages cut into wider bands
(a generalisation, 泛化) hide each row among more others. :func:`custseg.privacy.generalise_ages` does the
cutting and :func:`custseg.privacy.k_risk` counts what the widget shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import pandas as pd

from custseg.errors import DataError, require_columns
from custseg.plotting.privacy import plot_group_sizes
from custseg.privacy import generalise_ages, k_risk
from custseg.widgets.chart import Chart

__all__ = ["k_anonymity_explorer"]


def k_anonymity_explorer(
    frame: pd.DataFrame,
    candidates: Mapping[str, str],
    *,
    age_col: str | None = "age",
    checked: Sequence[str] | None = None,
    width: int = 1,
    k_min: int = 5,
) -> widgets.VBox:
    """Checkboxes for the quasi-identifiers, a slider for the age band width, and k.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person (e.g. the Bank Marketing sample).
    candidates : mapping of str to str
        Label shown -> column, the columns an outsider might know.
    age_col : str or None, default "age"
        The age column, generalised with :func:`generalise_ages` by the slider's width;
        None for no slider.
    checked : sequence of str, optional
        Labels ticked at the start; by default all.
    width : int, default 1
        Starting age band width (1 = exact age).
    k_min : int, default 5
        Starting value of the k slider (groups smaller than this are at risk).

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the checkboxes (in the order of ``candidates``), a box of the
        sliders (age band width, if any, then k_min), the summary (HTML, from :func:`k_risk`)
        and the chart (Image, :func:`custseg.plotting.privacy.plot_group_sizes`).
    """
    if not candidates:
        raise DataError("至少需要一个候选的准标识符列 (no candidate column)")
    require_columns(frame, list(candidates.values()), what="数据表 (table)")
    if age_col is not None:
        require_columns(frame, [age_col], what="数据表 (table)")
    checked = list(candidates) if checked is None else list(checked)
    unknown = [label for label in checked if label not in candidates]
    if unknown:
        raise DataError(f"checked 中的 {unknown} 不在候选列 (candidates) 中")
    boxes = [widgets.Checkbox(value=label in checked, description=label) for label in candidates]
    common = {"style": {"description_width": "initial"}, "continuous_update": False}
    sliders = []
    if age_col is not None:
        width_slider = widgets.IntSlider(
            value=width,
            min=1,
            max=20,
            step=1,
            description="年龄段宽度（岁，1 = 精确年龄）",
            **common,
        )
        sliders.append(width_slider)
    k_slider = widgets.IntSlider(
        value=k_min, min=2, max=20, step=1, description="每个组合至少几行（k_min）", **common
    )
    sliders.append(k_slider)
    summary = widgets.HTML()
    chart = Chart(figsize=(7, 4))

    def update(change: dict | None = None) -> None:
        columns = [candidates[box.description] for box in boxes if box.value]
        if not columns:
            summary.value = "<b>请至少勾选一个准标识符。</b>"
            chart.clear()
            return
        table = frame[columns]
        if age_col is not None and age_col in columns:
            table = table.assign(**{age_col: generalise_ages(frame[age_col], width_slider.value)})
        risk = k_risk(table, columns, k_min=k_slider.value)
        verdict = "可以交给团队" if risk["k"] >= k_slider.value else "有被认出的风险"
        rows = [
            ("准标识符", "、".join(columns)),
            ("k（最小组合的行数）", f"{risk['k']}"),
            ("不同组合数", f"{risk['groups']:,}"),
            (f"少于 {k_slider.value} 行的组合中的行数", f"{risk['rows_at_risk']:,}"),
            ("占全部行", f"{risk['share_at_risk']:.1%}"),
            ("结论", verdict),
        ]
        summary.value = (
            "<table>"
            + "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
            + "</table>"
        )
        ax = chart.axes()
        plot_group_sizes(table, columns, ax=ax, k_min=k_slider.value)
        chart.show()

    for control in [*boxes, *sliders]:
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(boxes), widgets.VBox(sliders), summary, chart.image])
