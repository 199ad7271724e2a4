"""Data overview, first rows, removed rows and monthly sales on the course's real sample."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.cleaning_summary import cleaning_table, removed_rows
from custseg.datasets import load_sample
from custseg.errors import DataError, ParameterError
from custseg.overview import data_overview, first_rows
from custseg.sales import monthly_sales_table
from custseg.transactions import clean_transactions


@pytest.fixture(scope="module")
def sample():
    orders = load_sample()
    clean, report = clean_transactions(orders)
    return orders, clean, report


def test_overview_counts_rows_customers_orders_and_sales(sample):
    orders, clean, _ = sample
    facts = data_overview(clean)["数值"]
    assert facts["行数"] == f"{len(clean):,}"
    assert facts["客户数"] == str(clean["customer_id"].nunique())
    assert facts["订单数"] == str(clean["invoice_id"].nunique())
    assert facts["销售额合计"] == f"{clean['amount'].sum():,.0f}"
    assert facts["第一天"] == clean["invoice_date"].min().strftime("%Y-%m-%d")
    raw = data_overview(orders)["数值"]
    assert raw["缺少客户编号的行数"] == str(int(orders["customer_id"].isna().sum()))
    assert int(raw["缺少客户编号的行数"]) > 0


def test_overview_names_a_missing_column():
    with pytest.raises(DataError, match="amount"):
        data_overview(pd.DataFrame({"customer_id": [1], "invoice_date": ["2024-01-01"]}))


def test_first_rows_have_chinese_headers_and_plain_dates(sample):
    orders, _, _ = sample
    shown = first_rows(orders, rows=3)
    assert len(shown) == 3
    assert {"客户编号", "订单日期", "金额"} <= set(shown.columns)
    assert shown["订单日期"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    with pytest.raises(ParameterError, match="rows"):
        first_rows(orders, rows=0)


def test_removed_rows_show_the_chosen_reason_only(sample):
    _, _, report = sample
    cancelled = removed_rows(report, reason="取消的订单", rows=1000)
    assert len(cancelled) == report.counts["cancellation"]
    assert (cancelled["删除原因"] == "取消的订单").all()
    assert cancelled["订单号"].str.startswith("C").all()
    assert (cancelled["金额"] < 0).all()
    assert len(removed_rows(report, reason="duplicate", rows=3)) == 3
    with pytest.raises(ParameterError, match="可选"):
        removed_rows(report, reason="其他")


def test_monthly_sales_table_sums_each_month(sample):
    _, clean, _ = sample
    table = monthly_sales_table(clean)
    months = clean["invoice_date"].dt.strftime("%Y-%m")
    expected = clean.groupby(months)["amount"].sum().round(0)
    assert table["月份"].tolist() == expected.index.tolist()
    assert table["销售额"].tolist() == expected.astype(int).tolist()
    with pytest.raises(DataError, match="Atlantis"):
        monthly_sales_table(clean, country="Atlantis")


def test_every_cleaning_reason_has_a_short_name_and_its_rows_show():
    import pandas as pd

    from custseg.cleaning_summary import REASON_NAMES
    from custseg.transactions import CLEANING_REASONS, clean_transactions

    assert set(REASON_NAMES) == set(CLEANING_REASONS)
    lines = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B"],
            "invoice_id": ["1", "2", "3"],
            "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-02"]),
            "amount": [50.0, -50.0, 20.0],
        }
    )
    _, report = clean_transactions(lines, refunds="net")
    assert len(removed_rows(report, reason="refund")) == 1
    assert len(removed_rows(report, reason="被退款全额冲销的购买")) == 1


def test_cleaning_table_is_chinese_only_and_adds_up(sample):
    orders, clean, report = sample
    table = cleaning_table(report)
    assert list(table.columns) == ["处理", "行数", "占比"]
    assert table["处理"].iloc[0] == "缺少客户编号"
    assert not table["处理"].str.contains("[A-Za-z]").any()
    rows = table["行数"].str.replace(",", "").astype(int)
    assert rows.iloc[-2] == len(clean)
    assert rows.iloc[-1] == len(orders) == rows.iloc[:-1].sum()
    assert table["占比"].iloc[-1] == "100.0%"
    with pytest.raises(ParameterError, match="clean_transactions"):
        cleaning_table(clean)


def test_whole_quantities_show_without_decimals_and_money_keeps_its_cents(sample):
    orders, _, _ = sample
    shown = first_rows(orders, rows=5)
    assert shown["数量"].dtype.kind == "i"
    assert (shown["数量"] == orders["quantity"].head(5)).all()
    assert shown["单价"].dtype.kind == "f"
    assert shown["金额"].dtype.kind == "f"  # 204.00 stays money, not 204


def test_overview_of_renamed_online_retail_is_the_same(online_retail):
    names = {
        "customer_id": "CustomerID",
        "invoice_id": "InvoiceNo",
        "invoice_date": "InvoiceDate",
        "amount": "Sales",
    }
    keywords = {
        "customer_col": "CustomerID",
        "invoice_col": "InvoiceNo",
        "date_col": "InvoiceDate",
        "amount_col": "Sales",
    }
    renamed = online_retail.rename(columns=names)
    before = renamed.copy()
    facts = data_overview(renamed, **keywords)
    pd.testing.assert_frame_equal(facts, data_overview(online_retail))
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    assert facts.loc["订单数", "数值"] == f"{online_retail['invoice_id'].nunique():,}"
    assert facts.loc["缺少客户编号的行数", "数值"] == "135,080"
    with pytest.raises(DataError, match="'单号'"):
        data_overview(renamed, **{**keywords, "invoice_col": "单号"})
    with pytest.raises(DataError, match="'会员号'"):
        data_overview(renamed, **{**keywords, "customer_col": "会员号"})


def test_the_old_data_keyword_still_works_and_warns(online_retail_clean):
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        overview = data_overview(data=online_retail_clean)
    pd.testing.assert_frame_equal(overview, data_overview(online_retail_clean))
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        table = monthly_sales_table(data=online_retail_clean)
    pd.testing.assert_frame_equal(table, monthly_sales_table(online_retail_clean))
