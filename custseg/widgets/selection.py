"""Set the weights of potential value, loyalty and payment ability; see who makes the shortlist."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.selection import CustomerScorecard, criterion_label

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
        ``children``: a box of the sliders, a summary line and the shortlist (both HTML).
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
        if sum(weights.values()) == 0:
            summary.value = "<b>至少要有一个标准的权重大于 0。</b>"
            return
        columns = {column: column for column in criteria.columns}
        card = CustomerScorecard(columns, weights=weights).fit(criteria)
        shortlist = card.shortlist(criteria, top=top)
        tiers = card.evaluate(criteria)["tier"].value_counts()
        summary.value = "，".join(f"{tier} {count} 人" for tier, count in tiers.items())
        shown = shortlist[["rank", "total_score", "tier", "reasons"]].rename(
            columns={"rank": "名次", "total_score": "总分", "tier": "层级", "reasons": "理由"}
        )
        shown.index.name = "客户编号"
        table.value = shown.to_html(float_format=lambda v: f"{v:.1f}")

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(sliders.values())), summary, table])
