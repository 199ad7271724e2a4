"""Choose k with a slider and see the clusters and their profiles: the module 07 widget."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from custseg.cluster_tables import readable_profiles
from custseg.clustering import FEATURE_LABELS, CustomerClusterer, cluster_profiles
from custseg.errors import require_columns
from custseg.plotting import palette
from custseg.widgets.live import LiveChart

__all__ = ["cluster_explorer"]

_X, _Y = "recency", "monetary"


def _log_ticks(values: np.ndarray) -> list[float]:
    """Ticks at 1, 2, 5, 10, 20, 50 ... covering the positive ``values``.

    Examples
    --------
    >>> _log_ticks(np.array([3.0, 180.0]))
    [2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0]
    """
    low, high = np.floor(np.log10(values.min())), np.ceil(np.log10(values.max()))
    ticks = [m * 10.0**e for e in np.arange(low, high + 1) for m in (1.0, 2.0, 5.0)]
    below = max((t for t in ticks if t <= values.min()), default=ticks[0])
    above = min((t for t in ticks if t >= values.max()), default=ticks[-1])
    return [float(t) for t in ticks if below <= t <= above]


def cluster_explorer(
    features: pd.DataFrame, *, k: int = 4, k_max: int = 8, random_state: int = 0
) -> widgets.VBox:
    """A k slider, the cluster profile table and a recency / monetary scatter coloured by cluster.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per customer, e.g. :func:`custseg.rfm.rfm_table`.
    k, k_max : int
        The starting and the largest number of clusters.
    random_state : int
        Seed of k-means, so the room sees the same clusters on every machine.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the slider, the profile table (HTML) and the chart (a bqplot
        Figure: recency against monetary, monetary on a log axis when all spends are
        positive, one Scatter mark per cluster in ``figure.marks`` in cluster order,
        named "<cluster> <Chinese name>" in the legend; the marks after the k-th are
        empty).
    """
    slider = widgets.IntSlider(
        value=k, min=2, max=k_max, description="簇数 k", continuous_update=False
    )
    table = widgets.HTML()
    require_columns(features, [_X, _Y], what="特征表 (features)")
    x = features[_X].to_numpy(dtype=float)
    y = features[_Y].to_numpy(dtype=float)
    log_y = bool((y > 0).all())
    chart = LiveChart(
        title="客户分群散点图",
        x_label=FEATURE_LABELS[_X],
        y_label=FEATURE_LABELS[_Y],
        y_scale="log" if log_y else "linear",
        x_format=",.0f",
        y_format=",.0f",
        size=(680, 460),
        left=90,
        legend=True,
    )
    if log_y:
        chart.figure.axes[1].tick_values = _log_ticks(y)
    tips = ("最近购买距今天数", "消费金额")
    groups = [
        chart.scatter(
            [], [], color=palette.SERIES[i % len(palette.SERIES)], size=36, tooltip_labels=tips
        )
        for i in range(max(k_max, k))
    ]

    fitted: dict[int, tuple[str, list[tuple[str, np.ndarray]]]] = {}  # per k: table, clusters

    def update(change: dict | None = None) -> None:
        if slider.value not in fitted:  # k-means runs once per k: going back is instant
            model = CustomerClusterer(n_clusters=slider.value, random_state=random_state)
            labels = model.fit(features).labels_.to_numpy()
            profiles = cluster_profiles(features, labels)
            html = readable_profiles(profiles, features).to_html(float_format=lambda v: f"{v:,.1f}")
            members = [(f"{c} {name}", labels == c) for c, name in profiles["name"].items()]
            fitted[slider.value] = html, members
        table.value, members = fitted[slider.value]
        with chart.hold():
            for i, mark in enumerate(groups):
                name, rows = members[i] if i < len(members) else ("", np.zeros(len(x), bool))
                mark.x, mark.y = x[rows], y[rows]
                mark.labels = [name] if name else []
                mark.display_legend = bool(name)

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, table, chart.figure])
