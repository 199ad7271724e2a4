"""The ``custseg segment`` command on users' own files: exact results or a Chinese message."""

from __future__ import annotations

import html

import openpyxl
import pandas as pd
import pytest

from custseg.cli import main

COLUMNS = ["--column", "客户编号=customer_id", "--column", "订单号=invoice_id"]
COLUMNS += ["--column", "下单时间=invoice_date", "--column", "实付金额=amount"]


def _orders(customers: int = 30, ids=None) -> pd.DataFrame:
    """Orders of ``customers`` customers, customer k buying k % 5 + 1 times."""
    ids = ids or [f"K{k:03d}" for k in range(customers)]
    rows = []
    for k, customer in enumerate(ids):
        for n in range(k % 5 + 1):
            day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=(k * 7 + n * 31) % 300)
            rows.append((customer, f"S{k:03d}{n}", f"{day:%Y-%m-%d} 10:30:00", 10.0 * (k + 1)))
    return pd.DataFrame(rows, columns=["客户编号", "订单号", "下单时间", "实付金额"])


def _run(path, tmp_path, *extra):
    return main(["segment", str(path), "--out", str(tmp_path / "out"), *COLUMNS, *extra])


def test_id_card_numbers_reach_the_excel_report_as_text(tmp_path, capsys):
    ids = [f"11010519{n:02d}0101{1000 + n:04d}" for n in range(30)]  # 18 digits
    orders = _orders(ids=ids)
    orders.to_csv(tmp_path / "o.csv", index=False)
    assert _run(tmp_path / "o.csv", tmp_path) == 0
    assert "30 位客户" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")["客户分群"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert {cell.value for cell in cells} == set(ids)
    assert {cell.data_type for cell in cells} == {"s"}


def test_every_month_sheet_is_read_and_the_output_says_so(tmp_path, capsys):
    orders = _orders()
    months = orders["下单时间"].str[5:7]
    with pd.ExcelWriter(tmp_path / "orders.xlsx") as writer:
        for month, part in orders.groupby(months):
            part.to_excel(writer, sheet_name=f"{int(month)}月", index=False)
    assert _run(tmp_path / "orders.xlsx", tmp_path) == 0
    out = capsys.readouterr().out
    assert f"{orders['客户编号'].nunique()} 位客户" in out and "读取了工作表" in out
    first = orders[months == months.min()]
    code = _run(
        tmp_path / "orders.xlsx", tmp_path, "--sheet", f"{int(months.min())}月", "--bins", "2"
    )
    assert code == 0
    assert f"{first['客户编号'].nunique()} 位客户" in capsys.readouterr().out


def test_cleaning_rules_are_asked_for_and_every_removal_printed(tmp_path, capsys):
    orders = _orders()
    extra = pd.DataFrame(
        {
            "客户编号": ["K001", "K002", "K002"],
            "订单号": ["C9001", "CK77", "X1"],
            "下单时间": ["2024-05-01", "2024-05-02", "2024-05-03"],
            "实付金额": [-20.0, 30.0, 30.0],
        }
    )
    path = tmp_path / "o.csv"
    pd.concat([orders, orders.head(2), extra]).to_csv(path, index=False)
    assert _run(path, tmp_path) == 0
    out = capsys.readouterr().out
    assert "删除 1 行：退款行" in out and "删除 1 行：被退款全额冲销" in out
    assert "完全重复" not in out and "取消的订单" not in out
    assert _run(path, tmp_path, "--drop-duplicates", "--cancel-prefix", "C") == 0
    out = capsys.readouterr().out
    assert "删除 2 行：完全重复的行" in out and "删除 2 行：取消的订单" in out
    page = html.unescape((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    assert "数据质量" in page and "取消订单的单号开头" in page and "'C'" in page
    assert "SegmentationProcess" not in page and "元" in page


def test_ambiguous_dates_stop_and_a_date_format_resolves_them(tmp_path, capsys):
    orders = _orders()
    day = pd.to_datetime(orders["下单时间"])
    orders["下单时间"] = day.dt.strftime("%m/%d/%Y")
    orders = orders[day.dt.day <= 12]
    path = tmp_path / "o.csv"
    orders.to_csv(path, index=False)
    assert _run(path, tmp_path) == 2
    err = capsys.readouterr().err
    assert "--date-format" in err and "o.csv" in err and "invoice_date" in err and "第 2 行" in err
    assert "Traceback" not in err
    assert _run(path, tmp_path, "--date-format", "%m/%d/%Y") == 0


def test_few_customers_get_a_clear_message_and_fewer_bins_work(tmp_path, capsys):
    path = tmp_path / "o.csv"
    _orders(customers=3).to_csv(path, index=False)
    assert _run(path, tmp_path) == 2
    err = capsys.readouterr().err
    assert "只有 3 位客户" in err and "--bins" in err
    assert _run(path, tmp_path, "--bins", "3") == 0


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--bins", "12"], "bins"),
        (["--control-share", "0.9"], "control_share"),
        (["--as-of", "上个月"], "as_of"),
        (["--encoding", "klingon"], "klingon"),
    ],
)
def test_a_bad_option_is_a_users_error_exit_2(tmp_path, capsys, options, named):
    path = tmp_path / "o.csv"
    _orders().to_csv(path, index=False)
    assert _run(path, tmp_path, *options) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误 (error): ") and named in err and "Traceback" not in err
    assert "意外问题" not in err


