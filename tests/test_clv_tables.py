"""custseg.clv_tables: the CLV tables of module 05 agree with the models and with plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clv_tables import (
    clv_forecast,
    clv_values,
    fit_clv_models,
    historic_value,
    purchase_summary,
)
from custseg.datasets import load_cn_orders
from custseg.errors import DataError, ParameterError


@pytest.fixture(scope="module")
def orders():
    return load_cn_orders()


def test_purchase_summary_counts_repeat_purchase_days_in_weeks(orders):
    table = purchase_summary(orders, rows=None)
    days = orders.assign(day=orders["invoice_date"].dt.normalize()).groupby("customer_id")["day"]
    assert (table["复购次数"] == days.nunique() - 1).all()
    span = (days.max() - days.min()).dt.days / 7
    np.testing.assert_allclose(table["复购跨度（周）"], span.round(1), atol=0.051)
    assert "R" not in "".join(table.columns) and "recency" not in "".join(table.columns)


def test_forecast_is_sorted_and_matches_the_models(orders):
    models = fit_clv_models(orders)
    clv = models.spend.customer_lifetime_value(
        models.purchases, models.summary, time=12, discount_rate=0.01, freq="W"
    )
    table = clv_forecast(orders, months=12, rows=None)
    assert len(table) == orders["customer_id"].nunique()
    assert table["预测客户终身价值"].is_monotonic_decreasing
    assert table.index[0] == clv.idxmax()
    assert table["预测客户终身价值"].iloc[0] == round(clv.max())
    assert table["仍活跃概率"].str.endswith("%").all()
    values = clv_values(orders, months=12, margin=0.3)
    np.testing.assert_allclose(values["clv"], clv * 0.3)


def test_historic_value_is_revenue_times_margin(orders):
    table = historic_value(orders, margin=0.3, rows=3)
    revenue = orders.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    assert list(table.index) == list(revenue.index[:3])
    np.testing.assert_allclose(table["历史客户价值"], (revenue.iloc[:3] * 0.3).round(2))


def test_bad_margin_and_rows_get_chinese_messages(orders):
    with pytest.raises(ParameterError, match="毛利率"):
        historic_value(orders, margin=30)
    with pytest.raises(ParameterError, match="rows"):
        clv_forecast(orders, rows=0)


RENAMED = {
    "customer_id": "CustomerID",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
    "invoice_id": "InvoiceNo",
}
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}


@pytest.fixture(scope="module")
def retail(online_retail_clean):
    return online_retail_clean[list(RENAMED)]


@pytest.fixture(scope="module")
def retail_renamed(retail):
    return retail.rename(columns=RENAMED)


def test_column_keywords_give_the_same_tables_on_online_retail(retail, retail_renamed):
    pd.testing.assert_frame_equal(
        purchase_summary(retail_renamed, rows=None, **KEYWORDS), purchase_summary(retail, rows=None)
    )
    pd.testing.assert_frame_equal(
        historic_value(retail_renamed, rows=None, invoice_col="InvoiceNo", **KEYWORDS),
        historic_value(retail, rows=None),
    )
    # the invoice column counts the orders: 4,338 customers, 18,532 invoices
    orders = historic_value(retail, rows=None)["订单数"]
    assert len(orders) == retail["customer_id"].nunique() == 4338
    assert orders.sum() == retail["invoice_id"].nunique() == 18532
    pd.testing.assert_frame_equal(
        clv_forecast(retail_renamed, rows=None, **KEYWORDS), clv_forecast(retail, rows=None)
    )
    ours = fit_clv_models(retail_renamed, **KEYWORDS)
    assert ours.purchases.params_ == fit_clv_models(retail).purchases.params_
    assert list(retail_renamed.columns) == list(RENAMED.values())  # the input is not changed


def test_a_missing_or_bad_renamed_column_is_named_as_given(retail_renamed):
    without_sales = retail_renamed.drop(columns="Sales")
    for call in (purchase_summary, historic_value, clv_values, clv_forecast, fit_clv_models):
        with pytest.raises(DataError, match="'Sales'"):
            call(without_sales, **KEYWORDS)
    with pytest.raises(DataError, match="'InvoiceNo'"):
        historic_value(
            retail_renamed.drop(columns="InvoiceNo"), invoice_col="InvoiceNo", **KEYWORDS
        )
    lost = retail_renamed.head(500).copy()
    lost.loc[lost.index[3], "CustomerID"] = None
    with pytest.raises(DataError, match=r"'CustomerID'.*缺失"):
        purchase_summary(lost, **KEYWORDS)
