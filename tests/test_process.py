"""The five-step process on real data, its report, and the command line."""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from custseg.cleaning import UCI_CONVENTIONS
from custseg.cli import main
from custseg.errors import DataError, ParameterError
from custseg.process import STEPS, SegmentationProcess, key_facts
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
    from custseg.report_document import write_workbook

    frame = pd.DataFrame(
        {
            "编号": pd.array(["=1+1", "007", None], dtype="string[pyarrow]"),
            "金额": [1.5, np.nan, np.inf],
            "占比": [0.25, 0.5, 0.125],
        },
        index=pd.Index(["a", "b", "c"], name="客户"),
    )
    write_workbook(tmp_path / "t.xlsx", {"表": [(frame, True)]}, percent=("占比",))
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


# ----- column keywords, the estimator contract and the old fit call ------------------------

RENAMED = {
    "customer_id": "CustomerID",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
    "invoice_id": "InvoiceNo",
}
KEYWORDS = {
    "customer_col": "CustomerID",
    "date_col": "InvoiceDate",
    "amount_col": "Sales",
    "invoice_col": "InvoiceNo",
}


@pytest.fixture(scope="module")
def autumn(online_retail):
    """The orders of September to December 2011, as the UCI file has them."""
    return online_retail[online_retail["invoice_date"] >= "2011-09-01"]


def _same_fit(ours, theirs, *, ids_as_text=False):
    if ids_as_text:  # a file's ids are read as text, the loader's as numbers
        assert list(ours.customers_.index) == list(theirs.customers_.index.astype(str))
        ours.customers_.index = theirs.customers_.index
    pd.testing.assert_frame_equal(ours.customers_, theirs.customers_)
    pd.testing.assert_frame_equal(ours.segments_, theirs.segments_)
    assert ours.facts_ == theirs.facts_


def test_renamed_columns_give_the_same_process(autumn):
    renamed = autumn.rename(columns=RENAMED)
    before = renamed.copy()
    ours = SegmentationProcess(**KEYWORDS).fit(renamed)
    canonical = SegmentationProcess().fit(autumn)
    _same_fit(ours, canonical)
    pd.testing.assert_frame_equal(renamed, before)  # fit never changes X
    november = autumn["invoice_date"] >= "2011-11-01"
    pd.testing.assert_frame_equal(
        ours.evaluate(renamed[november]), canonical.evaluate(autumn[november])
    )


def test_a_missing_renamed_column_is_named_as_given(autumn):
    renamed = autumn.rename(columns=RENAMED)
    with pytest.raises(DataError, match="'KundenNr'"):
        SegmentationProcess(**{**KEYWORDS, "customer_col": "KundenNr"}).fit(renamed)
    with pytest.raises(DataError, match="'Umsatz'"):
        key_facts(renamed, **{**KEYWORDS, "amount_col": "Umsatz"})
    with pytest.raises(ParameterError, match="customer_id"):
        SegmentationProcess(columns={"Kunde": "customer_id"}, customer_col="CustomerID").fit(
            renamed
        )


def test_key_facts_with_renamed_columns(online_retail_clean):
    part = online_retail_clean[online_retail_clean["invoice_date"] >= "2011-09-01"]
    ours = key_facts(part.rename(columns=RENAMED), **KEYWORDS)
    pd.testing.assert_frame_equal(ours, key_facts(part))
    assert ours.set_index("指标").loc["订单数", "数值"] == f"{part['invoice_id'].nunique():,}"


def _orders_file(autumn, tmp_path):
    part = autumn.dropna(subset=["customer_id"]).head(5000)
    path = tmp_path / "orders.csv"
    part.rename(columns=RENAMED)[[*RENAMED.values()]].to_csv(path, index=False)
    return part, path


