"""custseg.files: reading csv in Chinese encodings, Excel with a parquet cache, and errors."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.files import cache_home, read_table, read_user_table


def test_excel_is_cached_as_parquet_after_the_first_read(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTSEG_DATA_HOME", str(tmp_path / "home"))
    frame = pd.DataFrame(
        {
            "InvoiceNo": [536365, "C536379", 536366],
            "Qty": [1, -2, 3],
            "Description": ["灯", None, "杯子"],
        }
    )
    frame.to_excel(tmp_path / "book.xlsx", index=False)
    first = read_table(tmp_path / "book.xlsx")
    cached = list((cache_home() / "parsed").glob("book-*.parquet"))
    assert len(cached) == 1
    second = read_table(tmp_path / "book.xlsx")
    pd.testing.assert_frame_equal(first, second)
    assert first["InvoiceNo"].tolist() == ["536365", "C536379", "536366"]
    assert first["Description"].isna().tolist() == [False, True, False]


def test_several_sheets_are_concatenated(tmp_path):
    with pd.ExcelWriter(tmp_path / "two.xlsx") as writer:
        pd.DataFrame({"a": [1, 2]}).to_excel(writer, sheet_name="Year 2009-2010", index=False)
        pd.DataFrame({"a": [3]}).to_excel(writer, sheet_name="Year 2010-2011", index=False)
    assert read_table(tmp_path / "two.xlsx", sheet_name=[0, 1])["a"].tolist() == [1, 2, 3]


def test_unknown_ending_is_named(tmp_path):
    path = tmp_path / "orders.docx"
    path.write_bytes(b"x")
    with pytest.raises(DataError, match="orders.docx"):
        read_table(path)


def test_undecodable_text_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n\xff\xfe\x80\x81,1\n" * 3)
    with pytest.raises(DataError, match="bad.csv"):
        read_table(path)


# ----- users' own files: read_user_table ------------------------------------------------
def _month_book(path, months=("一月", "二月", "三月")):
    with pd.ExcelWriter(path) as writer:
        for number, month in enumerate(months, start=1):
            pd.DataFrame({"客户": [f"K{number}", "K0"], "金额": [number, 10]}).to_excel(
                writer, sheet_name=month, index=False
            )
        pd.DataFrame({"说明": ["本表由系统导出"]}).to_excel(writer, sheet_name="说明", index=False)


def test_every_sheet_with_the_same_header_is_read_and_noted(tmp_path):
    _month_book(tmp_path / "months.xlsx")
    table = read_user_table(tmp_path / "months.xlsx")
    assert table.frame["客户"].tolist() == ["K1", "K0", "K2", "K0", "K3", "K0"]
    assert table.frame["sheet"].tolist() == ["一月"] * 2 + ["二月"] * 2 + ["三月"] * 2
    assert table.sheets == [("一月", 0), ("二月", 2), ("三月", 4)]
    assert "'一月'、'二月'、'三月'" in table.notes[0]
    assert "'说明'" in table.notes[1] and "表头不同" in table.notes[1]


def test_one_named_sheet_and_a_missing_one(tmp_path):
    _month_book(tmp_path / "months.xlsx")
    table = read_user_table(tmp_path / "months.xlsx", sheet_name="二月")
    assert table.frame["客户"].tolist() == ["K2", "K0"] and "sheet" not in table.frame
    with pytest.raises(DataError, match="'四月'.*'一月', '二月', '三月', '说明'"):
        read_user_table(tmp_path / "months.xlsx", sheet_name="四月")


def test_errors_name_the_sheet_and_its_row(tmp_path):
    from custseg.transactions import read_transactions

    with pd.ExcelWriter(tmp_path / "m.xlsx") as writer:
        for month, amount in (("一月", "5"), ("二月", "面议")):
            pd.DataFrame(
                {
                    "customer_id": ["A", "B"],
                    "invoice_date": ["2024-01-01"] * 2,
                    "amount": ["1", amount],
                }
            ).to_excel(writer, sheet_name=month, index=False)
    with pytest.raises(DataError, match="工作表 '二月' 第 3 行.*'面议'"):
        read_transactions(tmp_path / "m.xlsx")


def test_title_rows_are_skipped_and_rows_still_numbered(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("销售订单导出\n2024 年 1 月\n客户,金额\nA,1\nB,2\n", encoding="utf-8")
    table = read_user_table(path, skip_rows=2)
    assert table.frame.columns.tolist() == ["客户", "金额"] and table.first_row == 4


@pytest.mark.parametrize(("sep", "name"), [("\t", "制表符"), (";", "分号"), ("|", "竖线")])
def test_separators_are_detected(tmp_path, sep, name):
    path = tmp_path / "o.txt"
    path.write_text(f"客户{sep}金额{sep}备注\nA{sep}1,5{sep}x\n", encoding="utf-8")
    table = read_user_table(path)
    assert table.frame.columns.tolist() == ["客户", "金额", "备注"]
    assert table.frame["金额"].tolist() == ["1,5"]
    assert any(name in note for note in table.notes)


def test_big5_is_detected(tmp_path):
    path = tmp_path / "訂單.csv"
    text = "客戶編號,訂單日期,實付金額,備註\n張三,2024-01-01,10,會員優惠\n李四,2024-01-02,20,門市購買\n"
    path.write_bytes(text.encode("big5"))
    table = read_user_table(path)
    assert table.frame.columns.tolist() == ["客戶編號", "訂單日期", "實付金額", "備註"]
    assert table.frame["備註"].tolist() == ["會員優惠", "門市購買"]
    assert any("big5" in note for note in table.notes)


def test_gbk_is_still_gbk(tmp_path):
    path = tmp_path / "订单.csv"
    path.write_bytes("客户编号,金额,备注\n张三,10,会员\n".encode("gbk"))
    assert read_user_table(path).frame["备注"].tolist() == ["会员"]


def test_a_trailing_comma_on_data_rows_is_harmless(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("客户,金额\nA,1,\nB,2,\n", encoding="utf-8")
    frame = read_user_table(path).frame
    assert frame.columns.tolist() == ["客户", "金额"]
    assert frame["客户"].tolist() == ["A", "B"] and frame["金额"].tolist() == ["1", "2"]


def test_a_row_with_too_many_columns_is_named(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("客户,金额\nA,1\nB,2,3,4\n", encoding="utf-8")
    with pytest.raises(DataError, match="o.csv.*第 3 行.*4 列.*2 列"):
        read_user_table(path)


def test_a_wrong_encoding_is_named(tmp_path):
    path = tmp_path / "o.csv"
    path.write_bytes("客户,金额\n张三,1\n".encode("utf-16"))
    with pytest.raises(DataError, match="o.csv.*编码"):
        read_user_table(path)


def test_a_real_xls_is_read(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    for name, rows in (("一月", [("K1", 5)]), ("二月", [("K2", 7)])):
        sheet = book.add_sheet(name)
        for column, header in enumerate(("客户", "金额")):
            sheet.write(0, column, header)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                sheet.write(number, column, value)
    book.save(str(tmp_path / "old.xls"))
    table = read_user_table(tmp_path / "old.xls")
    assert table.frame["客户"].tolist() == ["K1", "K2"]
    assert table.frame["金额"].tolist() == ["5", "7"]


def test_a_broken_workbook_is_named(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(b"this is not a workbook")
    with pytest.raises(DataError, match="broken.xls.*Excel"):
        read_user_table(path)
