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
HTML report with charts and an Excel workbook (:mod:`custseg.report_document`). Without
the plotting extra (``pip install "custseg[plot]"``) everything works and the report says
where its charts would be. The command line does the same:
``custseg segment my_orders.xlsx --out report/``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from numbers import Integral, Real
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils._param_validation import Interval, StrOptions

from custseg.abc_analysis import abc_classify, gini, top_share
from custseg.errors import DataError, ParameterError
from custseg.estimator_contract import check_fitted, validate_parameters
from custseg.frames import canonical_columns, columns_as_given
from custseg.lifecycle import lifecycle_stages
from custseg.promotion import evaluate_campaign
from custseg.report_document import CHARTS_NEED_PLOT, ReportPage, charts_available, write_workbook
from custseg.rfm import RFMScorer, customer_summary
from custseg.segment_rules import SCHEMES
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
_SHARES = ("客户占比", "消费额占比")
_READ_OPTIONS = ("sheet_name", "skip_rows", "sep", "encoding", "date_format")
_KEYWORDS = {
    "customer_col": "customer_id",
    "date_col": "invoice_date",
    "amount_col": "amount",
    "invoice_col": "invoice_id",
}


class SegmentationProcess(BaseEstimator):
    """Run the five steps on transactions and keep every intermediate result.

    Parameters
    ----------
    scheme : {"cn8", "classic"} or DataFrame, default "cn8"
        The RFM segment scheme, or your own rule table, as
        :class:`custseg.segments.RFMSegmenter` takes them.
    as_of : date-like, optional
        The analysis day; defaults to the day after the last purchase.
    control_share : float, default 0.1
        Share of each segment held out as a control group (not contacted), so the
        campaign's effect can be measured later; 0 for none, at most 0.5 (half and half).
    random_state : int, numpy.random.RandomState or None, default 0
        Seed of the control-group draw (as the clusterers take it).
    bins : int, default 5
        RFM score bands, 2 to 9 (fewer for a handful of customers).
    currency : str, default "元"
        The currency named in the report.
    cleaning : dict, optional
        Options of :func:`custseg.transactions.clean_transactions` (``drop_duplicates``,
        ``cancel_prefix``, ``refunds``); by default those declared on the data, else a
        user file's defaults.
    columns : mapping, optional
        Your column names to canonical ones, e.g. ``{"数量": "quantity", "单价":
        "unit_price"}`` (see :func:`custseg.transactions.read_transactions`); the four
        columns below can be named by their keywords instead.
    read_options : dict, optional
        For a file: ``sheet_name``, ``skip_rows``, ``sep``, ``encoding``, ``date_format``
        of :func:`custseg.transactions.read_transactions` (a table uses ``date_format``).
    customer_col, date_col, amount_col, invoice_col : str
        Names of the customer id, purchase date, amount and invoice number columns in the
        data given to :meth:`fit` and :meth:`evaluate`; by default the canonical
        ``customer_id``, ``invoice_date``, ``amount`` and ``invoice_id``.

    Attributes
    ----------
    clean_ : pandas.DataFrame
        The cleaned orders, with canonical column names.
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
    >>> renamed = load_sample().rename(columns={"customer_id": "CustomerID"})
    >>> SegmentationProcess(customer_col="CustomerID").fit(renamed).facts_["customers"]
    150
    """

    _parameter_constraints: dict = {
        "scheme": [StrOptions(set(SCHEMES)), pd.DataFrame],
        "as_of": "no_validation",  # any date-like value, checked when the orders are cleaned
        "control_share": [Interval(Real, 0, 0.5, closed="both")],
        "random_state": ["random_state"],
        "bins": [Interval(Integral, 2, 9, closed="both")],
        "currency": [str],
        "cleaning": [dict, None],
        "columns": [Mapping, None],
        "read_options": [dict, None],
        "customer_col": [str],
        "date_col": [str],
        "amount_col": [str],
        "invoice_col": [str],
    }

    def __init__(
        self,
        scheme: str | pd.DataFrame = "cn8",
        *,
        as_of: Any = None,
        control_share: float = 0.1,
        random_state: int | np.random.RandomState | None = 0,
        bins: int = 5,
        currency: str = "元",
        cleaning: dict | None = None,
        columns: Mapping[str, str] | None = None,
        read_options: dict | None = None,
        customer_col: str = "customer_id",
        date_col: str = "invoice_date",
        amount_col: str = "amount",
        invoice_col: str = "invoice_id",
    ) -> None:
        self.scheme = scheme
        self.as_of = as_of
        self.control_share = control_share
        self.random_state = random_state
        self.bins = bins
        self.currency = currency
        self.cleaning = cleaning
        self.columns = columns
        self.read_options = read_options
        self.customer_col = customer_col
        self.date_col = date_col
        self.amount_col = amount_col
        self.invoice_col = invoice_col

    def fit(
        self,
        X: pd.DataFrame | str | os.PathLike,
        y: None = None,
        *,
        columns: Mapping[str, str] | None = None,
        read_options: dict | None = None,
    ) -> SegmentationProcess:
        """Run steps 1-4 (and draw the control groups of step 5).

        Parameters
        ----------
        X : DataFrame or path
            The orders, or a file for :func:`custseg.transactions.read_transactions`.
            Not modified.
        y : None
            Ignored (scikit-learn's convention).
        columns, read_options
            Deprecated: give them to ``SegmentationProcess(columns=..., read_options=...)``.
            Still work for this fit only, with a :class:`DeprecationWarning`; the
            parameters of the same names (``get_params()``) stay as they were.

        Returns
        -------
        SegmentationProcess
            ``self``.
        """
        if isinstance(y, Mapping) and columns is None:  # the old fit(transactions, columns)
            columns, y = y, None
        validate_parameters(self)
        columns, read_options = self._fit_settings(columns, read_options)
        self._check_settings(columns, read_options)
        # Step 1: collect
        orders = self._orders(X, columns, read_options)
        self._read_settings_ = (columns, read_options)  # later orders are read alike
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
        if len(rfm) < self.bins:
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

    def _fit_settings(self, columns: Any, read_options: Any) -> tuple[Any, Any]:
        """The columns and read options of this fit: the deprecated fit arguments, if given,
        else the parameters (which the deprecated arguments never change)."""
        given = {
            name: value
            for name, value in (("columns", columns), ("read_options", read_options))
            if value is not None
        }
        if not given:
            return self.columns, self.read_options
        names = ", ".join(f"{name}=..." for name in given)
        warnings.warn(
            f"fit({names}) 已不再使用，请改为 SegmentationProcess({names}).fit(X) "
            f"(deprecated: pass {names} to SegmentationProcess(...), then call fit(X))",
            DeprecationWarning,
            stacklevel=3,
        )
        for name, kind, wanted in (
            ("columns", Mapping, "字典 (mapping)"),
            ("read_options", dict, "字典 (dict)"),
        ):
            if name in given and not isinstance(given[name], kind):
                raise ParameterError(
                    f"fit 的参数 {name} 必须是{wanted} (must be a {kind.__name__}), "
                    f"收到 (got) {given[name]!r}"
                )
        return given.get("columns", self.columns), given.get("read_options", self.read_options)

    def _keywords(self) -> dict[str, str]:
        return {keyword: getattr(self, keyword) for keyword in _KEYWORDS}

    def _check_settings(self, columns: Any, read_options: Any) -> None:
        """What the constraints cannot say: read options by name, one column per role."""
        unknown = sorted(set(read_options or {}) - set(_READ_OPTIONS))
        if unknown:
            raise ParameterError(
                f"read_options 不认识 {unknown}，可用的有 {list(_READ_OPTIONS)} "
                f"(unknown read options)"
            )
        named = {_KEYWORDS[k]: (k, v) for k, v in self._keywords().items() if v != _KEYWORDS[k]}
        for yours, canonical in (columns or {}).items():
            if canonical in named:
                keyword, name = named[canonical]
                raise ParameterError(
                    f"{canonical} 列给了两次：columns 中的 {yours!r} 和 {keyword}={name!r}，"
                    f"请只保留一个 (column {canonical!r} named twice)"
                )

    def _orders(
        self, data: pd.DataFrame | str | os.PathLike, columns: Any, read_options: Any
    ) -> pd.DataFrame:
        """Canonical transactions from a file or a table, with the columns as named."""
        options = dict(read_options or {})
        keywords = self._keywords()
        if isinstance(data, str | os.PathLike):
            mapping = {
                **(columns or {}),
                **{name: _KEYWORDS[k] for k, name in keywords.items() if name != _KEYWORDS[k]},
            }
            return read_transactions(data, mapping or None, **options)
        roles = {"customer": "customer_col", "date": "date_col", "amount": "amount_col"}
        needed = [role for role, k in roles.items() if keywords[k] != _KEYWORDS[k]]
        renamed = canonical_columns(data, **keywords, needed=needed)
        with columns_as_given(**keywords):
            return to_canonical(
                renamed, dict(columns or {}) or None, date_format=options.get("date_format")
            )

    def _draw_control(self, customers: pd.DataFrame) -> pd.Series:
        seed = self.random_state
        rng = seed if isinstance(seed, np.random.RandomState) else np.random.default_rng(seed)
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
        later_transactions: pd.DataFrame | str | os.PathLike,
        *,
        revenue_per_response: float = 0.0,
        cost_per_contact: float = 0.0,
    ) -> pd.DataFrame:
        """Step 5: compare the marketing group with the control group on later orders.

        A customer "responds" when they buy at least once in ``later_transactions``
        (orders after the analysis, with the same columns and cleaning rules as the data
        given to :meth:`fit`). Without a campaign in between, the increment is about 0:
        this is how to check the method before spending money.

        Returns
        -------
        pandas.DataFrame
            From :func:`custseg.promotion.evaluate_campaign`, one row for everyone and
            one per segment: response rates, the increment and its confidence interval, p-value,
            incremental revenue and ROI.

        Examples
        --------
        >>> from custseg.datasets import load_sample
        >>> orders = load_sample()
        >>> early = orders[orders["invoice_date"] < "2011-09-01"]
        >>> later = orders[orders["invoice_date"] >= "2011-09-01"]
        >>> process = SegmentationProcess(control_share=0.5, bins=3).fit(early)
        >>> result = process.evaluate(later)
        >>> int(result["treatment_n"].iloc[0] + result["control_n"].iloc[0]) == len(
        ...     process.customers_)
        True
        """
        check_fitted(self, "customers_")
        orders = self._orders(later_transactions, *self._read_settings_)
        later, _ = clean_transactions(orders, **(self.cleaning or {}))
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
        from custseg.report_document import png_data

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
            figures.append((title, png_data(fig)))
        return figures

    def segment_table(self) -> pd.DataFrame:
        """The strategy table with Chinese headers, as it appears in the report.

        Examples
        --------
        >>> from custseg.datasets import load_sample
        >>> table = SegmentationProcess().fit(load_sample()).segment_table()
        >>> list(table.columns[:3])
        ['客户群', '客户数', '客户占比']
        """
        check_fitted(self, "segments_")
        return self.segments_.rename(columns=_SEGMENT_COLUMNS)

    def to_html(self) -> str:
        """The report as one self-contained HTML page in Chinese.

        The charts are embedded; without matplotlib (the plotting extra) the page says
        in their place how to get them.
        """
        check_fitted(self, "segments_")
        facts = self.facts_
        page = ReportPage("客户分类报告").paragraph(
            f"数据期间 {facts['first_day']} 至 {facts['last_day']}：{facts['customers']:,} 位客户，"
            f"{facts['orders']:,} 笔订单，消费额 {facts['revenue']:,.2f} {self.currency}。"
        )
        page.heading(f"第 1 步 {STEPS[0]}").table(self.cleaning_report_.to_frame())
        page.heading("数据质量", level=3).table(self._quality_frame())
        page.heading(f"第 2 步 {STEPS[1]}").paragraph(
            f"前 20% 的客户贡献了 {facts['top20_share']:.1%} 的消费额；基尼系数 {facts['gini']:.2f}。"
        )
        page.heading(f"第 3 步 {STEPS[2]}")
        if charts_available():
            for title, data in self._figures():
                page.figure(title, data)
        else:
            page.paragraph(CHARTS_NEED_PLOT)
        page.heading(f"第 4 步 {STEPS[3]}").table(
            self.segment_table(), formats={share: "{:.1%}" for share in _SHARES}
        )
        control = int((self.customers_["group"] == "对照组").sum())
        page.heading(f"第 5 步 {STEPS[4]}").paragraph(
            f"每个客户群随机留出 {float(self.control_share):.0%} 作为对照组（共 {control} 人，名单见 Excel"
            "“对照组”工作表），活动期间不联系他们。活动结束后比较营销组与对照组在活动后是否购买及消费额："
            "两组响应率的差值才是活动带来的增量（单位是百分点；两者之比叫提升度）。"
            "把活动结束后的订单交给本工具的“效果评估”，即可算出各客户群的"
            "响应率、增量、置信区间和投资回报率（ROI）。"
        )
        return page.html()

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

    def _quality_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self._quality_rows(), columns=["数据质量", "内容"])

    def _excel_tables(self) -> dict[str, pd.DataFrame]:
        from custseg.vocabulary import chinese_label

        summary = self.segment_table()
        for column in _SHARES:
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

        Examples
        --------
        >>> import tempfile
        >>> from custseg.datasets import load_sample
        >>> paths = SegmentationProcess().fit(load_sample()).write_report(tempfile.mkdtemp())
        >>> sorted(path.name for path in paths.values())
        ['report.html', 'report.xlsx']
        """
        check_fitted(self, "segments_")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / "report.html"
        page.write_text(self.to_html(), encoding="utf-8")
        workbook = folder / "report.xlsx"
        tables = self._excel_tables()
        write_workbook(
            workbook,
            {
                "分群汇总": [(tables["分群汇总"], False)],
                "客户分群": [(tables["客户分群"], True)],
                "清洗报告": [
                    (self.cleaning_report_.to_frame(), False),
                    (self._quality_frame(), False),
                ],
                "对照组": [(tables["对照组"], True)],
                "流程": [(pd.DataFrame({"步骤": STEPS}), False)],
            },
            percent=_SHARES,
        )
        return {"html": page, "excel": workbook}


# The five steps one call at a time, for a group that takes the decision at each step.


def key_facts(
    transactions: pd.DataFrame,
    *,
    as_of: Any = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Step 2 (数据分析) in one table: customers, orders, revenue and how concentrated it is.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean transactions. Not modified.
    as_of : date-like, optional
        The analysis day (default: the day after the last purchase).
    customer_col, date_col, amount_col, invoice_col : str
        The columns of the customer id, purchase date, amount and invoice number (orders
        are counted by invoice when that column is present, else by purchase day).

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
    >>> renamed = load_cn_orders().rename(columns={"customer_id": "客户编号"})
    >>> key_facts(renamed, customer_col="客户编号").equals(key_facts(load_cn_orders()))
    True
    """
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    transactions = canonical_columns(transactions, **columns)
    with columns_as_given(**columns):
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
