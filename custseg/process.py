"""The five-step segmentation process (客户分类流程) on a user's own orders, as one object.

数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估:

1. **Collect** (数据收集): read and clean the orders (:mod:`custseg.transactions`); the
   cleaning report says what was removed and why.
2. **Analyse** (数据分析): R, F, M per customer and how concentrated value is (Gini, the
   share of the top 20 %).
3. **Classify** (客户分类): RFM segments (``cn8`` or ``classic``), ABC classes and
   lifecycle stages for every customer.
4. **Strategy** (策略制定): per segment, its size and value and the recommended action of
   the rule table.
5. **Evaluate** (效果评估): a seeded control group held out of every segment, the metric
   to watch, and :meth:`SegmentationProcess.evaluate` to measure the effect on later orders
   (response rate, the increment over the control group with its confidence interval,
   incremental revenue).

:meth:`SegmentationProcess.write_report` writes what a marketer takes into a meeting: an
HTML report with charts and an Excel workbook. The command line does the same:
``custseg segment my_orders.xlsx --out report/``.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from custseg.abc_analysis import abc_classify, gini, top_share
from custseg.errors import DataError, ParameterError
from custseg.lifecycle import lifecycle_stages
from custseg.promotion import evaluate_campaign
from custseg.rfm import RFMScorer, customer_summary
from custseg.segments import RFMSegmenter
from custseg.transactions import (
    CLEANING_REASONS,
    clean_transactions,
    read_transactions,
    to_canonical,
)

__all__ = [
    "STEPS",
    "SegmentationProcess",
    "classify_customers",
    "key_facts",
    "strategy_table",
]

STEPS = ("数据收集", "数据分析", "客户分类", "策略制定", "效果评估")
"""The five steps, in order."""

_SEGMENT_COLUMNS = {
    "segment": "客户群",
    "customers": "客户数",
    "customer_share": "客户占比",
    "revenue": "消费额",
    "revenue_share": "消费额占比",
    "recency": "平均最近购买天数",
    "frequency": "平均购买次数",
    "monetary": "平均消费额",
    "action": "建议策略",
    "control": "对照组人数",
}


class SegmentationProcess(BaseEstimator):
    """Run the five steps on transactions and keep every intermediate result.

    Parameters
    ----------
    scheme : {"cn8", "classic"}, default "cn8"
        The RFM segment scheme (see :mod:`custseg.segments`).
    as_of : date-like, optional
        The analysis day; defaults to the day after the last purchase.
    control_share : float, default 0.1
        Share of each segment held out as a control group (not contacted), so the
        campaign's effect can be measured later; 0 for none, at most 0.5 (half and half).
    random_state : int, default 0
        Seed of the control-group draw.
    bins : int, default 5
        RFM score bands (fewer for a handful of customers).
    currency : str, default "元"
        The currency named in the report.
    cleaning : dict, optional
        Options of :func:`custseg.transactions.clean_transactions` (``drop_duplicates``,
        ``cancel_prefix``, ``refunds``); by default those declared on the data, else a
        user file's defaults.

    Attributes
    ----------
    clean_ : pandas.DataFrame
        The cleaned orders.
    cleaning_report_ : custseg.transactions.CleaningReport
    customers_ : pandas.DataFrame
        One row per customer: R, F, M, scores, ``segment``, ``action``, ``abc_class``,
        ``stage`` and ``group`` (``"营销组"`` or ``"对照组"``).
    segments_ : pandas.DataFrame
        One row per segment: size, value, means, action and control-group size.
    facts_ : dict
        Headline numbers: customers, orders, revenue, period, Gini, top-20 % share.

    Examples
    --------
    >>> from custseg.datasets import load_sample
    >>> process = SegmentationProcess().fit(load_sample())
    >>> int(process.facts_["customers"])
    150
    >>> bool(process.segments_["customers"].sum() == len(process.customers_))
    True
    """

    def __init__(
        self,
        scheme: str = "cn8",
        *,
        as_of: Any = None,
        control_share: float = 0.1,
        random_state: int = 0,
        bins: int = 5,
        currency: str = "元",
        cleaning: dict | None = None,
    ) -> None:
        self.scheme = scheme
        self.as_of = as_of
        self.control_share = control_share
        self.random_state = random_state
        self.bins = bins
        self.currency = currency
        self.cleaning = cleaning

    def _check_parameters(self) -> None:
        if self.scheme not in ("cn8", "classic"):
            raise ParameterError(
                f"scheme 只能是 'cn8' 或 'classic' (unknown scheme): {self.scheme!r}"
            )
        if not 0 <= float(self.control_share) <= 0.5:
            raise ParameterError(
                f"control_share 应在 0 到 0.5 之间 (must be in [0, 0.5]): {self.control_share!r}"
            )

    def fit(
        self,
        transactions: pd.DataFrame | str | os.PathLike,
        columns=None,
        *,
        read_options: dict | None = None,
    ):
        """Run steps 1-4 (and draw the control groups of step 5).

        Parameters
        ----------
        transactions : DataFrame or path
            Canonical transactions, or a file for
            :func:`custseg.transactions.read_transactions`.
        columns : mapping, optional
            Your column names to canonical ones (see :func:`read_transactions`).
        read_options : dict, optional
            For a file: ``sheet_name``, ``skip_rows``, ``sep``, ``encoding``,
            ``date_format`` of :func:`custseg.transactions.read_transactions`.

        Returns
        -------
        SegmentationProcess
            ``self``.
        """
        self._check_parameters()
        # Step 1: collect
        if isinstance(transactions, str | os.PathLike):
            orders = read_transactions(transactions, columns, **(read_options or {}))
        else:
            orders = to_canonical(transactions, columns)
        self.clean_, self.cleaning_report_ = clean_transactions(
            orders, as_of=self.as_of, **(self.cleaning or {})
        )
        if self.clean_.empty:
            counts = self.cleaning_report_.counts
            reasons = "；".join(
                f"{CLEANING_REASONS[key]} {count:,} 行" for key, count in counts.items() if count
            )
            raise DataError(f"清洗后没有剩下任何订单 (no valid orders after cleaning)：{reasons}")
        # Step 2: analyse (one pass over the orders serves the RFM table and the stages)
        summary = customer_summary(self.clean_, as_of=self.as_of)
        rfm = summary[["recency", "frequency", "monetary"]]
        self.facts_ = {
            "customers": len(rfm),
            "orders": int(self.clean_["invoice_id"].nunique())
            if "invoice_id" in self.clean_.columns
            else int(rfm["frequency"].sum()),
            "revenue": float(rfm["monetary"].sum()),
            "first_day": self.clean_["invoice_date"].min().date(),
            "last_day": self.clean_["invoice_date"].max().date(),
            "gini": gini(rfm["monetary"]),
            "top20_share": top_share(rfm["monetary"], 0.2),
        }
        # Step 3: classify
        if len(rfm) < int(self.bins):
            raise DataError(
                f"只有 {len(rfm)} 位客户，少于 RFM 分数档数 bins={self.bins} (too few customers)："
                f"请把 bins（命令行 --bins）设为 {max(len(rfm), 1)} 或更小；客户太少时分类的意义也有限。"
            )
        scored = RFMScorer(bins=int(self.bins)).fit_transform(rfm)
        customers = RFMSegmenter(scheme=self.scheme).fit_transform(scored)
        customers["abc_class"] = abc_classify(rfm["monetary"])["abc_class"]
        stages = lifecycle_stages(self.clean_, summary=summary)
        customers["stage"] = stages["stage"].reindex(customers.index)
        customers["group"] = self._draw_control(customers)
        self.customers_ = customers
        # Step 4: strategy
        self.segments_ = self._segment_table(customers)
        return self

    def _draw_control(self, customers: pd.DataFrame) -> pd.Series:
        rng = np.random.default_rng(self.random_state)
        group = pd.Series("营销组", index=customers.index, dtype="object")
        for _, members in customers.groupby("segment", sort=True).groups.items():
            size = int(np.floor(len(members) * float(self.control_share)))
            if size:
                group[rng.choice(np.asarray(members), size=size, replace=False)] = "对照组"
        return group

    @staticmethod
    def _segment_table(customers: pd.DataFrame) -> pd.DataFrame:
        grouped = customers.groupby("segment", sort=False)
        table = grouped[["recency", "frequency", "monetary"]].mean()
        table.insert(0, "customers", grouped.size())
        table.insert(1, "revenue", grouped["monetary"].sum())
        table.insert(1, "customer_share", table["customers"] / len(customers))
        table.insert(3, "revenue_share", table["revenue"] / table["revenue"].sum())
        table["action"] = grouped["action"].first()
        table["control"] = grouped["group"].apply(lambda g: int((g == "对照组").sum()))
        return table.sort_values("revenue", ascending=False).rename_axis("segment").reset_index()

    def evaluate(
        self,
        later_transactions: pd.DataFrame,
        *,
        revenue_per_response: float = 0.0,
        cost_per_contact: float = 0.0,
    ) -> pd.DataFrame:
        """Step 5: compare the marketing group with the control group on later orders.

        A customer "responds" when they buy at least once in ``later_transactions``
        (orders after the analysis). Without a campaign in between, the increment is about 0:
        this is how to check the method before spending money.

        Returns
        -------
        pandas.DataFrame
            From :func:`custseg.promotion.evaluate_campaign`, one row for everyone and
            one per segment: response rates, the increment and its confidence interval, p-value,
            incremental revenue and ROI.
        """
        check_is_fitted(self, "customers_")
        later, _ = clean_transactions(to_canonical(later_transactions))
        bought = later.groupby("customer_id")["amount"].sum()
        frame = self.customers_[["segment", "group"]].copy()
        frame["responded"] = np.where(frame.index.isin(bought.index), "yes", "no")
        return evaluate_campaign(
            frame,
            group_col="group",
            treatment="营销组",
            control="对照组",
            outcome_col="responded",
            positive="yes",
            segment_col="segment",
            revenue_per_response=revenue_per_response,
            cost_per_contact=cost_per_contact,
        )

    # ----- report -----------------------------------------------------------------
    def _figures(self) -> list[tuple[str, str]]:
        import matplotlib.pyplot as plt

        from custseg.plotting.abc_analysis import plot_lorenz
        from custseg.plotting.lifecycle import plot_lifecycle_stages
        from custseg.plotting.rfm import plot_segment_sizes

        figures = []
        for title, draw in (
            ("各客户群人数", lambda ax: plot_segment_sizes(self.customers_, ax=ax)),
            (
                "各客户群消费额",
                lambda ax: plot_segment_sizes(self.customers_, ax=ax, value="monetary"),
            ),
            (
                "客户价值集中度（洛伦兹曲线）",
                lambda ax: plot_lorenz(self.customers_["monetary"], ax=ax),
            ),
            ("客户生命周期阶段", lambda ax: plot_lifecycle_stages(self.customers_, ax=ax)),
        ):
            fig, ax = plt.subplots(figsize=(7, 4))
            draw(ax)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
            plt.close(fig)
            figures.append((title, base64.b64encode(buffer.getvalue()).decode("ascii")))
        return figures

    def segment_table(self) -> pd.DataFrame:
        """The strategy table with Chinese headers, as it appears in the report."""
        check_is_fitted(self, "segments_")
        return self.segments_.rename(columns=_SEGMENT_COLUMNS)

    def to_html(self) -> str:
        """The report as one self-contained HTML page (charts embedded), in Chinese."""
        check_is_fitted(self, "segments_")
        facts = self.facts_
        shown = self.segment_table()
        for share in ("客户占比", "消费额占比"):
            shown[share] = shown[share].map("{:.1%}".format)
        table = shown.to_html(index=False, float_format=lambda v: f"{v:,.2f}", classes="table")
        cleaning = self._quality_html()
        charts = "\n".join(
            f'<h3>{html.escape(title)}</h3><img alt="{html.escape(title)}" '
            f'src="data:image/png;base64,{data}">'
            for title, data in self._figures()
        )
        control = int((self.customers_["group"] == "对照组").sum())
        return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>客户分类报告</title>
<style>body{{font-family:"Noto Sans CJK SC",sans-serif;max-width:60em;margin:2em auto;line-height:1.6}}
.table{{border-collapse:collapse}}.table td,.table th{{border:1px solid #ccc;padding:4px 8px}}
img{{max-width:100%}}</style></head><body>
<h1>客户分类报告</h1>
<p>数据期间 {facts["first_day"]} 至 {facts["last_day"]}：{facts["customers"]:,} 位客户，
{facts["orders"]:,} 笔订单，消费额 {facts["revenue"]:,.2f} {html.escape(str(self.currency))}。</p>
<h2>第 1 步 数据收集</h2>{cleaning}
<h2>第 2 步 数据分析</h2>
<p>前 20% 的客户贡献了 {facts["top20_share"]:.1%} 的消费额；基尼系数 {facts["gini"]:.2f}。</p>
<h2>第 3 步 客户分类</h2>{charts}
<h2>第 4 步 策略制定</h2>{table}
<h2>第 5 步 效果评估</h2>
<p>每个客户群随机留出 {float(self.control_share):.0%} 作为对照组（共 {control} 人，名单见 Excel
“对照组”工作表），活动期间不联系他们。活动结束后比较营销组与对照组在活动后是否购买及消费额：
两组响应率的差值才是活动带来的增量（单位是百分点；两者之比叫提升度）。把活动结束后的订单交给本工具的“效果评估”，即可算出各客户群的
响应率、增量、置信区间和投资回报率（ROI）。</p>
</body></html>
"""

    def _quality_rows(self) -> list[tuple[str, str]]:
        """The data-quality facts in Chinese: rules applied, notes, suspicious dates."""
        report = self.cleaning_report_
        rules = report.rules
        rows = [
            (
                "删除完全重复的行",
                "是" if rules.get("drop_duplicates") else "否（相同的行都算作购买）",
            ),
            (
                "取消订单的单号开头",
                repr(rules["cancel_prefix"])
                if rules.get("cancel_prefix")
                else "无（不按单号判断）",
            ),
            (
                "退款",
                "从该客户最近的购买中扣除"
                if rules.get("refunds") == "net"
                else "删除（不冲减购买）",
            ),
        ]
        rows += [("说明", note) for note in report.notes]
        suspicious = report.removed[report.removed["reason"].isin(["after_as_of", "date_outlier"])]
        for index, row in suspicious.head(10).iterrows():
            rows.append(
                (
                    "可疑日期（已排除）",
                    f"客户 {row['customer_id']}，{row['invoice_date']:%Y-%m-%d}，"
                    f"金额 {row['amount']:,.2f}（原表索引 {index}）",
                )
            )
        if len(suspicious) > 10:
            rows.append(("可疑日期（已排除）", f"共 {len(suspicious):,} 行，见上表"))
        return rows

    def _quality_html(self) -> str:
        report = self.cleaning_report_
        table = report.to_frame().to_html(index=False, classes="table")
        items = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in self._quality_rows()
        )
        return f'{table}<h3>数据质量</h3><table class="table">{items}</table>'

    def _excel_tables(self) -> dict[str, pd.DataFrame]:
        from custseg.vocabulary import chinese_label

        summary = self.segment_table()
        for column in ("客户占比", "消费额占比"):
            summary[column] = summary[column].round(4)
        for column in ("消费额", "平均最近购买天数", "平均购买次数", "平均消费额"):
            summary[column] = summary[column].round(2)
        customers = self.customers_.copy()
        customers["monetary"] = customers["monetary"].round(2)
        customers = customers.rename(columns=chinese_label).rename_axis("客户编号")
        control = self.customers_.loc[self.customers_["group"] == "对照组", ["segment"]]
        control = control.rename(columns={"segment": "客户群"}).rename_axis("客户编号")
        return {"分群汇总": summary, "客户分群": customers, "对照组": control}

    def write_report(self, out: str | os.PathLike) -> dict[str, Path]:
        """Write ``report.html`` and ``report.xlsx`` into the folder ``out`` (created if needed).

        Returns
        -------
        dict
            ``{"html": path, "excel": path}``.
        """
        check_is_fitted(self, "segments_")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / "report.html"
        page.write_text(self.to_html(), encoding="utf-8")
        workbook = folder / "report.xlsx"
        tables = self._excel_tables()
        cleaning = self.cleaning_report_.to_frame()
        quality = pd.DataFrame(self._quality_rows(), columns=["数据质量", "内容"])
        _write_workbook(
            workbook,
            {
                "分群汇总": [(tables["分群汇总"], False)],
                "客户分群": [(tables["客户分群"], True)],
                "清洗报告": [(cleaning, False), (quality, False)],
                "对照组": [(tables["对照组"], True)],
                "流程": [(pd.DataFrame({"步骤": STEPS}), False)],
            },
            percent=("客户占比", "消费额占比"),
        )
        return {"html": page, "excel": workbook}


