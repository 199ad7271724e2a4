"""custseg.transactions: reading users' files, canonical schema, cleaning, errors that name the culprit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError, ParameterError
from custseg.transactions import (
    CANONICAL_COLUMNS,
    CLEANING_REASONS,
    UCI_CONVENTIONS,
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


# ----- users' own files: every case gives the exact result or a message naming it ---------
def _csv(tmp_path, text: str, name: str = "orders.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _lines(rows: list[str], header: str = "customer_id,invoice_id,invoice_date,amount") -> str:
    return "\n".join([header, *rows]) + "\n"


def test_ids_longer_than_int64_stay_distinct_text(tmp_path):
    ids = ["12345678901234567890", "12345678901234567891", "9300000000000000001"]
    rows = [f"{i},A{n},2024-01-0{n + 1},10" for n, i in enumerate(ids)]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    assert orders["customer_id"].tolist() == ids
    clean, _ = clean_transactions(orders)
    assert clean["customer_id"].nunique() == 3


def test_leading_zeros_and_digit_ids_are_not_numbers(tmp_path):
    orders = read_transactions(_csv(tmp_path, _lines(["007,1,2024-01-01,5", "7,2,2024-01-02,6"])))
    assert orders["customer_id"].tolist() == ["007", "7"]
    assert orders["invoice_id"].tolist() == ["1", "2"]


def test_integral_float_ids_are_normalised_as_a_column_and_noted(tmp_path):
    rows = ["17850,1,2024-01-01,5", "17850.0,2,2024-01-02,6", "13047.0,3,2024-01-03,7"]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    assert orders["customer_id"].tolist() == ["17850", "17850", "13047"]
    _, report = clean_transactions(orders)
    assert any("17850" in note and "2" in note for note in report.notes)


def test_identical_lines_are_purchases_unless_asked(tmp_path):
    rows = ["A,1,2024-01-01,10", "A,1,2024-01-01,10", "B,2,2024-01-02,5"]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    clean, report = clean_transactions(orders)
    assert clean["amount"].sum() == 25 and report.counts["duplicate"] == 0
    clean, report = clean_transactions(orders, drop_duplicates=True)
    assert clean["amount"].sum() == 15 and report.counts["duplicate"] == 1


def test_c_prefix_is_a_cancellation_only_when_asked(tmp_path):
    rows = ["A,CK001,2024-01-01,10", "B,CX002,2024-01-02,20", "B,C003,2024-01-03,-20"]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    clean, report = clean_transactions(orders, refunds="drop")
    assert clean["invoice_id"].tolist() == ["CK001", "CX002"]
    assert report.counts["cancellation"] == 0
    clean, report = clean_transactions(orders, cancel_prefix="C")
    assert clean.empty and report.counts["cancellation"] == 3


def test_uci_conventions_are_declared_by_the_loaders_and_kept_through_filtering():
    from custseg.datasets import load_sample

    sample = load_sample()
    assert sample.attrs["custseg_cleaning"] == UCI_CONVENTIONS
    part = sample[sample["country"] == "United Kingdom"]
    _, report = clean_transactions(part)
    assert report.rules["cancel_prefix"] == "C" and report.rules["drop_duplicates"] is True
    # the same lines without the declaration are cleaned by a user file's rules
    bare = pd.DataFrame({c: part[c].to_numpy() for c in part.columns}, index=part.index)
    _, plain = clean_transactions(bare)
    assert plain.rules["cancel_prefix"] is None and plain.counts["cancellation"] == 0


def test_sample_cleans_to_the_published_numbers():
    from custseg.datasets import load_sample

    clean, report = clean_transactions(load_sample())
    assert (len(clean), clean["customer_id"].nunique()) == (7851, 150)
    assert report.counts.to_dict() == {
        "missing_customer": 300,
        "cancellation": 168,
        "non_positive_quantity": 0,
        "non_positive_price": 0,
        "duplicate": 56,
    }


def test_day_first_dates_are_read_day_first(tmp_path):
    rows = ["A,1,05/03/2024,1", "B,2,25/03/2024,1", "C,3,01/12/2024 13:05,1"]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    assert orders["invoice_date"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2024-03-05 00:00",
        "2024-03-25 00:00",
        "2024-12-01 13:05",
    ]


def test_ambiguous_day_month_asks_for_a_date_format(tmp_path):
    path = _csv(tmp_path, _lines(["A,1,05/03/2024,1", "B,2,06/04/2024,1"]))
    with pytest.raises(DataError) as error:
        read_transactions(path)
    message = str(error.value)
    assert "date_format" in message and "第 2 行" in message and "'05/03/2024'" in message
    orders = read_transactions(path, date_format="%d/%m/%Y")
    assert orders["invoice_date"].dt.month.tolist() == [3, 4]


def test_two_digit_years_are_not_guessed(tmp_path):
    with pytest.raises(DataError, match="两位.*'05/03/24'"):
        read_transactions(_csv(tmp_path, _lines(["A,1,05/03/24,1", "B,2,25/03/24,1"])))


@pytest.mark.parametrize(
    "written",
    [
        "2024-03-05T13:05:00+08:00",
        "2024-03-05 13:05:00.000",
        "2024年3月5日 13时05分",
        "2024/3/5 13:05:00 +0800",
    ],
)
def test_unambiguous_date_forms_are_parsed(tmp_path, written):
    orders = read_transactions(_csv(tmp_path, _lines([f"A,1,{written},1"])))
    assert orders["invoice_date"].iloc[0] == pd.Timestamp("2024-03-05 13:05")


def test_mixed_offsets_keep_the_written_time(tmp_path):
    rows = ["A,1,2024-03-05 23:00:00+08:00,1", "B,2,2024-03-05 23:00:00+09:00,1"]
    orders = read_transactions(_csv(tmp_path, _lines(rows)))
    assert orders["invoice_date"].tolist() == [pd.Timestamp("2024-03-05 23:00")] * 2


def test_a_time_without_a_day_is_an_error_not_today(tmp_path):
    with pytest.raises(DataError, match="'13:05:00.000'"):
        read_transactions(_csv(tmp_path, _lines(["A,1,13:05:00.000,1"])))


def test_a_mistyped_far_date_is_excluded_not_today():
    days = [*pd.date_range("2024-01-01", periods=40, freq="D"), pd.Timestamp("2042-01-05")]
    lines = pd.DataFrame(
        {
            "customer_id": [f"c{i % 8}" for i in range(41)],
            "invoice_date": days,
            "amount": 10.0,
        }
    )
    clean, report = clean_transactions(lines)
    assert report.counts["date_outlier"] == 1
    assert report.removed["invoice_date"].tolist() == [pd.Timestamp("2042-01-05")]
    assert clean["invoice_date"].max() == pd.Timestamp("2024-02-09")
    clean, report = clean_transactions(lines, as_of="2024-01-31")
    assert report.counts["after_as_of"] == 10 and clean["invoice_date"].max().day == 31


def test_refunds_are_netted_against_the_customers_latest_purchases():
    lines = pd.DataFrame(
        {
            "customer_id": ["full", "full", "part", "part", "part", "keep"],
            "invoice_date": pd.to_datetime(
                ["2024-01-01", "2024-01-05", "2024-01-01", "2024-01-03", "2024-01-04", "2024-01-02"]
            ),
            "quantity": [1, -1, 2, 1, -1, 3],
            "unit_price": [77183.6, 77183.6, 10.0, 30.0, 25.0, 5.0],
        }
    )
    lines["amount"] = lines["quantity"] * lines["unit_price"]
    clean, report = clean_transactions(lines)
    assert "full" not in set(clean["customer_id"])
    assert clean.groupby("customer_id")["amount"].sum().to_dict() == {"part": 25.0, "keep": 15.0}
    assert report.counts["refund"] == 2 and report.counts["refunded_purchase"] == 1
    assert report.changed_counts.to_dict() == {"refund_reduced": 1}
    assert report.changed["new_amount"].tolist() == [5.0]  # the latest purchase, 30 - 25
    table = report.to_frame()
    assert table.loc["refund_reduced", "修改行数 (rows changed)"] == 1
    assert len(clean) + report.counts.sum() == len(lines)
    # drop: the old behaviour, the refunded customer keeps their purchase
    clean, report = clean_transactions(lines, refunds="drop")
    assert clean.groupby("customer_id")["amount"].sum()["full"] == pytest.approx(77183.6)
    assert report.counts["non_positive_quantity"] == 2


def _net_one_by_one(lines: pd.DataFrame) -> dict:
    """Each customer's purchases, latest first (later line first on a tie), minus the refunds."""
    owed: dict = {}
    purchases = []
    columns = (lines["customer_id"], lines["invoice_date"], lines["amount"])
    rows = zip(lines.index, *columns, strict=True)
    for position, (index, customer, day, amount) in enumerate(rows):
        if amount < 0:
            owed[customer] = owed.get(customer, 0.0) - amount
        else:
            purchases.append((customer, -day.value, -position, index, amount))
    left = {}
    for customer, _, _, index, amount in sorted(purchases):
        taken = min(amount, owed.get(customer, 0.0))
        owed[customer] = owed.get(customer, 0.0) - taken
        left[index] = amount - taken
    return left