def test_a_file_with_column_keywords_or_the_old_fit_call(autumn, tmp_path):
    part, path = _orders_file(autumn, tmp_path)
    rules = {"bins": 3, "cleaning": dict(UCI_CONVENTIONS)}
    expected = SegmentationProcess(**rules).fit(part[[*RENAMED]].reset_index(drop=True))
    ours = SegmentationProcess(**rules, **KEYWORDS).fit(path)
    _same_fit(ours, expected, ids_as_text=True)
    columns = {v: k for k, v in RENAMED.items()}
    old = SegmentationProcess(**rules)
    params = old.get_params()
    with pytest.deprecated_call(match="SegmentationProcess"):
        old.fit(path, columns=columns, read_options={"sep": ","})
    _same_fit(old, expected, ids_as_text=True)
    # the old arguments served that fit only: the parameters did not change
    assert old.get_params() == params
    assert old.columns is None and old.read_options is None
    with pytest.raises(DataError, match="customer_id"):
        old.fit(path)
    with pytest.deprecated_call(), pytest.raises(ParameterError, match="read_options"):
        SegmentationProcess(**rules).fit(path, columns=columns, read_options=["sep"])
    with pytest.deprecated_call():
        _same_fit(SegmentationProcess(**rules).fit(path, columns), expected, ids_as_text=True)
    with pytest.raises(ParameterError, match="read_options"):
        SegmentationProcess(columns=columns, read_options={"sheet": 0}).fit(path)


def test_parameters_follow_the_estimator_contract(online_retail_clean):
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    process = SegmentationProcess("classic", customer_col="CustomerID", bins=3)
    assert (
        repr(process) == "SegmentationProcess(bins=3, customer_col='CustomerID', scheme='classic')"
    )
    assert clone(process).get_params() == process.get_params()
    with pytest.raises(ParameterError, match="SegmentationProcess 的参数 bins"):
        SegmentationProcess(bins=12).fit(online_retail_clean)
    with pytest.raises(NotFittedError, match="还没有拟合"):
        SegmentationProcess().segment_table()


# ----- the report: its parts, and without matplotlib --------------------------------------

STEP_HEADINGS = [f"第 {n} 步 {step}" for n, step in enumerate(STEPS, 1)]
CHART_TITLES = [
    "各客户群人数",
    "各客户群消费额",
    "客户价值集中度（洛伦兹曲线）",
    "客户生命周期阶段",
]


def _outline(page: str) -> dict:
    """What a reader sees: headings, table header rows, image alt texts, paragraphs."""
    from html.parser import HTMLParser

    seen = {"h1": [], "h2": [], "h3": [], "p": [], "img": [], "tables": []}

    class Reader(HTMLParser):
        tag, row, in_head = None, None, False

        def handle_starttag(self, tag, attrs):
            if tag == "img":
                seen["img"].append(dict(attrs)["alt"])
            elif tag == "table":
                seen["tables"].append([])
            elif tag == "tr":
                self.row = []
            elif tag in seen or tag in ("th", "td"):
                self.tag, self.text = tag, ""

        def handle_endtag(self, tag):
            if tag in ("th", "td"):
                self.row.append(self.text)
            elif tag == "tr" and not seen["tables"][-1]:
                seen["tables"][-1].append(self.row)  # the header row
            elif tag in seen and tag == self.tag:
                seen[tag].append(self.text)
            if tag == self.tag:
                self.tag = None

        def handle_data(self, data):
            if self.tag:
                self.text += data

    Reader().feed(page)
    return seen


def test_the_report_page_has_every_step_table_and_chart(fitted):
    seen = _outline(fitted.to_html())
    assert seen["h1"] == ["客户分类报告"]
    assert seen["h2"] == STEP_HEADINGS
    assert seen["h3"] == ["数据质量", *CHART_TITLES]
    assert seen["img"] == CHART_TITLES
    headers = [table[0] for table in seen["tables"]]
    assert headers == [
        ["原因 (reason)", "删除行数 (rows removed)", "占比 (share)"],
        ["数据质量", "内容"],
        list(fitted.segment_table().columns),
    ]
    assert f"{fitted.facts_['top20_share']:.1%}" in seen["p"][1]


