"""Set the weights of potential value, loyalty and payment ability; see who makes the shortlist.

The tables come from :mod:`custseg.selection` (:func:`~custseg.selection.shortlist_table`,
:func:`~custseg.selection.tier_counts`); this module only displays them.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.errors import ParameterError
from custseg.selection import criterion_label, shortlist_table, tier_counts

__all__ = ["scorecard_explorer"]


def scorecard_explorer(criteria: pd.DataFrame, *, top: int = 10) -> widgets.VBox:
    """One weight slider per criterion column and the ranked shortlist with its reasons.

    Parameters
    ----------
    criteria : pandas.DataFrame
        One row per customer, one numeric column per criterion (e.g. ``potential_value``,
        ``loyalty``, ``payment_ability``), as for :class:`custseg.selection.CustomerScorecard`.
    top : int, default 10
        How many customers the shortlist shows.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the sliders, a summary line (customers per value tier) and the
        shortlist of :func:`custseg.selection.shortlist_table` (both HTML).
    """
    sliders = {
        column: widgets.IntSlider(
            value=round(100 / criteria.shape[1]),
            min=0,
            max=100,
            step=5,
            description=f"{criterion_label(column)} 权重",
            style={"description_width": "initial"},
            continuous_update=False,
        )
        for column in criteria.columns
    }
    summary = widgets.HTML()
    table = widgets.HTML()

    def update(change: dict | None = None) -> None:
        weights = {column: slider.value for column, slider in sliders.items()}
        try:
            tiers = tier_counts(criteria, weights)
            shortlist = shortlist_table(criteria, weights, top=top)
        except ParameterError:  # every slider at 0
            summary.value = "<b>至少要有一个标准的权重大于 0。</b>"
            return
        summary.value = "，".join(f"{tier} {n} 人" for tier, n in tiers["客户数"].items())
        table.value = shortlist.to_html(float_format=lambda v: f"{v:.1f}")

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(sliders.values())), summary, table])
