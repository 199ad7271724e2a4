"""Pick quasi-identifiers and an age band width, see k and the rows at risk: the module 11 widget.

k-anonymity (:func:`custseg.privacy.k_anonymity`) asks how many rows share each combination of
the columns an outsider could know. Exact ages single people out; ages cut into wider bands
(a generalisation, 泛化) hide each row among more others. :func:`generalise_ages` does the
cutting and :func:`k_risk` counts what the widget shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns
from custseg.plotting.privacy import plot_group_sizes
from custseg.privacy import k_anonymity

__all__ = ["generalise_ages", "k_anonymity_explorer", "k_risk"]


def generalise_ages(ages: pd.Series, width: int) -> pd.Series:
    """Ages cut into bands ``width`` years wide, starting at multiples of ``width``.

    With ``width=1`` the exact ages are kept (as text, ``"37岁"``); otherwise a band reads
    ``"30-39岁"`` (width 10) or ``"35-39岁"`` (width 5).

    Parameters
    ----------
    ages : pandas.Series
        Whole or fractional ages; missing values stay missing.
    width : int
        Band width in years, 1 to 100.

    Returns
    -------
    pandas.Series
        Same index and name, text labels.

    Examples
    --------
    >>> import pandas as pd
    >>> generalise_ages(pd.Series([37, 30, 44.5, None]), 10).tolist()
    ['30-39岁', '30-39岁', '40-49岁', nan]
    >>> generalise_ages(pd.Series([37]), 1).tolist()
    ['37岁']
    """
    if isinstance(width, bool) or not isinstance(width, int | np.integer) or not 1 <= width <= 100:
        raise DataError(f"年龄段宽度 (width) 须为 1 到 100 的整数：收到 {width!r}")
    values = pd.to_numeric(ages, errors="coerce")
    wrong = values.isna() & pd.Series(ages).notna()
    if wrong.any():
        row = values.index[wrong.to_numpy()][0]
        raise DataError(f"年龄 (age) 不是数字：索引 (index) {row!r}，值 (value) {ages.loc[row]!r}")
    low = (np.floor(values / width) * width).astype("Int64")
    if width == 1:
        labels = low.astype("string") + "岁"
    else:
        labels = low.astype("string") + "-" + (low + width - 1).astype("string") + "岁"
    return labels.astype(object).where(values.notna(), np.nan).rename(pd.Series(ages).name)


def k_risk(frame: pd.DataFrame, quasi_identifiers: Sequence[str], *, k_min: int = 5) -> dict:
    """k, number of combinations and rows in combinations smaller than ``k_min``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person.
    quasi_identifiers : sequence of str
        The columns an outsider could know.
    k_min : int, default 5
        The smallest group size accepted.

    Returns
    -------
    dict
        ``k``, ``groups``, ``rows_at_risk`` (rows whose combination has fewer than ``k_min``
        rows) and ``share_at_risk`` (of all rows).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"], "性别": ["女"] * 6})
    >>> k_risk(table, ["城市", "性别"], k_min=5)
    {'k': 1, 'groups': 2, 'rows_at_risk': 1, 'share_at_risk': 0.16666666666666666}
    """
    if isinstance(k_min, bool) or not isinstance(k_min, int | np.integer) or k_min < 1:
        raise DataError(f"k_min 须为正整数：收到 {k_min!r}")
    result = k_anonymity(frame, list(quasi_identifiers))
    sizes = frame.groupby(list(quasi_identifiers), dropna=False, observed=True).size()
    at_risk = int(sizes[sizes < k_min].sum())
    return {
        "k": result.k,
        "groups": result.groups,
        "rows_at_risk": at_risk,
        "share_at_risk": at_risk / len(frame),
    }


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
        and the chart (Output, :func:`custseg.plotting.privacy.plot_group_sizes`).
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
    chart = widgets.Output()

    def update(change: dict | None = None) -> None:
        columns = [candidates[box.description] for box in boxes if box.value]
        if not columns:
            summary.value = "<b>请至少勾选一个准标识符。</b>"
            with chart:
                chart.clear_output()
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
        with chart:
            chart.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=(7, 4))
            plot_group_sizes(table, columns, ax=ax, k_min=k_slider.value)
            plt.show()

    for control in [*boxes, *sliders]:
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(boxes), widgets.VBox(sliders), summary, chart])
