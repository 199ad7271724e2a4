"""The monthly-sales widget: choosing a country shows that country's total, computed independently."""

from __future__ import annotations

from custseg.widgets.sales import monthly_sales_explorer


def test_choosing_a_country(online_retail_clean):
    box = monthly_sales_explorer(online_retail_clean)
    choice, total, _ = box.children
    assert f"{online_retail_clean['amount'].sum():,.0f}" in total.value
    choice.value = "Germany"
    german = online_retail_clean.loc[online_retail_clean["country"] == "Germany", "amount"].sum()
    assert f"Germany：13 个月，销售额合计 {german:,.0f}" in total.value
