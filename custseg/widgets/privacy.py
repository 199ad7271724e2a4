"""Pick quasi-identifiers and an age band width, see k and the rows at risk: the module 11 widget.

k-anonymity (:func:`custseg.privacy.k_anonymity`) asks how many rows share each combination of
the columns an outsider could know. Exact ages single people out; ages cut into wider bands
(a generalization, 泛化) hide each row among more others. :func:`custseg.privacy.generalize_ages`
does the cutting; the widget shows the numbers of :func:`custseg.privacy.k_risk` and the rows by
group size (:func:`custseg.privacy.group_sizes`, :func:`custseg.privacy.group_size_classes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns
from custseg.plotting import palette
from custseg.privacy import (
    generalize_ages,
    group_size_classes,
    group_sizes,
    k_anonymity_summary,
    k_risk,
    k_risk_title,
)
from custseg.widgets.live import LiveChart

__all__ = ["k_anonymity_explorer"]


def _readable(value: object) -> str:
    """A cell of the summary as shown: whole numbers with thousands separators."""
    return f"{value:,}" if isinstance(value, int | np.integer) else str(value)


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

    The widget works on a copy of the candidate columns taken when it is built, and cuts
    the ages into bands of a given width once.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person (e.g. the Bank Marketing sample).
    candidates : mapping of str to str
        Label shown -> column, the columns an outsider might know.
    age_col : str or None, default "age"
        The age column, generalized with :func:`generalize_ages` by the slider's width;
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
        sliders (age band width, if any, then k_min), the summary (HTML, the row of
        :func:`custseg.privacy.k_anonymity_summary`) and the chart (a bqplot Figure: the rows by the size
        of their group, 1, 2, 3-4, 5-9, 10-49, ≥50 split at k_min, groups smaller than
        k_min in red, as :func:`custseg.plotting.privacy.plot_group_sizes`; hidden while no
        box is ticked).
    """
    if not candidates:
        raise DataError("至少需要一个候选的准标识符列 (no candidate column)")
    require_columns(frame, list(candidates.values()), what="数据表 (table)")
    if age_col is not None:
        require_columns(frame, [age_col], what="数据表 (table)")
    checked = list(candidates) if checked is None else list(checked)
    unknown = [label for label in checked if label not in candidates]
    if unknown:
        raise DataError(
            f"checked 中的 {unknown} 不在候选列 (candidates) 中 (not a candidate column)"
        )
    if frame.empty:
        raise DataError("数据表是空的 (empty table)：无法计算 k")
    data = frame[list(dict.fromkeys([*candidates.values(), *([age_col] if age_col else [])]))]
    bands: dict[int, pd.Series] = {}
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
    chart = LiveChart(
        x_label="所在组合的行数 (group size)",
        y_label="行数 (rows)",
        x_scale="ordinal",
        y_min=0,
        y_format=",~f",
        size=(720, 400),
    )
    bars = chart.bars([], [], tooltip_labels=("组合大小", "行数"))
    numbers = chart.labels([], [], [], align="middle", x_offset=0, y_offset=-10)

    def update(change: dict | None = None) -> None:
        columns = [candidates[box.description] for box in boxes if box.value]
        if not columns:
            summary.value = "<b>请至少勾选一个准标识符。</b>"
            chart.figure.layout.display = "none"
            return
        table = data[columns]
        if age_col is not None and age_col in columns:
            if width_slider.value not in bands:
                bands[width_slider.value] = generalize_ages(data[age_col], width_slider.value)
            table = table.assign(**{age_col: bands[width_slider.value]})
        risk = k_risk(table, columns, k_min=k_slider.value)
        row = k_anonymity_summary(table, columns, k_min=k_slider.value).iloc[0]
        summary.value = (
            "<table>"
            + "".join(
                f"<tr><th>{name}</th><td>{_readable(value)}</td></tr>"
                for name, value in row.items()
            )
            + "</table>"
        )
        classes = group_size_classes(group_sizes(table, columns)["rows"], k_slider.value)
        labels, counts = classes.index.tolist(), classes["rows"].tolist()
        colors = [palette.HIGHLIGHT if risky else palette.MAIN for risky in classes["at_risk"]]
        with chart.hold():
            chart.figure.title = k_risk_title(risk, k_slider.value)
            chart.figure.axes[
                0
            ].label = f"所在组合的行数 (group size)，红色：少于 {k_slider.value} 行，有被认出的风险"
            chart.x.domain = labels
            chart.leave_room(counts, axis="y")
            bars.x, bars.y, bars.colors = labels, counts, colors
            numbers.x, numbers.y = labels, counts
            numbers.text = [f"{n:,}" if n else "" for n in counts]
        chart.figure.layout.display = None

    for control in [*boxes, *sliders]:
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(boxes), widgets.VBox(sliders), summary, chart.figure])
