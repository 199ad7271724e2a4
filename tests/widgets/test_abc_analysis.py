"""The ABC widget: a higher A cut point puts more customers in class A, counted independently."""

from __future__ import annotations

import re

import numpy as np

from custseg.widgets.abc_analysis import abc_cut_explorer


def _a_count(html: str) -> int:
    row = re.search(r"<th>A 重点客户</th>\s*<td>(\d+)</td>", html)
    return int(row.group(1))


def _expected_a(spend: np.ndarray, cut: float) -> int:
    ordered = np.sort(spend)[::-1]
    before = np.cumsum(ordered) / ordered.sum() - ordered / ordered.sum()
    return int((before < cut - 1e-12).sum())


def test_a_cut_point_moves_customers(online_retail_clean):
    spend = online_retail_clean.groupby("customer_id")["amount"].sum().round(6).to_numpy()
    box = abc_cut_explorer(online_retail_clean)
    (a_slider, b_slider), table, _ = box.children[0].children, box.children[1], box.children[2]
    assert _a_count(table.value) == _expected_a(spend, 0.8)
    a_slider.value = 0.6
    assert _a_count(table.value) == _expected_a(spend, 0.6) < _expected_a(spend, 0.8)
    b_slider.value = 0.55  # below A: refused with a message
    assert "必须大于" in table.value
