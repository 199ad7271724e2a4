"""The ABC widget: a higher A cut point puts more customers in class A, counted independently."""

from __future__ import annotations

import re

import numpy as np
import pytest

from custseg.errors import DataError
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


def _texts(letter: str, name: str, width: float) -> list[str]:
    """A zone's label: the name when the zone is 10 % wide or more, the share from 5 %."""
    return [letter, name if width >= 0.1 else "", f"{width:.0%}" if width >= 0.05 else ""]


def _zone(mark) -> tuple[float, float]:
    return float(min(mark.x)), float(max(mark.x))


def test_the_zones_are_as_wide_as_the_classes(online_retail_clean):
    spend = online_retail_clean.groupby("customer_id")["amount"].sum().round(6).to_numpy()
    n = len(spend)
    box = abc_cut_explorer(online_retail_clean)
    a_slider, b_slider = box.children[0].children
    figure = box.children[2]
    marks = figure.marks
    zones, (curve, diagonal), edges, labels = marks[0:3], marks[3:5], marks[5:7], marks[7:10]
    rising = np.sort(spend)
    np.testing.assert_allclose(curve.y, np.r_[0, rising.cumsum()] / rising.sum())
    np.testing.assert_allclose(diagonal.x, [0, 1])
    for a_cut, b_cut in ((0.8, 0.95), (0.6, 0.95), (0.6, 0.7), (0.5, 0.55)):
        a_slider.value, b_slider.value = a_cut, b_cut
        in_a = _expected_a(spend, a_cut)
        in_b = _expected_a(spend, b_cut) - in_a
        a_left, b_left = 1 - in_a / n, 1 - (in_a + in_b) / n
        np.testing.assert_allclose(_zone(zones[0]), (a_left, 1))
        np.testing.assert_allclose(_zone(zones[1]), (b_left, a_left))
        np.testing.assert_allclose(_zone(zones[2]), (0, b_left), atol=1e-12)
        np.testing.assert_allclose(edges[0].x, [a_left] * 2)
        np.testing.assert_allclose(edges[1].x, [b_left] * 2)
        assert list(labels[0].text) == _texts("A", "重点客户", in_a / n)
        assert list(labels[1].text) == _texts("B", "重要客户", in_b / n)
        assert list(labels[2].text) == _texts("C", "一般客户", b_left)
        np.testing.assert_allclose(labels[0].x, [(a_left + 1) / 2] * 3)
    b_slider.value = 0.55  # refused: the chart keeps the last valid classes
    np.testing.assert_allclose(_zone(zones[0]), (a_left, 1))


RENAMED = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales",
           "invoice_id": "InvoiceNo"}  # fmt: skip
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}  # fmt: skip


def test_renamed_columns_give_the_same_widget(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns=RENAMED)
    canonical, given = abc_cut_explorer(spring), abc_cut_explorer(renamed, **KEYWORDS)
    assert given.children[1].value == canonical.children[1].value
    np.testing.assert_array_equal(given.children[2].marks[3].y, canonical.children[2].marks[3].y)
    with pytest.raises(DataError, match="'Sales'"):
        abc_cut_explorer(renamed.drop(columns="Sales"), **KEYWORDS)
