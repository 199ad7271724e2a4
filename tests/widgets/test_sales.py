"""The monthly-sales widget: choosing a country shows that country's total, computed independently."""

from __future__ import annotations

import numpy as np
import pytest

from custseg.errors import DataError
from custseg.widgets.sales import monthly_sales_explorer


def _by_month(transactions):
    months = transactions["invoice_date"].dt.strftime("%Y-%m")
    return transactions.groupby(months)["amount"].sum()


def test_choosing_a_country(online_retail_clean):
    box = monthly_sales_explorer(online_retail_clean)
    choice, total, _ = box.children
    assert f"{online_retail_clean['amount'].sum():,.0f}" in total.value
    choice.value = "Germany"
    german = online_retail_clean.loc[online_retail_clean["country"] == "Germany", "amount"].sum()
    assert f"Germany：13 个月，销售额合计 {german:,.0f}" in total.value


def test_the_bars_are_the_months_of_the_chosen_country(online_retail_clean):
    box = monthly_sales_explorer(online_retail_clean)
    choice, _, figure = box.children
    bars = figure.marks[0]
    everyone = _by_month(online_retail_clean)
    assert list(bars.x) == everyone.index.tolist()
    np.testing.assert_allclose(bars.y, everyone.to_numpy())
    assert figure.title == "每月销售额：全部国家"
    for country in ("Germany", "Australia"):
        choice.value = country
        rows = online_retail_clean[online_retail_clean["country"] == country]
        expected = _by_month(rows).reindex(everyone.index, fill_value=0.0)
        assert list(bars.x) == everyone.index.tolist()  # every month stays in place
        np.testing.assert_allclose(bars.y, expected.to_numpy())
        assert figure.title == f"每月销售额：{country}"
    assert (np.asarray(bars.y) == 0).any()  # Australia did not buy every month


RENAMED = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales",
           "invoice_id": "InvoiceNo"}  # fmt: skip
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}  # fmt: skip


def test_renamed_columns_give_the_same_widget(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns=RENAMED)
    canonical, given = monthly_sales_explorer(spring), monthly_sales_explorer(renamed, **KEYWORDS)
    assert given.children[1].value == canonical.children[1].value
    np.testing.assert_array_equal(given.children[2].marks[0].y, canonical.children[2].marks[0].y)
    with pytest.raises(DataError, match="'Sales'"):
        monthly_sales_explorer(renamed.drop(columns="Sales"), **KEYWORDS)
