"""The lifecycle widget: a longer churn threshold moves customers from 已流失 back to 流失风险."""

from __future__ import annotations

import re

import pandas as pd

from custseg.widgets.lifecycle import lifecycle_explorer


def _counts(text: str) -> dict[str, int]:
    return {stage: int(n) for stage, n in re.findall(r"([^，\s]+) (\d+) 人", text)}


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