@pytest.mark.parametrize("customers", [40, 70_000])  # codes that fit 16 bits and that do not
def test_netting_many_refunds_equals_a_line_by_line_reckoning(customers):
    rng = np.random.default_rng(customers)
    n = 3 * customers
    lines = pd.DataFrame(
        {
            "customer_id": pd.array(rng.integers(0, customers, n).astype(str), dtype="string"),
            "invoice_date": pd.Timestamp("2024-01-01")
            + pd.to_timedelta(rng.integers(0, 3, n), unit="D"),  # many ties
            "amount": np.round(rng.uniform(1, 100, n), 2) * np.where(rng.random(n) < 0.3, -1, 1),
        }
    )
    clean, report = clean_transactions(lines)
    expected = {i: a for i, a in _net_one_by_one(lines).items() if a > 1e-9}
    assert clean["amount"].to_dict() == pytest.approx(expected)
    assert report.counts["refund"] == (lines["amount"] < 0).sum()
    assert len(clean) + report.counts.sum() == n


def test_duplicate_column_names_are_refused(tmp_path):
    path = _csv(tmp_path, "客户,金额,日期,金额\nA,5,2024-01-01,6\n")
    with pytest.raises(DataError, match="重名.*'金额'.*第 2、4 列"):
        read_transactions(path, {"客户": "customer_id", "日期": "invoice_date", "金额": "amount"})


