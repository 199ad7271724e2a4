"""The five-step process on real data, its report, and the command line."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

from custseg.cli import main
from custseg.process import STEPS, SegmentationProcess
from custseg.rfm import rfm_table


@pytest.fixture(scope="module")
def fitted(online_retail):
    early = online_retail[online_retail["invoice_date"] < "2011-09-01"]
    return SegmentationProcess(control_share=0.1, random_state=3).fit(early)


def test_steps_on_online_retail(fitted, online_retail_clean):
    early = online_retail_clean[online_retail_clean["invoice_date"] < "2011-09-01"]
    rfm = rfm_table(early)
    customers = fitted.customers_
    assert len(customers) == len(rfm) == fitted.facts_["customers"]
    pd.testing.assert_frame_equal(customers[["recency", "frequency", "monetary"]], rfm)
    table = fitted.segments_
    assert table["customers"].sum() == len(rfm)
    assert table["revenue"].sum() == pytest.approx(rfm["monetary"].sum())
    for row in table.itertuples():
        members = customers[customers["segment"] == row.segment]
        assert row.customers == len(members)
        assert (
            row.control == (members["group"] == "对照组").sum() == int(np.floor(len(members) * 0.1))
        )
    assert set(customers["abc_class"]) == {"A", "B", "C"}
    assert customers["stage"].notna().all()
    assert fitted.facts_["top20_share"] > 0.5


def test_evaluate_against_an_independent_count(fitted, online_retail):
    later = online_retail[online_retail["invoice_date"] >= "2011-09-01"]
    result = fitted.evaluate(later)
    buyers = set(
        later.dropna(subset=["customer_id"])
        .query("quantity > 0 and unit_price > 0")
        .loc[lambda d: ~d["invoice_id"].str.startswith("C"), "customer_id"]
    )
    customers = fitted.customers_
    treated = customers[customers["group"] == "营销组"]
    overall = result.iloc[0]
    assert overall["treatment_n"] == len(treated)
    assert overall["treatment_responses"] == treated.index.isin(buyers).sum()
    control = customers[customers["group"] == "对照组"]
    assert overall["control_rate"] == pytest.approx(control.index.isin(buyers).mean())


def test_report_files(fitted, tmp_path):
    paths = fitted.write_report(tmp_path / "报告")
    page = paths["html"].read_text(encoding="utf-8")
    for step in STEPS:
        assert step in page
    assert page.count("data:image/png;base64,") == 4
    book = openpyxl.load_workbook(paths["excel"], read_only=True)
    assert book.sheetnames == ["分群汇总", "客户分群", "清洗报告", "对照组", "流程"]
    summary = pd.read_excel(paths["excel"], sheet_name="分群汇总")
    assert summary["客户数"].sum() == len(fitted.customers_)


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {
        (sheet.title, cell.coordinate): (
            cell.value,
            cell.data_type,
            cell.number_format,
            bool(cell.font.b),
            cell.border.left.style,
            cell.alignment.horizontal,
        )
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None or cell.font.b
    }


def test_the_workbook_is_what_pandas_to_excel_writes(fitted, tmp_path):
    """The fast writer lays out every value, header and format as DataFrame.to_excel does."""
    paths = fitted.write_report(tmp_path / "fast")
    tables = fitted._excel_tables()
    cleaning = fitted.cleaning_report_.to_frame()
    quality = pd.DataFrame(fitted._quality_rows(), columns=["数据质量", "内容"])
    reference = tmp_path / "pandas.xlsx"
    with pd.ExcelWriter(reference, engine="openpyxl") as writer:
        tables["分群汇总"].to_excel(writer, sheet_name="分群汇总", index=False)
        for (cell,) in writer.sheets["分群汇总"].iter_rows(min_row=2, min_col=3, max_col=3):
            cell.number_format = "0.0%"
        for (cell,) in writer.sheets["分群汇总"].iter_rows(min_row=2, min_col=5, max_col=5):
            cell.number_format = "0.0%"
        tables["客户分群"].to_excel(writer, sheet_name="客户分群")
        cleaning.to_excel(writer, sheet_name="清洗报告", index=False)
        quality.to_excel(writer, sheet_name="清洗报告", index=False, startrow=len(cleaning) + 2)
        tables["对照组"].to_excel(writer, sheet_name="对照组")
        pd.DataFrame({"步骤": STEPS}).to_excel(writer, sheet_name="流程", index=False)
    assert list(tables["分群汇总"].columns[[2, 4]]) == ["客户占比", "消费额占比"]
    ours, theirs = _cells(paths["excel"]), _cells(reference)
    assert len(ours) > 4 * len(fitted.customers_)
    assert ours == theirs


def test_the_workbook_keeps_text_as_text_and_missing_as_empty(tmp_path):
    from custseg.process import _write_workbook

    frame = pd.DataFrame(
        {
            "编号": pd.array(["=1+1", "007", None], dtype="string[pyarrow]"),
            "金额": [1.5, np.nan, np.inf],
            "占比": [0.25, 0.5, 0.125],
        },
        index=pd.Index(["a", "b", "c"], name="客户"),
    )
    _write_workbook(tmp_path / "t.xlsx", {"表": [(frame, True)]}, percent=("占比",))
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["表"]
    rows = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][1] == ("=1+1", "s")  # never a formula
    assert rows[1][1] == ("007", "s")
    assert rows[2][1][0] is None and rows[1][2][0] is None
    assert rows[2][2] == ("inf", "s")
    assert [c.number_format for c in sheet["D"][1:]] == ["0.0%"] * 3
    assert [c.value for c in sheet[1]] == ["客户", "编号", "金额", "占比"]
    assert all(c.font.b for c in sheet["A"])


def test_command_line_on_a_chinese_gbk_file(tmp_path, capsys, online_retail):
    part = online_retail.dropna(subset=["customer_id"]).head(3000)
    orders = pd.DataFrame(
        {
            "客户编号": part["customer_id"],
            "下单时间": part["invoice_date"],
            "订单号": part["invoice_id"],
            "实付金额": part["amount"],
        }
    )
    path = tmp_path / "订单.csv"
    orders.to_csv(path, index=False, encoding="gbk")
    code = main(
        [
            "segment",
            str(path),
            "--out",
            str(tmp_path / "out"),
            "--column",
            "客户编号=customer_id",
            "--column",
            "下单时间=invoice_date",
            "--column",
            "订单号=invoice_id",
            "--column",
            "实付金额=amount",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    kept = part[~part["invoice_id"].str.startswith("C") & (part["amount"] > 0)]
    assert f"{kept['customer_id'].nunique():,} 位客户" in out
    assert (tmp_path / "out" / "report.html").exists()


def test_command_line_names_bad_input(tmp_path, capsys):
    path = tmp_path / "orders.csv"
    path.write_text("客户,日期,金额\nA,2024-01-01,5\n", encoding="utf-8")
    assert main(["segment", str(path), "--out", str(tmp_path / "o")]) == 2
    assert "customer_id" in capsys.readouterr().err
    assert main(["segment", str(path), "--out", str(tmp_path / "o"), "--column", "客户"]) == 2
    assert "客户编号=customer_id" in capsys.readouterr().err


def test_parameters_are_checked_at_fit(online_retail_clean):
    with pytest.raises(ValueError, match="scheme"):
        SegmentationProcess("rfm11").fit(online_retail_clean)
    with pytest.raises(ValueError, match="control_share"):
        SegmentationProcess(control_share=0.9).fit(online_retail_clean)


def test_step_functions_agree_with_the_one_call_process():
    from custseg.datasets import load_cn_orders
    from custseg.process import classify_customers, key_facts, strategy_table
    from custseg.rfm import rfm_table
    from custseg.segments import default_cutoffs

    orders = load_cn_orders()
    process = SegmentationProcess(control_share=0).fit(orders)
    facts = key_facts(orders).set_index("指标")["数值"]
    assert facts["客户数"] == f"{process.facts_['customers']:,}"
    assert facts["订单数"] == f"{orders['invoice_id'].nunique():,}"
    assert facts["前 20% 客户的销售额占比"] == f"{process.facts_['top20_share']:.1%}"
    assert facts["基尼系数"] == f"{process.facts_['gini']:.2f}"
    rfm = rfm_table(orders)
    segmented = classify_customers(rfm, **default_cutoffs(rfm))
    table = strategy_table(segmented, cost_per_customer=5).set_index("客户群")
    counts = segmented["segment"].value_counts()
    assert table["客户数"].to_dict() == counts.to_dict()
    assert (table["全部覆盖的成本"] == table["客户数"] * 5).all()
    revenue = segmented.groupby("segment")["monetary"].sum()
    assert list(table.index) == list(revenue.sort_values(ascending=False).index)
    higher = classify_customers(rfm, **{**default_cutoffs(rfm), "monetary": 5000})
    assert (higher["segment"] == "重要价值客户").sum() < counts["重要价值客户"]
