"""The concentration widget: moving the slider changes the sentence, checked against numpy."""

from __future__ import annotations

import numpy as np
import pytest

from custseg.abc_analysis import concentration_sentence
from custseg.errors import DataError
from custseg.widgets.concentration import concentration_explorer


def _spend(transactions):
    return transactions.groupby("customer_id")["amount"].sum().sort_values(ascending=False)


def _share_of_top(spend, fraction):  # the top k customers, k fractional: part of the next one
    k = len(spend) * fraction
    whole = int(k)
    return (spend.iloc[:whole].sum() + (k - whole) * spend.iloc[whole]) / spend.sum()


def test_slider_updates_the_sentence(online_retail_clean):
    box = concentration_explorer(online_retail_clean)
    slider, sentence, chart = box.children
    spend = _spend(online_retail_clean)
    expected_20 = _share_of_top(spend, 0.2)
    assert f"{expected_20:.1%}" in sentence.value
    slider.value = 5
    expected_5 = _share_of_top(spend, 0.05)
    assert f"{expected_5:.1%}" in sentence.value
    assert expected_5 < expected_20


def test_the_chart_marks_the_top_customers_on_the_lorenz_curve(online_retail_clean):
    box = concentration_explorer(online_retail_clean)
    slider, _, figure = box.children
    curve, diagonal, cut, point, note = figure.marks
    spend = _spend(online_retail_clean)
    rising = np.sort(spend.to_numpy())
    np.testing.assert_allclose(curve.x, np.arange(len(rising) + 1) / len(rising))
    np.testing.assert_allclose(curve.y, np.r_[0, rising.cumsum()] / rising.sum())
    np.testing.assert_allclose(diagonal.y, [0, 1])
    for top in (20, 5, 60):
        slider.value = top
        share = _share_of_top(spend, top / 100)
        np.testing.assert_allclose(cut.x, [1 - top / 100] * 2)
        np.testing.assert_allclose(point.x, [1 - top / 100])
        assert point.y[0] == pytest.approx(1 - share)
        assert list(note.text) == [f"前 {top}% 客户：{share:.0%}"]
    assert "基尼系数 (Gini) = 0." in figure.title


def test_sentence_counts_customers():
    values = np.arange(1, 101, dtype=float)
    assert "（10 位）" in concentration_sentence(values, 10)


RENAMED = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales",
           "invoice_id": "InvoiceNo"}  # fmt: skip
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}  # fmt: skip


def test_renamed_columns_give_the_same_widget(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns=RENAMED)
    canonical, given = concentration_explorer(spring), concentration_explorer(renamed, **KEYWORDS)
    assert given.children[1].value == canonical.children[1].value
    np.testing.assert_array_equal(given.children[2].marks[0].y, canonical.children[2].marks[0].y)
    with pytest.raises(DataError, match="'Sales'"):
        concentration_explorer(renamed.drop(columns="Sales"), **KEYWORDS)
