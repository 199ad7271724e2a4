"""The customer card on the course's real sample: the numbers behind the lifecycle stage."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

from custseg.customer_card import customer_card
from custseg.datasets import load_sample
from custseg.errors import DataError
from custseg.lifecycle import lifecycle_stages
from custseg.transactions import clean_transactions


@pytest.fixture(scope="module")
def clean():
    return clean_transactions(load_sample())[0]


def test_customer_card_shows_the_numbers_behind_the_lifecycle_stage(clean):
    stages = lifecycle_stages(clean)
    for customer in (14344, 12613):
        card = customer_card(clean, customer_id=customer)["数值"]
        assert card["订单数"] == str(stages.loc[customer, "orders"])
        assert card["最近购买距今天数"] == str(stages.loc[customer, "recency"])
        assert card["成为客户天数"] == str(stages.loc[customer, "tenure"])
        rows = clean[clean["customer_id"] == customer]
        assert card["消费金额"] == f"{rows['amount'].sum():,.0f}"
        assert card["最近购买日期"] == rows["invoice_date"].max().strftime("%Y-%m-%d")
    assert customer_card(clean, customer_id="14344").equals(customer_card(clean, customer_id=14344))


def test_customer_card_names_an_unknown_customer(clean):
    with pytest.raises(DataError, match="99999"):
        customer_card(clean, customer_id=99999)


NAMES = {
    "customer_id": "CustomerID",
    "invoice_id": "InvoiceNo",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
}
KEYWORDS = {
    "customer_col": "CustomerID",
    "invoice_col": "InvoiceNo",
    "date_col": "InvoiceDate",
    "amount_col": "Sales",
}


def test_renamed_columns_give_the_same_card(online_retail_clean):
    renamed = online_retail_clean.rename(columns=NAMES)
    before = renamed.copy()
    for customer in (12347, 17850):
        card = customer_card(renamed, customer, "2011-12-01", **KEYWORDS)
        expected = customer_card(online_retail_clean, customer, "2011-12-01")
        pd.testing.assert_frame_equal(card, expected)
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    # Without invoice_col the orders would be counted per day: the invoice column was read.
    by_day = customer_card(
        renamed.drop(columns="InvoiceNo"), 17850, **{**KEYWORDS, "invoice_col": "invoice_id"}
    )
    assert (
        by_day.loc["订单数", "数值"]
        != customer_card(renamed, 17850, **KEYWORDS).loc["订单数", "数值"]
    )


def test_a_polars_frame_gives_the_same_card(online_retail_clean):
    renamed = online_retail_clean[list(NAMES)].rename(columns=NAMES)
    lazy = pl.from_pandas(renamed).lazy()
    pd.testing.assert_frame_equal(
        customer_card(lazy, 12347, **KEYWORDS), customer_card(online_retail_clean, 12347)
    )


def test_a_missing_renamed_column_is_named(online_retail_clean):
    renamed = online_retail_clean.head(1000).rename(columns=NAMES)
    with pytest.raises(DataError, match="'下单时间'"):
        customer_card(renamed, 17850, **{**KEYWORDS, "date_col": "下单时间"})


def test_the_old_data_keyword_still_works_and_warns(online_retail_clean):
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        card = customer_card(data=online_retail_clean, customer_id=17850)
    pd.testing.assert_frame_equal(card, customer_card(online_retail_clean, 17850))