def _write_workbook(
    path: Path,
    sheets: dict[str, list[tuple[pd.DataFrame, bool]]],
    *,
    percent: tuple[str, ...] = (),
) -> None:
    """Write tables into a workbook as ``DataFrame.to_excel`` lays them out, much faster.

    Each sheet holds its tables one below the other, a blank row between them; a table
    is ``(frame, with_index)``. Headers (and index cells) are bold, centred and framed;
    text stays text (an id such as ``110105199001011234`` is never a number, a value
    starting with "=" is never a formula); missing values are empty cells; the
    ``percent`` columns are shown as percentages. openpyxl's streaming mode writes one
    row at a time instead of styling every cell, so a report on tens of thousands of
    customers is written in a fraction of the time.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook(write_only=True)
    thin = Side(style="thin")
    bold, frame_border = Font(bold=True), Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(horizontal="center", vertical="top")

    def header(sheet, value) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=_cell_value(value))
        cell.font, cell.border, cell.alignment = bold, frame_border, centred
        return cell

    def body(sheet, value, number_format: str | None) -> object:
        value = _cell_value(value)
        if number_format is None and not (isinstance(value, str) and value.startswith("=")):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        if number_format is not None:
            cell.number_format = number_format
        else:
            cell.data_type = "s"
        return cell

    for name, tables in sheets.items():
        sheet = book.create_sheet(name)
        for number, (frame, with_index) in enumerate(tables):
            if number:
                sheet.append([])
            names = [frame.index.name] if with_index else []
            sheet.append([header(sheet, v) for v in [*names, *frame.columns]])
            formats = ["0.0%" if column in percent else None for column in frame.columns]
            columns = [frame[column].tolist() for column in frame.columns]
            index = frame.index.tolist() if with_index else None
            for position, values in enumerate(zip(*columns, strict=True)):
                row = [header(sheet, index[position])] if with_index else []
                row += [body(sheet, v, f) for v, f in zip(values, formats, strict=True)]
                sheet.append(row)
            if not columns and with_index:
                for label in index:
                    sheet.append([header(sheet, label)])
    book.save(path)


def _cell_value(value: object) -> object:
    """A value openpyxl writes as pandas' ``to_excel`` does: missing is empty, inf is text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if value != value:
            return None
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
    return value


