"""The lifecycle widget: a longer churn threshold moves customers from 已流失 back to 流失风险."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.lifecycle import STAGES, lifecycle_stages
from custseg.widgets.lifecycle import lifecycle_explorer


def _counts(text: str) -> dict[str, int]:
    return {stage: int(n) for stage, n in re.findall(r"([^，\s]+) (\d+) 人", text)}


def _library_counts(transactions, at_risk: int, churn: int, loyal: int) -> np.ndarray:
    stages = lifecycle_stages(
        transactions,
        new_days=min(90, at_risk),
        at_risk_days=at_risk,
        churn_days=churn,
        loyal_orders=loyal,
    )
    return stages["stage"].value_counts().reindex(list(STAGES), fill_value=0).to_numpy()


def test_churn_slider_moves_customers(online_retail_clean):
    box = lifecycle_explorer(online_retail_clean)
    sliders, summary, _ = box.children
    at_risk, churn, _ = sliders.children
    before = _counts(summary.value)
    assert sum(before.values()) == online_retail_clean["customer_id"].nunique()
    last_day = online_retail_clean["invoice_date"].max().normalize() + pd.Timedelta(days=1)
    recency = (
        last_day - online_retail_clean.groupby("customer_id")["invoice_date"].max().dt.normalize()
    ).dt.days
    assert before["已流失"] == (recency > 180).sum()
    churn.value = 360
    after = _counts(summary.value)
    assert after["已流失"] == (recency > 360).sum() < before["已流失"]
    assert sum(after.values()) == sum(before.values())
    churn.value = 60  # below the at-risk threshold: refused with a message, nothing redrawn
    assert "必须大于" in summary.value


def test_bars_follow_every_slider(online_retail_clean):
    box = lifecycle_explorer(online_retail_clean)
    sliders, summary, figure = box.children
    at_risk, churn, loyal = sliders.children
    bars, numbers = figure.marks[:2]

    def check(at_risk_days: int, churn_days: int, loyal_orders: int) -> np.ndarray:
        expected = _library_counts(online_retail_clean, at_risk_days, churn_days, loyal_orders)
        assert list(bars.x) == list(STAGES)
        np.testing.assert_array_equal(bars.y, expected)
        np.testing.assert_array_equal(numbers.y, expected)
        assert list(numbers.text) == [f"{n:,}" for n in expected]
        assert figure.axes[1].scale.max > expected.max()  # room for the numbers
        shown = _counts(summary.value)
        assert [shown.get(stage, 0) for stage in STAGES] == expected.tolist()
        return expected

    start = check(90, 180, 5)
    churn.value = 360
    longer = check(90, 360, 5)
    assert longer[STAGES.index("已流失")] < start[STAGES.index("已流失")]
    at_risk.value = 30  # new customers now only count up to 30 days
    shorter = check(30, 360, 5)
    assert shorter[STAGES.index("流失风险")] > longer[STAGES.index("流失风险")]
    loyal.value = 12
    stricter = check(30, 360, 12)
    assert stricter[STAGES.index("忠诚")] < shorter[STAGES.index("忠诚")]
    at_risk.value = 360  # not below the churn threshold: refused, the bars stay
    assert "必须大于" in summary.value
    np.testing.assert_array_equal(bars.y, stricter)


RENAMED = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales",
           "invoice_id": "InvoiceNo"}  # fmt: skip
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales",
            "invoice_col": "InvoiceNo"}  # fmt: skip


def test_renamed_columns_give_the_same_widget(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns=RENAMED)
    canonical, given = lifecycle_explorer(spring), lifecycle_explorer(renamed, **KEYWORDS)
    assert given.children[1].value == canonical.children[1].value
    np.testing.assert_array_equal(given.children[2].marks[0].y, canonical.children[2].marks[0].y)
    with pytest.raises(DataError, match="'Sales'"):
        lifecycle_explorer(renamed.drop(columns="Sales"), **KEYWORDS)
