"""Monthly sales on the cleaned Online Retail lines, against a plain pandas count and renamed."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.sales import (
    ALL_COUNTRIES,
    monthly_sales,
    monthly_sales_by_country,
    monthly_sales_sentence,
    monthly_sales_table,
    sales_month_key,
)

NAMES = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}


@pytest.fixture(scope="module")
def lines(online_retail_clean):
    return online_retail_clean[["customer_id", "invoice_date", "amount", "country"]]


def _by_hand(lines: pd.DataFrame) -> pd.Series:
    months = lines["invoice_date"].dt.strftime("%Y-%m")
    return lines.groupby(months)["amount"].sum()


def test_monthly_sales_are_the_sums_of_each_month(lines):
    sales = monthly_sales(lines)
    expected = _by_hand(lines)
    assert sales.index.astype(str).tolist() == expected.index.tolist()
    assert sales.tolist() == pytest.approx(expected.tolist())
    german = monthly_sales(lines, "Germany")
    assert german.tolist() == pytest.approx(_by_hand(lines[lines["country"] == "Germany"]).tolist())


def test_every_country_on_the_same_months(lines):
    table = monthly_sales_by_country(lines)
    pd.testing.assert_series_equal(table[ALL_COUNTRIES], monthly_sales(lines), check_names=False)
    assert table.columns[1:].tolist() == lines["country"].value_counts().index.tolist()
    for country in ("United Kingdom", "Germany", "Japan"):
        bought = monthly_sales(lines, country)
        assert table[country].loc[bought.index].tolist() == pytest.approx(bought.tolist())
        assert (table[country].drop(bought.index) == 0).all()
    assert table.drop(columns=ALL_COUNTRIES).sum(axis=1).tolist() == pytest.approx(
        table[ALL_COUNTRIES].tolist()
    )


def test_renamed_columns_give_the_same_sales(lines):
    renamed = lines.rename(columns=NAMES)
    before = renamed.copy()
    pd.testing.assert_series_equal(monthly_sales(renamed, **KEYWORDS), monthly_sales(lines))
    pd.testing.assert_series_equal(
        monthly_sales(renamed, "France", **KEYWORDS), monthly_sales(lines, "France")
    )
    pd.testing.assert_frame_equal(
        monthly_sales_table(renamed, **KEYWORDS), monthly_sales_table(lines)
    )
    pd.testing.assert_frame_equal(
        monthly_sales_by_country(renamed, **KEYWORDS), monthly_sales_by_country(lines)
    )
    pd.testing.assert_series_equal(sales_month_key(renamed, **KEYWORDS), sales_month_key(lines))
    pd.testing.assert_frame_equal(renamed, before)  # input untouched


def test_a_missing_renamed_column_or_country_is_named(lines):
    renamed = lines.head(1000).rename(columns=NAMES)
    with pytest.raises(DataError, match="'销售额'"):
        monthly_sales(renamed, **{**KEYWORDS, "amount_col": "销售额"})
    with pytest.raises(DataError, match="'日期'"):
        sales_month_key(renamed, **{**KEYWORDS, "date_col": "日期"})
    with pytest.raises(DataError, match="Atlantis"):
        monthly_sales_table(renamed, "Atlantis", **KEYWORDS)
    with pytest.raises(DataError, match="'country'"):
        monthly_sales_by_country(renamed.drop(columns="country"), **KEYWORDS)


def test_the_sentence_counts_the_months_a_country_bought_in(lines):
    table = monthly_sales_by_country(lines)
    for country in ("Germany", "Australia", "Japan"):
        rows = lines[lines["country"] == country]
        months = rows["invoice_date"].dt.to_period("M").nunique()
        expected = f"{country}：{months} 个月，销售额合计 {rows['amount'].sum():,.0f} 英镑"
        assert monthly_sales_sentence(table, country) == expected
    # a month without a purchase is not counted, though the table has a row of 0 for it
    assert (table["Australia"] == 0).any()
    assert not monthly_sales_sentence(table, "Australia").startswith(f"Australia：{len(table)} ")
    everyone = monthly_sales_sentence(table, currency="GBP")
    assert (
        everyone
        == f"{ALL_COUNTRIES}：{len(table)} 个月，销售额合计 {lines['amount'].sum():,.0f} GBP"
    )
    with pytest.raises(DataError, match="Atlantis"):
        monthly_sales_sentence(table, "Atlantis")
