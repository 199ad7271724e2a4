"""custseg.transactions: reading users' files, canonical schema, cleaning, errors that name the culprit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.transactions import (
    CANONICAL_COLUMNS,
    CLEANING_REASONS,
    clean_transactions,
    read_transactions,
    to_canonical,
)

CHINESE_COLUMNS = {
    "客户编号": "customer_id",
    "订单日期": "invoice_date",
    "数量": "quantity",
    "单价": "unit_price",
    "订单号": "invoice_id",
}
CHINESE_ORDERS = pd.DataFrame(
    {
        "客户编号": ["王芳", "李雷", "王芳"],
        "订单号": ["A1", "A2", "A3"],
        "订单日期": ["2024-01-05", "2024/01/06", "2024年1月7日"],
        "数量": ["2", "1", "3"],
        "单价": ["￥10.50", "1,200", "8"],
        "备注": ["", "会员", ""],
    }
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_read_csv_in_every_chinese_encoding(tmp_path, encoding):
    path = tmp_path / "订单.csv"
    path.write_bytes(CHINESE_ORDERS.to_csv(index=False).encode(encoding))
    orders = read_transactions(path, CHINESE_COLUMNS)
    assert orders["customer_id"].tolist() == ["王芳", "李雷", "王芳"]
    assert orders["invoice_date"].dt.day.tolist() == [5, 6, 7]
    assert orders["amount"].tolist() == [21.0, 1200.0, 24.0]
    assert list(orders.columns[:6]) == [
        "customer_id",
        "invoice_id",
        "invoice_date",
        "quantity",
        "unit_price",
        "amount",
    ]
    assert orders["备注"].tolist()[1] == "会员"  # other columns are kept


def test_read_excel_and_parquet_give_the_same_table(tmp_path):
    CHINESE_ORDERS.to_excel(tmp_path / "orders.xlsx", index=False)
    CHINESE_ORDERS.to_parquet(tmp_path / "orders.parquet")
    CHINESE_ORDERS.to_csv(tmp_path / "orders.csv.gz", index=False)
    tables = [
        read_transactions(tmp_path / name, CHINESE_COLUMNS)
        for name in ("orders.xlsx", "orders.parquet", "orders.csv.gz")
    ]
    for table in tables[1:]:
        pd.testing.assert_frame_equal(
            table.drop(columns="备注"), tables[0].drop(columns="备注"), check_dtype=False
        )


def test_amount_alone_is_enough(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("customer_id,invoice_date,amount\n7,2024-02-01,5.5\n", encoding="utf-8")
    orders = read_transactions(path)
    assert orders["amount"].tolist() == [5.5]
    assert orders["customer_id"].tolist() == ["7"]  # ids stay text, as in the file


def test_missing_required_column_lists_the_columns_found(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("客户,日期,金额\nA,2024-01-01,3\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_transactions(path)
    message = str(error.value)
    assert "customer_id" in message and "invoice_date" in message
    assert "'客户'" in message and "'日期'" in message and "'金额'" in message
    assert str(path) in message


def test_missing_amount_and_price_is_named(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("customer_id,invoice_date,quantity\nA,2024-01-01,3\n", encoding="utf-8")
    with pytest.raises(DataError, match="unit_price"):
        read_transactions(path)


def test_mapping_a_column_that_does_not_exist_is_named(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("客户编号,订单日期,金额\nA,2024-01-01,3\n", encoding="utf-8")
    with pytest.raises(DataError, match="'客户ID'"):
        read_transactions(path, {"客户ID": "customer_id"})


def test_unparseable_date_names_row_and_value(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text(
        "customer_id,invoice_date,amount\nA,2024-01-01,3\nB,下周二,4\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        read_transactions(path)
    message = str(error.value)
    assert "invoice_date" in message and "第 3 行" in message and "'下周二'" in message


def test_non_numeric_price_names_row_and_value(tmp_path):
    path = tmp_path / "o.xlsx"
    frame = CHINESE_ORDERS.copy()
    frame.loc[2, "单价"] = "面议"
    frame.to_excel(path, index=False)
    with pytest.raises(DataError) as error:
        read_transactions(path, CHINESE_COLUMNS)
    message = str(error.value)
    assert "unit_price" in message and "第 4 行" in message and "'面议'" in message


def test_missing_date_is_an_error_not_a_silent_drop():
    frame = pd.DataFrame(
        {"customer_id": [1, 2], "invoice_date": ["2024-01-01", None], "amount": [1.0, 2.0]}
    )
    with pytest.raises(DataError, match="索引 \\(index\\) 1"):
        to_canonical(frame)


@pytest.mark.parametrize("content", ["", "customer_id,invoice_date,amount\n"])
def test_empty_file_names_the_file(tmp_path, content):
    path = tmp_path / "空文件.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match="空文件.csv"):
        read_transactions(path)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        read_transactions(tmp_path / "nowhere.csv")


def test_to_canonical_does_not_mutate_its_input():
    before = CHINESE_ORDERS.copy()
    to_canonical(CHINESE_ORDERS, CHINESE_COLUMNS)
    pd.testing.assert_frame_equal(CHINESE_ORDERS, before)


def test_real_online_retail_facts(online_retail):
    assert len(online_retail) == 541_909
    assert online_retail["customer_id"].notna().sum() == 406_829
    assert online_retail["customer_id"].nunique() == 4_372
    assert list(online_retail.columns) == list(CANONICAL_COLUMNS)
    assert np.allclose(
        online_retail["amount"], online_retail["quantity"] * online_retail["unit_price"]
    )


def test_cleaning_real_online_retail(online_retail):
    before = online_retail.copy()
    clean, report = clean_transactions(online_retail)
    pd.testing.assert_frame_equal(online_retail, before)  # input untouched
    assert clean["customer_id"].nunique() == 4_338
    assert report.rows_in == len(online_retail)
    assert report.rows_out == len(clean)
    assert report.counts.sum() + len(clean) == len(online_retail)
    # nothing lost: kept and removed lines together are exactly the input
    together = pd.concat([clean, report.removed.drop(columns="reason")]).sort_index()
    pd.testing.assert_frame_equal(together, online_retail)
    # each count against an independent computation, in the documented order
    raw = online_retail
    no_id = raw["customer_id"].isna()
    cancel = raw["invoice_id"].str.startswith("C") & ~no_id
    assert report.counts["missing_customer"] == no_id.sum() == 135_080
    assert report.counts["cancellation"] == cancel.sum()
    valid = raw[~no_id & ~cancel & (raw["quantity"] > 0) & (raw["unit_price"] > 0)]
    assert report.counts["duplicate"] == valid.duplicated().sum()
    assert not clean.duplicated().any()
    assert (clean[["quantity", "unit_price", "amount"]] > 0).all().all()


def test_cleaning_report_table_is_in_chinese(online_retail):
    _, report = clean_transactions(online_retail.head(5000))
    table = report.to_frame()
    assert table.loc["missing_customer", "原因 (reason)"] == CLEANING_REASONS["missing_customer"]
    assert table.loc["total", "删除行数 (rows removed)"] == 5000
    assert "取消的订单" in report._repr_html_()


def test_cleaning_without_quantity_uses_amount():
    lines = pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "invoice_date": pd.to_datetime(["2024-01-01"] * 2),
            "amount": [0.0, 3.0],
        }
    )
    clean, report = clean_transactions(lines)
    assert clean["customer_id"].tolist() == ["b"]
    assert report.counts["non_positive_price"] == 1


def test_cleaning_needs_the_required_columns():
    with pytest.raises(DataError, match="amount"):
        clean_transactions(pd.DataFrame({"customer_id": [1], "invoice_date": ["2024-01-01"]}))