# The five steps one call at a time, for a group that takes the decision at each step.


def key_facts(transactions: pd.DataFrame, *, as_of: Any = None) -> pd.DataFrame:
    """Step 2 (数据分析) in one table: customers, orders, revenue and how concentrated it is.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean canonical transactions.
    as_of : date-like, optional
        The analysis day (default: the day after the last purchase).

    Returns
    -------
    pandas.DataFrame
        Columns ``指标`` and ``数值`` (text): 客户数, 订单数, 销售额（元）, 第一天, 最后一天,
        前 20% 客户的销售额占比, 基尼系数.

    Examples
    --------
    >>> from custseg.datasets import load_cn_orders
    >>> key_facts(load_cn_orders())["指标"].tolist()[:3]
    ['客户数', '订单数', '销售额（元）']
    """
    summary = customer_summary(transactions, as_of=as_of)
    money = summary["monetary"]
    orders = (
        int(transactions["invoice_id"].nunique())
        if "invoice_id" in transactions.columns
        else int(summary["frequency"].sum())
    )
    rows = [
        ("客户数", f"{len(summary):,}"),
        ("订单数", f"{orders:,}"),
        ("销售额（元）", f"{money.sum():,.0f}"),
        ("第一天", f"{transactions['invoice_date'].min():%Y-%m-%d}"),
        ("最后一天", f"{transactions['invoice_date'].max():%Y-%m-%d}"),
        ("前 20% 客户的销售额占比", f"{top_share(money, 0.2):.1%}"),
        ("基尼系数", f"{gini(money):.2f}"),
    ]
    return pd.DataFrame(rows, columns=["指标", "数值"])


