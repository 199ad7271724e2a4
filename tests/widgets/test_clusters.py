"""The cluster widget: moving k refits and the table shows that many clusters, sizes summing up."""

from __future__ import annotations

import re

import bqplot as bq
import numpy as np

from custseg.clustering import CustomerClusterer, cluster_profiles
from custseg.rfm import rfm_table
from custseg.widgets.clusters import cluster_explorer


def _sizes(html: str) -> list[int]:
    """The 客户数 of each cluster row of the table (the last row, 全体, is all customers)."""
    body = html.split("<tbody>")[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    assert re.search(r"<th>全体</th>", rows[-1])
    sizes = [int(re.findall(r"<td>(.*?)</td>", row)[1].replace(",", "")) for row in rows]
    assert sizes[-1] == sum(sizes[:-1])
    return sizes[:-1]


def test_moving_k_changes_the_table(online_retail_clean):
    rfm = rfm_table(online_retail_clean)
    box = cluster_explorer(rfm, k=3)
    slider, table, _ = box.children
    assert sum(_sizes(table.value)) == len(rfm) and len(_sizes(table.value)) == 3
    assert "平均消费金额" in table.value and "平均最近一次购买距今天数" in table.value
    slider.value = 5
    sizes = _sizes(table.value)
    expected = CustomerClusterer(n_clusters=5, random_state=0).fit(rfm).labels_.value_counts()
    assert sorted(sizes) == sorted(expected.tolist())


def _assert_points_by_cluster(figure: bq.Figure, rfm, k: int, k_max: int) -> None:
    """Mark i holds the recency and monetary of cluster i, named as in its profile."""
    labels = CustomerClusterer(n_clusters=k, random_state=0).fit(rfm).labels_
    names = cluster_profiles(rfm, labels)["name"]
    assert len(figure.marks) == k_max
    for cluster, mark in enumerate(figure.marks):
        if cluster < k:
            members = rfm[labels == cluster]
            assert list(mark.labels) == [f"{cluster} {names[cluster]}"] and mark.display_legend
            np.testing.assert_array_equal(mark.x, members["recency"].to_numpy(dtype=float))
            np.testing.assert_array_equal(mark.y, members["monetary"].to_numpy(dtype=float))
        else:
            assert len(mark.x) == len(mark.y) == 0 and not mark.display_legend
    assert sum(len(mark.x) for mark in figure.marks) == len(rfm)


def test_moving_k_recolours_the_points(online_retail_clean):
    rfm = rfm_table(online_retail_clean)
    box = cluster_explorer(rfm, k=3, k_max=6)
    slider, _, figure = box.children
    assert isinstance(figure.axes[1].scale, bq.LogScale)
    assert "monetary" in figure.axes[1].label and "recency" in figure.axes[0].label
    ticks = figure.axes[1].tick_values
    assert ticks.min() <= rfm["monetary"].min() and ticks.max() >= rfm["monetary"].max()
    _assert_points_by_cluster(figure, rfm, 3, 6)
    for k in (6, 2, 3):
        slider.value = k
        _assert_points_by_cluster(figure, rfm, k, 6)