@pytest.mark.parametrize("fault", [KeyError("customer_id"), ValueError("cannot reshape")])
def test_an_internal_fault_exits_1_without_a_traceback(tmp_path, capsys, monkeypatch, fault):
    from custseg.process import SegmentationProcess

    def broken(self, out):
        raise fault

    monkeypatch.setattr(SegmentationProcess, "write_report", broken)
    path = tmp_path / "o.csv"
    _orders().to_csv(path, index=False)
    assert _run(path, tmp_path) == 1
    err = capsys.readouterr().err
    assert "意外问题 (unexpected problem)" in err and type(fault).__name__ in err
    assert "o.csv" in err and "Traceback" not in err


TRADITIONAL = {
    "客户编号": "客戶編號",
    "订单号": "訂單號",
    "下单时间": "下單時間",
    "实付金额": "實付金額",
}


@pytest.mark.parametrize(
    ("sep", "encoding", "options"),
    [("\t", "utf-8", []), (";", "utf-8-sig", []), (",", "big5", []), ("|", "gbk", ["--sep", "|"])],
)
def test_separators_and_encodings(tmp_path, capsys, sep, encoding, options):
    names = TRADITIONAL if encoding == "big5" else {k: k for k in TRADITIONAL}
    orders = _orders().rename(columns=names)
    title = "銷售訂單導出" if encoding == "big5" else "销售订单导出"
    path = tmp_path / "export.txt"
    path.write_bytes((f"{title}\n" + orders.to_csv(index=False, sep=sep)).encode(encoding))
    columns = [
        f"{names[k]}={v}"
        for k, v in zip(
            TRADITIONAL, ("customer_id", "invoice_id", "invoice_date", "amount"), strict=True
        )
    ]
    args = ["segment", str(path), "--out", str(tmp_path / "out"), "--skip-rows", "1", *options]
    for column in columns:
        args += ["--column", column]
    assert main(args) == 0
    assert "30 位客户" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a workbook", "Excel"),
        (None, "找不到文件"),
    ],
)
def test_bad_files_give_chinese_messages_not_tracebacks(tmp_path, capsys, content, expected):
    path = tmp_path / "坏文件.xls"
    if content is not None:
        path.write_bytes(content)
    assert _run(path, tmp_path) == 2
    err = capsys.readouterr().err
    assert expected in err and "坏文件.xls" in err and "Traceback" not in err


def test_argument_errors_are_in_chinese(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["segment", "x.csv"])
    assert stop.value.code == 2
    assert "命令行参数有误" in capsys.readouterr().err


def test_real_online_retail_with_the_uci_rules_matches_the_loader(tmp_path, capsys, online_retail):
    from custseg.transactions import clean_transactions

    part = online_retail[online_retail["invoice_date"] < "2011-01-01"]
    export = pd.DataFrame(
        {
            "客户编号": part["customer_id"],
            "订单号": part["invoice_id"],
            "下单时间": part["invoice_date"],
            "数量": part["quantity"],
            "单价": part["unit_price"],
            "商品编码": part["stock_code"],
        }
    )
    path = tmp_path / "retail.csv"
    export.to_csv(path, index=False, encoding="gbk")
    columns = ["--column", "数量=quantity", "--column", "单价=unit_price"]
    columns += ["--column", "商品编码=stock_code"]
    args = ["segment", str(path), "--out", str(tmp_path / "r"), *COLUMNS[:6], *columns]
    assert main([*args, "--drop-duplicates", "--cancel-prefix", "C", "--refunds", "drop"]) == 0
    clean, report = clean_transactions(part)
    out = capsys.readouterr().out
    assert f"{clean['customer_id'].nunique():,} 位客户" in out
    assert f"删除 {report.counts['cancellation']:,} 行：取消的订单" in out
