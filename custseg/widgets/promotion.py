"""Plan a promotion's budget: cost, incremental revenue, ROI and break-even, the module 10 widget.

The arithmetic is the one :func:`custseg.promotion.evaluate_campaign` uses after a campaign,
run forwards with planned numbers: ``targets`` customers are contacted at ``cost_per_contact``
each; a share ``response_rate`` of them respond, of whom ``baseline_rate`` would have
responded anyway (the control group's rate); each response brings ``revenue_per_response``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import ipywidgets as widgets
import numpy as np

from custseg.errors import DataError
from custseg.widgets.live import PALETTE, LiveChart

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_roi_curve", "promotion_roi", "promotion_roi_simulator"]


def promotion_roi(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float = 0.0,
) -> dict[str, float]:
    """Cost, incremental revenue, profit, ROI and break-even response rate of a planned promotion.

    Parameters
    ----------
    targets : int
        Customers to contact (促销对象的人数).
    cost_per_contact : float
        Cost of contacting one customer (call, mail, coupon...).
    revenue_per_response : float
        Revenue (or margin) from one response.
    response_rate : float
        Expected response rate of the contacted customers, in [0, 1].
    baseline_rate : float, default 0
        Response rate without the promotion (a control group's rate), in [0, 1].

    Returns
    -------
    dict of str to float
        ``incremental_responses = (response_rate - baseline_rate) * targets``;
        ``incremental_revenue = incremental_responses * revenue_per_response``;
        ``cost = targets * cost_per_contact``; ``profit = incremental_revenue - cost``;
        ``roi = profit / cost`` (NaN when the cost is 0);
        ``break_even_rate = baseline_rate + cost_per_contact / revenue_per_response``, the
        response rate at which the profit is 0 (NaN when the revenue is 0; above 1 means
        the promotion cannot pay for itself).

    Raises
    ------
    DataError
        A negative number, no targets, or a rate outside [0, 1] (naming the parameter).

    Examples
    --------
    >>> result = promotion_roi(targets=1000, cost_per_contact=5, revenue_per_response=100,
    ...     response_rate=0.12, baseline_rate=0.04)
    >>> {name: round(value, 4) for name, value in result.items()}
    {'incremental_responses': 80.0, 'incremental_revenue': 8000.0, 'cost': 5000.0, 'profit': 3000.0, 'roi': 0.6, 'break_even_rate': 0.09}
    """
    if not targets > 0:
        raise DataError(f"目标客户数 (targets) 必须大于 0，收到 {targets!r}")
    for name, value in (
        ("cost_per_contact", cost_per_contact),
        ("revenue_per_response", revenue_per_response),
    ):
        if not value >= 0:
            raise DataError(f"{name} 不能为负数 (must be >= 0)，收到 {value!r}")
    for name, value in (("response_rate", response_rate), ("baseline_rate", baseline_rate)):
        if not 0 <= value <= 1:
            raise DataError(f"{name} 必须在 0 和 1 之间 (must be in [0, 1])，收到 {value!r}")
    incremental = (float(response_rate) - float(baseline_rate)) * float(targets)
    revenue = incremental * float(revenue_per_response)
    cost = float(targets) * float(cost_per_contact)
    return {
        "incremental_responses": incremental,
        "incremental_revenue": revenue,
        "cost": cost,
        "profit": revenue - cost,
        "roi": (revenue - cost) / cost if cost > 0 else math.nan,
        "break_even_rate": (
            float(baseline_rate) + float(cost_per_contact) / float(revenue_per_response)
            if revenue_per_response > 0
            else math.nan
        ),
    }


_CURVE = "利润 = 增量收入 − 联系成本"
_PLAN = "你的计划"


def _roi_curve(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float,
) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """Response rates from 0 to past the plan and break-even, their profits, and the plan.

    The rates reach 1.5 times the planned rate, the baseline plus 5 points and 1.5 times
    the break-even rate (when at most 1), but not beyond 1; 101 rates in all.
    """
    settings = {
        "targets": targets,
        "cost_per_contact": cost_per_contact,
        "revenue_per_response": revenue_per_response,
        "baseline_rate": baseline_rate,
    }
    plan = promotion_roi(response_rate=response_rate, **settings)
    even = plan["break_even_rate"]
    reach = [response_rate * 1.5, baseline_rate + 0.05]
    if np.isfinite(even) and even <= 1:
        reach.append(even * 1.5)
    rates = np.linspace(0.0, min(max(reach), 1.0), 101)
    profit = np.array([promotion_roi(response_rate=r, **settings)["profit"] for r in rates])
    return rates, profit, plan


def _within(even: float, rates: np.ndarray) -> bool:
    return bool(np.isfinite(even) and even <= rates[-1])


def _even_label(even: float) -> str:
    return f"保本响应率 {even:.1%}"


def _title(targets: int, baseline_rate: float) -> str:
    return f"促销收益模拟：联系 {targets:,} 人，不做活动也会有 {baseline_rate:.1%} 响应"


def plot_roi_curve(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float = 0.0,
    ax: Axes | None = None,
) -> Axes:
    """Profit against response rate: the plan as a point, break-even as a dashed line.

    Parameters are those of :func:`promotion_roi`; ``ax`` is where to draw (a new figure if
    omitted).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.lines[0]`` is the profit curve, ``ax.lines[1]`` the zero line, ``ax.lines[2]``
        the break-even rate (drawn when it is within reach), ``ax.collections[0]`` the plan.

    Examples
    --------
    >>> ax = plot_roi_curve(targets=1000, cost_per_contact=5, revenue_per_response=100,
    ...     response_rate=0.12, baseline_rate=0.04)
    >>> ax.collections[0].get_offsets().tolist()
    [[0.12, 3000.0]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    import matplotlib.pyplot as plt

    from custseg.plotting.style import chinese_font_context, pin_chinese_font

    rates, profit, plan = _roi_curve(
        targets=targets,
        cost_per_contact=cost_per_contact,
        revenue_per_response=revenue_per_response,
        response_rate=response_rate,
        baseline_rate=baseline_rate,
    )
    even = plan["break_even_rate"]
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        ax.plot(rates, profit, color=PALETTE[0], label=_CURVE)
        ax.axhline(0, color="grey", lw=1)
        if _within(even, rates):
            ax.axvline(even, color=PALETTE[3], ls="--", lw=1, label=_even_label(even))
        ax.scatter([response_rate], [plan["profit"]], color=PALETTE[1], zorder=3, s=60, label=_PLAN)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel("活动组响应率 (response rate)")
        ax.set_ylabel("利润 (profit)")
        ax.set_title(_title(targets, baseline_rate))
        ax.legend(loc="upper left", fontsize=8)
        ax.grid(alpha=0.3)
        pin_chinese_font(ax)
    return ax


def _result_html(result: dict[str, float]) -> str:
    roi = "无法计算（成本为 0）" if math.isnan(result["roi"]) else f"{result['roi']:.1%}"
    even = result["break_even_rate"]
    if math.isnan(even):
        even_text = "无法计算（单次响应收入为 0）"
    elif even > 1:
        even_text = f"{even:.1%}（超过 100%：这个方案不可能保本）"
    else:
        even_text = f"{even:.1%}"
    profit = round(result["profit"], 2)
    verdict = "盈利" if profit > 0 else ("持平" if profit == 0 else "亏损")
    rows = [
        ("增量响应（次）", f"{result['incremental_responses']:,.1f}"),
        ("增量收入", f"{result['incremental_revenue']:,.0f}"),
        ("联系成本", f"{result['cost']:,.0f}"),
        ("利润", f"{result['profit']:,.0f}（{verdict}）"),
        ("ROI", roi),
        ("保本响应率", even_text),
    ]
    body = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return f"<table>{body}</table>"


def promotion_roi_simulator(
    *,
    targets: int = 1000,
    cost_per_contact: float = 5.0,
    revenue_per_response: float = 100.0,
    response_rate: float = 0.10,
    baseline_rate: float = 0.05,
) -> widgets.VBox:
    """Five sliders for a promotion plan and its cost, incremental revenue, ROI and break-even.

    Parameters
    ----------
    targets, cost_per_contact, revenue_per_response, response_rate, baseline_rate
        Where the sliders start; see :func:`promotion_roi`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the five sliders (targets, cost per contact, revenue per
        response, expected response rate, response rate without the promotion), the result
        table (HTML, from :func:`promotion_roi`) and the chart (a bqplot Figure, as
        :func:`plot_roi_curve`: the profit against the response rate, the zero line, the
        break-even rate as a dashed vertical line with its value in the legend, shown when
        within the curve's reach, and the plan as a point).
    """
    promotion_roi(
        targets=targets,
        cost_per_contact=cost_per_contact,
        revenue_per_response=revenue_per_response,
        response_rate=response_rate,
        baseline_rate=baseline_rate,
    )  # refuse a bad starting plan before building the sliders
    style = {"description_width": "initial"}
    common = {"style": style, "continuous_update": False}
    sliders = {
        "targets": widgets.IntSlider(
            value=int(targets),
            min=100,
            max=max(20_000, int(targets)),
            step=100,
            description="目标客户数（人）",
            **common,
        ),
        "cost_per_contact": widgets.FloatSlider(
            value=float(cost_per_contact),
            min=0.0,
            max=max(50.0, float(cost_per_contact)),
            step=0.5,
            description="每次联系成本",
            **common,
        ),
        "revenue_per_response": widgets.FloatSlider(
            value=float(revenue_per_response),
            min=0.0,
            max=max(500.0, float(revenue_per_response)),
            step=5.0,
            description="每次响应带来的收入",
            **common,
        ),
        "response_rate": widgets.FloatSlider(
            value=float(response_rate),
            min=0.0,
            max=0.5,
            step=0.005,
            readout_format=".1%",
            description="预计响应率（活动组）",
            **common,
        ),
        "baseline_rate": widgets.FloatSlider(
            value=float(baseline_rate),
            min=0.0,
            max=0.5,
            step=0.005,
            readout_format=".1%",
            description="不做活动的响应率（对照组）",
            **common,
        ),
    }
    table = widgets.HTML()
    chart = LiveChart(
        x_label="活动组响应率 (response rate)",
        y_label="利润 (profit)",
        x_format=".1~%",
        y_format=",~f",
        x_min=0,
        size=(720, 420),
        left=90,
        legend=True,
    )
    chart.figure.legend_location = "top-left"
    curve = chart.lines([0, 1], [0, 0], color=PALETTE[0], label=_CURVE)
    chart.hline(0)
    even_line = chart.vline(0, label=_even_label(0))
    point = chart.scatter([0], [0], color=PALETTE[1], label=_PLAN, size=80, opacity=1.0,
                          tooltip_labels=("响应率", "利润"))  # fmt: skip
    point.tooltip.formats = [".1%", ",.0f"]

    def update(change: dict | None = None) -> None:
        plan = {name: slider.value for name, slider in sliders.items()}
        rates, profit, result = _roi_curve(**plan)
        table.value = _result_html(result)
        even = result["break_even_rate"]
        low, high = min(profit.min(), 0.0), max(profit.max(), 0.0)
        pad = 0.06 * (high - low) or 1.0
        with chart.hold():
            chart.figure.title = _title(plan["targets"], plan["baseline_rate"])
            chart.x.max = float(rates[-1])
            chart.y.min, chart.y.max = low - pad, high + pad
            curve.x, curve.y = rates, profit
            shown = _within(even, rates)
            even_line.x = [even, even] if shown else [0.0, 0.0]
            even_line.labels = [_even_label(even)] if shown else []
            even_line.visible = even_line.display_legend = shown
            point.x, point.y = [plan["response_rate"]], [result["profit"]]

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(sliders.values())), table, chart.figure])