def classify_customers(
    rfm: pd.DataFrame, *, recency: float, frequency: float, monetary: float
) -> pd.DataFrame:
    """Step 3 (客户分类): the cn8 segments with the cut-offs a group chose.

    Parameters
    ----------
    rfm : pandas.DataFrame
        From :func:`custseg.rfm.rfm_table`.
    recency : float
        Bought within this many days counts as recent (近).
    frequency : float
        More orders than this counts as frequent (多).
    monetary : float
        Spending more than this counts as high (高).

    Returns
    -------
    pandas.DataFrame
        ``rfm`` with ``segment``, ``segment_en`` and ``action`` (see
        :class:`custseg.segments.RFMSegmenter`).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 300], "frequency": [9, 1], "monetary": [900.0, 30.0]})
    >>> classify_customers(rfm, recency=30, frequency=2, monetary=100)["segment"].tolist()
    ['重要价值客户', '一般挽留客户']
    """
    cutoffs = {"recency": recency, "frequency": frequency, "monetary": monetary}
    return RFMSegmenter(cutoffs=cutoffs).fit_transform(rfm)


def strategy_table(segmented: pd.DataFrame, *, cost_per_customer: float) -> pd.DataFrame:
    """Step 4 (策略制定): per segment, its size and value, the suggested action and its cost.

    Parameters
    ----------
    segmented : pandas.DataFrame
        From :func:`classify_customers` or :func:`custseg.segments.segment_customers`.
    cost_per_customer : float
        What reaching one customer costs (元), e.g. a coupon and a message.

    Returns
    -------
    pandas.DataFrame
        One row per segment, largest revenue first: ``客户群``, ``客户数``, ``客户占比``,
        ``销售额占比`` (as "35.2%"), ``平均消费金额`` (元), ``建议策略`` and
        ``全部覆盖的成本`` (客户数 × cost_per_customer, 元).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 300, 8], "frequency": [9, 1, 1],
    ...                     "monetary": [900.0, 30.0, 40.0]})
    >>> segmented = classify_customers(rfm, recency=30, frequency=2, monetary=100)
    >>> strategy_table(segmented, cost_per_customer=5)[["客户群", "客户数", "全部覆盖的成本"]]
           客户群  客户数  全部覆盖的成本
    0  重要价值客户    1        5
    1  一般发展客户    1        5
    2  一般挽留客户    1        5
    """
    if not cost_per_customer >= 0:
        raise ParameterError(
            f"每位客户的成本 (cost_per_customer) 不能为负数：收到 {cost_per_customer!r}"
        )
    customers = segmented.assign(group="营销组")
    table = SegmentationProcess._segment_table(customers)
    return pd.DataFrame(
        {
            "客户群": table["segment"],
            "客户数": table["customers"],
            "客户占比": [f"{share:.1%}" for share in table["customer_share"]],
            "销售额占比": [f"{share:.1%}" for share in table["revenue_share"]],
            "平均消费金额": table["monetary"].round(0).astype("int64"),
            "建议策略": table["action"],
            "全部覆盖的成本": (table["customers"] * cost_per_customer).round(0).astype("int64"),
        }
    )
