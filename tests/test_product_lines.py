"""Preference groups and product lines, checked against a pandas computation by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.datasets import load_cn_orders
from custseg.errors import DataError, ParameterError
from custseg.product_lines import PRODUCT_LINES, preference_groups, product_line_table
from custseg.recommend import product_rows


@pytest.fixture(scope="module")
def orders():
    return load_cn_orders()


def _by_hand(orders: pd.DataFrame, dominance: float) -> pd.Series:
    spend = orders.groupby(["customer_id", "category"])["amount"].sum().unstack(fill_value=0)
    shares = spend.div(spend.sum(axis=1), axis=0)
    top = shares.idxmax(axis=1) + "偏好型"
    return top.where(shares.max(axis=1) >= dominance, "均衡型")


@pytest.mark.parametrize("dominance", [0.5, 0.6])
def test_groups_and_counts_match_a_count_by_hand(orders, dominance):
    expected = _by_hand(orders, dominance)
    groups = preference_groups(orders, dominance=dominance, category_col="category")
    pd.testing.assert_series_equal(
        groups.sort_index(), expected.sort_index(), check_names=False, check_index_type=False
    )
    table = product_line_table(orders, dominance=dominance, category_col="category")
    assert table["客户数"].to_dict() == expected.value_counts().to_dict()
    assert table["客户数"].sum() == orders["customer_id"].nunique()
    assert table["占比（%）"].sum() == pytest.approx(100, abs=0.3)
    assert all(table.loc[g, "建议产品线"] == PRODUCT_LINES[g] for g in table.index)
    assert list(table["客户数"]) == sorted(table["客户数"], reverse=True)


def test_a_stricter_threshold_moves_customers_to_balanced(orders):
    loose = product_line_table(orders, dominance=0.5, category_col="category")
    strict = product_line_table(orders, dominance=0.6, category_col="category")
    assert strict.loc["均衡型", "客户数"] > loose.loc["均衡型", "客户数"]


def test_bad_dominance_is_named(orders):
    with pytest.raises(ParameterError, match="dominance"):
        product_line_table(orders, dominance=30, category_col="category")
    with pytest.raises(DataError, match="渠道|category|品类"):
        product_line_table(orders.drop(columns="category"), category_col="category")


NAMES = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}


@pytest.fixture(scope="module")
def retail(online_retail_clean):
    """The sample shop's product lines (postage and fees dropped), categories by keyword."""
    return product_rows(online_retail_clean)[
        ["customer_id", "invoice_date", "description", "amount"]
    ]


def test_renamed_online_retail_gives_the_same_groups(retail):
    renamed = retail.rename(columns=NAMES)
    before = renamed.copy()
    groups = preference_groups(renamed, **KEYWORDS)
    pd.testing.assert_series_equal(groups, preference_groups(retail))
    assert groups.index.name == "customer_id"
    assert len(groups) == retail["customer_id"].nunique()
    pd.testing.assert_frame_equal(
        product_line_table(renamed, dominance=0.5, **KEYWORDS),
        product_line_table(retail, dominance=0.5),
    )
    pd.testing.assert_frame_equal(renamed, before)  # input untouched


def test_renamed_columns_with_a_category_column(orders):
    renamed = orders.rename(columns={"customer_id": "会员号", "amount": "实付金额"})
    keywords = {"customer_col": "会员号", "amount_col": "实付金额", "category_col": "category"}
    pd.testing.assert_frame_equal(
        product_line_table(renamed, **keywords), product_line_table(orders, category_col="category")
    )
    with pytest.raises(DataError, match="'实付'"):
        product_line_table(renamed, **{**keywords, "amount_col": "实付"})


def test_a_missing_renamed_column_is_named(retail):
    renamed = retail.head(1000).rename(columns=NAMES)
    with pytest.raises(DataError, match="'客户'"):
        preference_groups(renamed, **{**KEYWORDS, "customer_col": "客户"})
