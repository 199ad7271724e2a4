"""summary_from_transactions and historic_clv on Online Retail with the caller's column names."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

from custseg.clv import historic_clv, summary_from_transactions
from custseg.errors import DataError

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
def renamed(retail):
    return retail.rename(columns=RENAMED)


def test_the_summary_is_the_same_under_other_column_names(retail, renamed):
    canonical = summary_from_transactions(retail, unit="W")
    ours = summary_from_transactions(renamed, unit="W", **KEYWORDS)
    pd.testing.assert_frame_equal(ours.rename_axis("customer_id"), canonical)
    assert len(ours) == 4338 and ours.index.name == "CustomerID"
    lazy = summary_from_transactions(pl.from_pandas(renamed).lazy(), unit="W", **KEYWORDS)
    pd.testing.assert_frame_equal(
        lazy.rename_axis("customer_id"), canonical, check_index_type=False, check_dtype=False
    )


def test_historic_value_is_the_same_under_other_column_names(retail, renamed):
    canonical = historic_clv(retail, margin=0.3)
    ours = historic_clv(renamed, margin=0.3, invoice_col="InvoiceNo", **KEYWORDS)
    pd.testing.assert_frame_equal(ours.rename_axis("customer_id"), canonical)
    assert canonical["orders"].sum() == retail["invoice_id"].nunique() == 18532


def test_a_missing_or_empty_renamed_column_is_named_as_given(renamed):
    for function in (summary_from_transactions, historic_clv):
        with pytest.raises(DataError, match="'Sales'"):
            function(renamed.drop(columns="Sales"), **KEYWORDS)
    lost = renamed.head(300).copy()
    lost.loc[lost.index[7], "CustomerID"] = None
    for function in (summary_from_transactions, historic_clv):
        with pytest.raises(DataError, match="'CustomerID'"):
            function(lost, **KEYWORDS)
