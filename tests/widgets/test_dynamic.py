"""The dynamic-segmentation widget: an earlier analysis day sees fewer customers."""

from __future__ import annotations

import pandas as pd

from custseg.widgets.dynamic import segments_over_time_explorer


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
