"""The dynamic-segmentation widget: an earlier analysis day sees fewer customers."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.widgets.dynamic import segments_over_time_explorer

CN8 = [
    "重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户",
    "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户",
]  # fmt: skip


def _segment_sizes(transactions: pd.DataFrame, day: str) -> list[int]:
    """cn8 segment sizes from SQL: R, F, M up to ``day`` against their means."""
    lines = transactions[["customer_id", "invoice_id", "invoice_date", "amount"]]  # noqa: F841
    rfm = duckdb.sql(
        f"""
        SELECT date_diff('day', max(CAST(invoice_date AS DATE)), DATE '{day}') AS r,
               count(DISTINCT invoice_id) AS f, sum(amount) AS m
        FROM lines WHERE CAST(invoice_date AS DATE) <= DATE '{day}' GROUP BY customer_id
        """
    ).df()
    recent = rfm["r"] < rfm["r"].mean()
    often = rfm["f"] > rfm["f"].mean()
    rich = rfm["m"] > rfm["m"].mean()
    kinds = {"价值": recent & often, "发展": recent & ~often,
             "保持": ~recent & often, "挽留": ~recent & ~often}  # fmt: skip
    return [
        int((kinds[name[2:4]] & (rich if name.startswith("重要") else ~rich)).sum()) for name in CN8
    ]


def test_earlier_day_counts_only_earlier_customers(online_retail_clean):
    box = segments_over_time_explorer(online_retail_clean)
    slider, summary, _ = box.children
    everyone = online_retail_clean["customer_id"].nunique()
    assert f"{everyone} 位客户" in summary.value
    slider.value = pd.Timestamp("2011-06-01")
    before = online_retail_clean.loc[
        online_retail_clean["invoice_date"].dt.normalize() <= "2011-06-01", "customer_id"
    ].nunique()
    assert f"截至 2011-06-01：{before} 位客户" in summary.value


def test_bars_hold_the_segment_sizes_of_the_chosen_day(online_retail_clean):
    box = segments_over_time_explorer(online_retail_clean)
    slider, _, figure = box.children
    bars, numbers = figure.marks
    last = slider.options[-1][0]
    for day in (last, "2011-06-01", "2011-03-01"):
        slider.value = pd.Timestamp(day)
        expected = _segment_sizes(online_retail_clean, day)
        assert list(bars.x) == CN8  # the same bars, in the same order, on every day
        assert bars.y.tolist() == expected
        assert list(numbers.text) == [f"{n:,}" for n in expected]
        np.testing.assert_array_equal(numbers.x, expected)
        assert figure.axes[0].scale.max > max(expected)  # room for the longest bar's number
    assert sum(expected) < online_retail_clean["customer_id"].nunique()


RENAMED = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales",
           "invoice_id": "InvoiceNo"}  # fmt: skip
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales",
            "invoice_col": "InvoiceNo"}  # fmt: skip


def test_renamed_columns_give_the_same_widget(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns=RENAMED)
    canonical, given = (
        segments_over_time_explorer(spring),
        segments_over_time_explorer(renamed, **KEYWORDS),
    )
    assert given.children[1].value == canonical.children[1].value
    np.testing.assert_array_equal(given.children[2].marks[0].y, canonical.children[2].marks[0].y)
    with pytest.raises(DataError, match="'Sales'"):
        segments_over_time_explorer(renamed.drop(columns="Sales"), **KEYWORDS)
