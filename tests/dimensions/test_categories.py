"""Spend per product category on the cleaned Online Retail lines, under other column names."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.dimensions.categories import OTHER_CATEGORY, category_spend, product_categories
from custseg.errors import DataError

NAMES = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}


@pytest.fixture(scope="module")
def lines(online_retail_clean):
    return online_retail_clean[["customer_id", "invoice_date", "description", "amount"]]


def test_spend_adds_up_to_each_customers_total(lines):
    spend = category_spend(lines)
    totals = lines.groupby("customer_id")["amount"].sum()
    pd.testing.assert_series_equal(
        spend.sum(axis=1), totals.reindex(spend.index), check_names=False
    )
    assert spend.columns[-1] == OTHER_CATEGORY
    bags = product_categories(lines["description"]) == "包袋收纳"
    assert spend["包袋收纳"].sum() == pytest.approx(lines.loc[bags, "amount"].sum())


def test_renamed_columns_give_the_same_spend(lines):
    renamed = lines.rename(columns=NAMES)
    before = renamed.copy()
    pd.testing.assert_frame_equal(category_spend(renamed, **KEYWORDS), category_spend(lines))
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    only_two = renamed.drop(columns="InvoiceDate")  # the date is not needed
    pd.testing.assert_frame_equal(category_spend(only_two, **KEYWORDS), category_spend(lines))


def test_a_missing_or_bad_renamed_column_is_named(lines):
    renamed = lines.head(1000).rename(columns=NAMES)
    with pytest.raises(DataError, match="'会员号'"):
        category_spend(renamed, **{**KEYWORDS, "customer_col": "会员号"})
    broken = renamed.astype({"Sales": object})
    broken.iloc[3, broken.columns.get_loc("Sales")] = "n/a"
    with pytest.raises(DataError, match="'Sales'.*'n/a'"):
        category_spend(broken, **KEYWORDS)
