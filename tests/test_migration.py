"""custseg.migration: the readable migration table against the raw crosstab, on real data."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

from custseg.datasets import load_cn_orders
from custseg.errors import DataError
from custseg.migration import NEW_CUSTOMERS, migration_table
from custseg.rfm import rfm_table
from custseg.segments import SCHEMES, segment_migration


@pytest.mark.parametrize(
    ("start", "end"), [("2024-06-30", "2024-12-31"), ("2023-06-30", "2024-06-30")]
)
def test_counts_totals_and_shares_follow_the_crosstab(start, end):
    orders = load_cn_orders()
    raw = segment_migration(orders, start, end)
    table = migration_table(orders, start=start, end=end)
    segments = [c for c in table.columns if c not in ("合计", "留在原群")]
    order = [rule[0] for rule in SCHEMES["cn8"]]
    assert segments == [s for s in order if s in raw.columns]
    assert table.index[-1] == NEW_CUSTOMERS
    assert list(table.index[:-1]) == [s for s in order if s in raw.index]
    for row in raw.index:
        for column in raw.columns:
            assert table.loc[row, column] == raw.loc[row, column]
    assert (table["合计"] == table[segments].sum(axis=1)).all()
    assert table["合计"].sum() == len(rfm_table(orders, as_of=end))  # every customer once
    for row in table.index[:-1]:
        assert table.loc[row, "留在原群"] == f"{raw.loc[row, row] / raw.loc[row].sum():.0%}"
    assert table.loc[NEW_CUSTOMERS, "留在原群"] == ""
    assert table.index.name == f"{start} 的客户群" and table.columns.name == f"{end} 的客户群"


def test_days_in_the_wrong_order_are_refused():
    with pytest.raises(ValueError, match="start"):
        migration_table(load_cn_orders(), start="2024-12-31", end="2024-06-30")


def test_heatmap_shows_the_table_counts():
    import matplotlib.pyplot as plt

    from custseg.plotting.migration import plot_migration

    orders = load_cn_orders()
    table = migration_table(orders, start="2024-06-30", end="2024-12-31")
    ax = plot_migration(orders, start="2024-06-30", end="2024-12-31")
    shown = ax.images[0].get_array()
    counts = table.drop(columns=["合计", "留在原群"]).to_numpy()
    assert (shown == counts).all()
    labels = [text.get_text() for text in ax.texts]
    assert len(labels) == int((counts > 0).sum())
    assert [t.get_text() for t in ax.get_yticklabels()] == list(table.index)
    plt.close(ax.figure)


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
DAYS = {"start": "2011-06-30", "end": "2011-11-30"}


@pytest.fixture(scope="module")
def retail(online_retail_clean):
    return online_retail_clean[list(NAMES)]


def test_renamed_online_retail_migrates_the_same(retail):
    renamed = retail.rename(columns=NAMES)
    before = renamed.copy()
    expected = migration_table(retail, **DAYS)
    pd.testing.assert_frame_equal(migration_table(renamed, **DAYS, **KEYWORDS), expected)
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    # Frequency counts invoices: without the invoice column (purchase days) the table differs.
    by_day = migration_table(
        renamed.drop(columns="InvoiceNo"), **DAYS, **{**KEYWORDS, "invoice_col": "invoice_id"}
    )
    assert not by_day.equals(expected)


def test_a_polars_frame_migrates_the_same(retail):
    lazy = pl.from_pandas(retail.rename(columns=NAMES)).lazy()
    pd.testing.assert_frame_equal(
        migration_table(lazy, **DAYS, **KEYWORDS), migration_table(retail, **DAYS)
    )


def test_a_missing_or_bad_renamed_column_is_named(retail):
    renamed = retail.rename(columns=NAMES)
    with pytest.raises(DataError, match="'下单时间'"):
        migration_table(renamed, **DAYS, **{**KEYWORDS, "date_col": "下单时间"})
    as_text = renamed.assign(InvoiceDate=renamed["InvoiceDate"].astype(str))
    with pytest.raises(DataError, match="'InvoiceDate'"):
        migration_table(as_text, **DAYS, **KEYWORDS)