def test_mapping_onto_an_existing_column_name_is_refused():
    frame = pd.DataFrame({"amount": [1.0], "实付": [2.0], "c": ["a"], "d": ["2024-01-01"]})
    with pytest.raises(DataError, match="重名.*'amount'"):
        to_canonical(frame, {"实付": "amount", "c": "customer_id", "d": "invoice_date"})


def test_exponent_looking_ids_are_refused(tmp_path):
    rows = ["12000,1,2024-01-01,5", "12E3,2,2024-01-02,5"]
    with pytest.raises(DataError) as error:
        read_transactions(_csv(tmp_path, _lines(rows)))
    message = str(error.value)
    assert "customer_id" in message and "第 3 行" in message and "'12E3'" in message


@pytest.mark.parametrize(
    ("amount", "what"), [("inf", "无穷大"), ('"1,5"', "逗号"), ("-inf", "无穷大")]
)
def test_bad_amounts_are_named(tmp_path, amount, what):
    with pytest.raises(DataError) as error:
        read_transactions(_csv(tmp_path, _lines(["A,1,2024-01-01,2", f"B,2,2024-01-02,{amount}"])))
    message = str(error.value)
    assert what in message and "amount" in message and "第 3 行" in message


def test_thousands_separators_are_still_read(tmp_path):
    orders = read_transactions(_csv(tmp_path, _lines(['A,1,2024-01-01,"1,200.50"'])))
    assert orders["amount"].tolist() == [1200.5]


def test_clean_transactions_rejects_unknown_rules():
    lines = pd.DataFrame(
        {"customer_id": ["a"], "invoice_date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]}
    )
    with pytest.raises(ParameterError, match="refunds"):
        clean_transactions(lines, refunds="keep")
    lines.attrs["custseg_cleaning"] = "UCI"
    with pytest.raises(DataError, match="custseg_cleaning"):
        clean_transactions(lines)
