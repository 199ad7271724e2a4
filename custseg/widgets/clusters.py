"""Choose k with a slider and see the clusters and their profiles: the module 07 widget."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from custseg.clustering import CustomerClusterer, cluster_profiles
from custseg.plotting.clustering import plot_clusters
from custseg.widgets.chart import Chart

__all__ = ["cluster_explorer"]

_SHOWN = ["name", "size", "share", "recency_mean", "frequency_mean", "monetary_mean"]
_HEADERS = {
    "name": "类别名称",
    "size": "人数",
    "share": "占比",
    "recency_mean": "平均 R（天）",
    "frequency_mean": "平均 F（次）",
    "monetary_mean": "平均 M",
}


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
        ``children``: the slider, the profile table (HTML) and the chart (Image).
    """
    slider = widgets.IntSlider(
        value=k, min=2, max=k_max, description="类别数 k", continuous_update=False
    )
    table = widgets.HTML()
    chart = Chart(figsize=(6, 4))

    fitted: dict[int, tuple[pd.Series, str]] = {}  # per k: the labels and the profile table

    def update(change: dict | None = None) -> None:
        if slider.value not in fitted:  # k-means runs once per k: going back is instant
            model = CustomerClusterer(n_clusters=slider.value, random_state=random_state)
            labels = model.fit(features).labels_
            profiles = cluster_profiles(features, labels)
            shown = profiles[[c for c in _SHOWN if c in profiles.columns]]
            html = shown.rename(columns=_HEADERS).to_html(float_format=lambda v: f"{v:,.2f}")
            fitted[slider.value] = labels, html
        labels, table.value = fitted[slider.value]
        ax = chart.axes()
        plot_clusters(features, labels, ax=ax)
        chart.show()

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, table, chart.image])