NO_MATPLOTLIB = """
import json, sys
import pandas as pd


class NoMatplotlib:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "matplotlib":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NoMatplotlib())
from custseg.cleaning import UCI_CONVENTIONS
from custseg.cli import main
from custseg.process import SegmentationProcess

folder = sys.argv[1]
early = pd.read_parquet(f"{folder}/early.parquet")
later = pd.read_parquet(f"{folder}/later.parquet")
process = SegmentationProcess(control_share=0.1, random_state=3, cleaning=UCI_CONVENTIONS)
process.fit(early)
result = process.evaluate(later)
paths = process.write_report(f"{folder}/report")
code = main(["segment", f"{folder}/orders.csv", "--out", f"{folder}/cli", "--bins", "3"])
print(json.dumps({
    "segments": process.segment_table().to_json(orient="split", force_ascii=False),
    "treated": int(result.iloc[0]["treatment_n"]),
    "cli": code,
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib"),
}))
"""


def test_everything_but_the_charts_works_without_matplotlib(fitted, online_retail, tmp_path):
    import json
    import subprocess
    import sys

    from custseg.report_document import CHARTS_NEED_PLOT

    early = online_retail[online_retail["invoice_date"] < "2011-09-01"]
    later = online_retail[online_retail["invoice_date"] >= "2011-09-01"]
    early.to_parquet(tmp_path / "early.parquet")
    later.to_parquet(tmp_path / "later.parquet")
    part = later.dropna(subset=["customer_id"]).head(2000)
    part[["customer_id", "invoice_id", "invoice_date", "amount"]].to_csv(
        tmp_path / "orders.csv", index=False
    )
    done = subprocess.run(
        [sys.executable, "-c", NO_MATPLOTLIB, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    found = json.loads(lines[-1])
    assert found["loaded"] == [] and found["cli"] == 0
    assert f"报告中没有图表 (no charts in the report)：{CHARTS_NEED_PLOT}" in lines
    segments = pd.read_json(io.StringIO(found["segments"]), orient="split")
    pd.testing.assert_frame_equal(segments, fitted.segment_table(), check_dtype=False)
    assert found["treated"] == (fitted.customers_["group"] == "营销组").sum()
    for folder in ("report", "cli"):
        seen = _outline((tmp_path / folder / "report.html").read_text(encoding="utf-8"))
        assert seen["h2"] == STEP_HEADINGS and seen["img"] == []
        assert CHARTS_NEED_PLOT in seen["p"]
        assert len(seen["tables"]) == 3
    book = openpyxl.load_workbook(tmp_path / "report" / "report.xlsx", read_only=True)
    assert book.sheetnames == ["分群汇总", "客户分群", "清洗报告", "对照组", "流程"]


def test_scheme_and_random_state_take_what_the_segmenter_and_clusterers_take(online_retail):
    from custseg.segment_rules import rule_table

    spring = online_retail[online_retail["invoice_date"] < "2011-04-01"]
    by_name = SegmentationProcess(scheme="classic", random_state=5).fit(spring)
    by_table = SegmentationProcess(scheme=rule_table("classic"), random_state=5).fit(spring)
    pd.testing.assert_series_equal(by_table.customers_["segment"], by_name.customers_["segment"])
    pd.testing.assert_series_equal(by_table.customers_["group"], by_name.customers_["group"])
    # a RandomState draws the control groups again alike from the same seed
    first, second = (
        SegmentationProcess(random_state=np.random.RandomState(8)).fit(spring) for _ in range(2)
    )
    pd.testing.assert_series_equal(first.customers_["group"], second.customers_["group"])
    shares = first.customers_.groupby("segment")["group"].apply(lambda g: (g == "对照组").mean())
    assert ((shares > 0.05) & (shares <= 0.1)).all()
    with pytest.raises(ParameterError, match="random_state"):
        SegmentationProcess(random_state="seed").fit(spring)
