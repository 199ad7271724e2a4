"""Cleaning transactions whose columns have other names: the same lines kept and removed."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

from custseg.cleaning import clean_transactions
from custseg.errors import DataError
from custseg.raw_export import export_problems, raw_cn_orders

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
CANONICAL = {given: canonical for canonical, given in NAMES.items()}


def test_renamed_online_retail_cleans_to_the_same_lines(online_retail):
    renamed = online_retail.rename(columns=NAMES)
    before = renamed.copy()
    clean, report = clean_transactions(renamed, **KEYWORDS)
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    expected, expected_report = clean_transactions(online_retail)
    assert clean.columns.tolist() == renamed.columns.tolist()
    pd.testing.assert_frame_equal(clean.rename(columns=CANONICAL), expected)
    pd.testing.assert_series_equal(report.counts, expected_report.counts)
    assert report.counts["cancellation"] > 0  # the invoice column was read under its own name
    pd.testing.assert_frame_equal(report.removed.rename(columns=CANONICAL), expected_report.removed)
    assert report.rules == expected_report.rules


def test_netted_refunds_change_the_callers_amount_column(online_retail):
    lines = online_retail.head(20_000).copy()
    lines.attrs = {}  # a user's file: no declared conventions, refunds are netted
    renamed = lines.rename(columns=NAMES)
    clean, report = clean_transactions(renamed, **KEYWORDS)
    expected, expected_report = clean_transactions(lines)
    assert len(expected_report.changed) > 0
    pd.testing.assert_frame_equal(clean.rename(columns=CANONICAL), expected)
    assert report.changed.columns.tolist() == [*renamed.columns, "new_amount", "reason"]
    pd.testing.assert_frame_equal(report.changed.rename(columns=CANONICAL), expected_report.changed)


def test_another_column_called_by_a_canonical_name_is_kept_as_it_is(online_retail):
    lines = online_retail.head(5_000)
    renamed = lines.rename(columns=NAMES).assign(customer_id="store 7")
    clean, _ = clean_transactions(renamed, **KEYWORDS)
    expected, _ = clean_transactions(lines)
    assert clean.columns.tolist() == renamed.columns.tolist()
    assert (clean["customer_id"] == "store 7").all()
    pd.testing.assert_series_equal(clean["CustomerID"], expected["customer_id"], check_names=False)


def test_a_missing_renamed_column_is_named_as_the_caller_named_it(online_retail):
    renamed = online_retail.head(100).rename(columns=NAMES)
    with pytest.raises(DataError, match="'会员号'"):
        clean_transactions(renamed, **{**KEYWORDS, "customer_col": "会员号"})
    with pytest.raises(DataError, match="'单号'"):
        clean_transactions(renamed, **{**KEYWORDS, "invoice_col": "单号"})


def test_a_polars_frame_is_refused_with_a_message():
    lines = pl.DataFrame({"customer_id": [1], "invoice_date": [None], "amount": [1.0]})
    with pytest.raises(DataError, match="pandas DataFrame"):
        clean_transactions(lines)


def test_the_raw_export_under_its_own_names_shows_and_cleans_the_same():
    raw = raw_cn_orders()
    shop = {"customer_id": "会员号", "invoice_date": "下单时间", "amount": "实付金额"}
    keywords = {"customer_col": "会员号", "date_col": "下单时间", "amount_col": "实付金额"}
    renamed = raw.rename(columns=shop)
    before = renamed.copy()
    problems = export_problems(renamed, **keywords)
    expected = export_problems(raw)
    assert problems["行数"].tolist() == expected["行数"].tolist()
    assert problems["例子"].tolist() == expected["例子"].tolist()
    clean, report = clean_transactions(renamed, drop_duplicates=True, **keywords)
    pd.testing.assert_frame_equal(renamed, before)
    canonical, canonical_report = clean_transactions(raw, drop_duplicates=True)
    pd.testing.assert_frame_equal(clean, canonical.rename(columns=shop))
    pd.testing.assert_series_equal(report.counts, canonical_report.counts)
    with pytest.raises(DataError, match="'下单日期'"):
        export_problems(renamed, **{**keywords, "date_col": "下单日期"})
