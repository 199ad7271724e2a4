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
