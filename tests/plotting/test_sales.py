"""The static monthly-sales chart draws one bar per month with the month's real total."""

from __future__ import annotations

import numpy as np

from custseg.plotting.sales import plot_monthly_sales


def test_bars_are_the_monthly_totals(online_retail_clean):
    ax = plot_monthly_sales(online_retail_clean, country="Germany")
    german = online_retail_clean[online_retail_clean["country"] == "Germany"]
    totals = german.groupby(german["invoice_date"].dt.strftime("%Y-%m"))["amount"].sum()
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches], totals.to_numpy())
    assert [t.get_text() for t in ax.get_xticklabels()] == totals.index.tolist()
    assert ax.get_title() == "每月销售额：Germany"
    assert ax.get_ylabel() == "销售额（英镑）"
