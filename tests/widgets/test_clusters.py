"""The cluster widget: moving k refits and the table shows that many clusters, sizes summing up."""

from __future__ import annotations

import re

from custseg.clustering import CustomerClusterer
from custseg.rfm import rfm_table
from custseg.widgets.clusters import cluster_explorer


def _sizes(html: str) -> list[int]:
    body = html.split("<tbody>")[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [int(re.findall(r"<td>(.*?)</td>", row)[1].replace(",", "")) for row in rows]


def test_moving_k_changes_the_table(online_retail_clean):
    rfm = rfm_table(online_retail_clean)
    box = cluster_explorer(rfm, k=3)
    slider, table, _ = box.children
    assert sum(_sizes(table.value)) == len(rfm) and len(_sizes(table.value)) == 3
    slider.value = 5
    sizes = _sizes(table.value)
    expected = CustomerClusterer(n_clusters=5, random_state=0).fit(rfm).labels_.value_counts()
    assert sorted(sizes) == sorted(expected.tolist())
