"""The ROI simulator: its arithmetic agrees with the campaign evaluation, its table with the sliders."""

from __future__ import annotations

import re

import numpy as np
import pytest

from custseg.plotting.promotion import plot_roi_curve
from custseg.promotion import (
    contact_history_groups,
    evaluate_campaign,
    promotion_roi,
    promotion_roi_table,
)
from custseg.widgets.promotion import promotion_roi_simulator


def _cell(html: str, name: str) -> str:
    return re.search(rf"<th>{re.escape(name)}</th><td>([^<]*)</td>", html).group(1)


def _number(text: str) -> float:
    return float(re.match(r"-?[\d,.]+", text).group(0).replace(",", ""))


def test_simulator_agrees_with_evaluate_campaign_on_bank(bank):
    clients = bank.assign(contact_history=contact_history_groups(bank))
    result = evaluate_campaign(
        clients,
        group_col="contact_history",
        treatment="此前联系过",
        control="首次联系",
        outcome_col="y",
        revenue_per_response=120,
        cost_per_contact=7,
    ).iloc[0]
    treated = clients["pdays"] >= 0
    responded = clients["y"] == "yes"
    forecast = promotion_roi(
        targets=int(treated.sum()),
        cost_per_contact=7,
        revenue_per_response=120,
        response_rate=responded[treated].mean(),
        baseline_rate=responded[~treated].mean(),
    )
    for name in ("incremental_revenue", "cost", "roi"):
        assert forecast[name] == pytest.approx(result[name], rel=1e-12), name
    lift = responded[treated].sum() / treated.sum() - responded[~treated].sum() / (~treated).sum()
    assert forecast["incremental_responses"] == pytest.approx(lift * treated.sum(), rel=1e-12)


def test_sliders_update_the_table():
    box = promotion_roi_simulator()
    sliders, table, _ = box.children
    targets, cost, revenue, rate, baseline = sliders.children
    # defaults: 1000 x (10% - 5%) = 50 extra responses x 100 = 5000 against 1000 x 5 = 5000
    assert _number(_cell(table.value, "利润")) == 0
    targets.value, cost.value, revenue.value, rate.value, baseline.value = 2000, 8, 120, 0.2, 0.1
    html = table.value
    assert _number(_cell(html, "增量响应（次）")) == pytest.approx(2000 * 0.1)
    assert _number(_cell(html, "增量收入")) == pytest.approx(2000 * 0.1 * 120)
    assert _number(_cell(html, "联系成本")) == 2000 * 8
    assert _number(_cell(html, "利润")) == pytest.approx(2000 * 0.1 * 120 - 16000)
    assert _cell(html, "ROI") == "50.0%"
    assert _cell(html, "保本响应率") == f"{0.1 + 8 / 120:.1%}"
    cost.value = 50  # 50 per call, 120 per response: even 100% response cannot pay
    revenue.value = 40
    assert "不可能保本" in _cell(table.value, "保本响应率")
    assert "亏损" in _cell(table.value, "利润")
    # the table is the one the course calls directly, row for row
    plan = {
        "targets": 2000,
        "cost_per_contact": 50,
        "revenue_per_response": 40,
        "response_rate": 0.2,
        "baseline_rate": 0.1,
    }
    for name, value in promotion_roi_table(**plan).itertuples(index=False):
        assert _cell(table.value, name) == value


def test_chart_follows_every_slider():
    box = promotion_roi_simulator(response_rate=0.15, baseline_rate=0.09)
    sliders, _, figure = box.children
    targets, cost, revenue, rate, baseline = sliders.children
    curve, zero, even_line, point = figure.marks
    x_scale, y_scale = curve.scales["x"], curve.scales["y"]

    def check() -> bool:
        plan = {
            "targets": targets.value,
            "cost_per_contact": cost.value,
            "revenue_per_response": revenue.value,
            "baseline_rate": baseline.value,
        }
        rates, profit = np.asarray(curve.x, dtype=float), np.asarray(curve.y, dtype=float)
        expected = [promotion_roi(response_rate=r, **plan)["profit"] for r in rates]
        np.testing.assert_allclose(profit, expected, rtol=1e-12, atol=1e-9)
        assert rates[0] == 0 and np.all(np.diff(rates) > 0)
        assert rate.value <= rates[-1] <= 1 and x_scale.max == pytest.approx(rates[-1])
        mine = promotion_roi(response_rate=rate.value, **plan)["profit"]
        assert list(point.x) == [rate.value] and list(point.y) == pytest.approx([mine])
        assert list(zero.y) == [0, 0]
        assert y_scale.min < min(0, profit.min()) and y_scale.max > max(0, profit.max())
        assert f"联系 {targets.value:,} 人" in figure.title
        assert f"{baseline.value:.1%} 响应" in figure.title
        shown = bool(even_line.visible)
        assert bool(even_line.display_legend) is shown
        if revenue.value > 0:
            even = baseline.value + cost.value / revenue.value
            assert shown == bool(even <= rates[-1])
        else:
            assert not shown
        if shown:
            assert list(even_line.x) == pytest.approx([even, even])
            assert np.interp(even, rates, profit) == pytest.approx(0, abs=1e-6 * targets.value)
            assert list(even_line.labels) == [f"保本响应率 {even:.1%}"]
        return shown

    assert check()
    targets.value = 2000
    assert check()
    cost.value = 8
    assert check()
    revenue.value = 120
    assert check()
    rate.value = 0.3
    assert check()
    baseline.value = 0.2
    assert check()
    cost.value = 50  # 50 per contact, 40 per response: break-even above 100%, no line
    revenue.value = 40
    assert not check()
    revenue.value = 0
    assert not check()
    revenue.value = 500
    assert check()


def test_widget_draws_the_static_curve():
    plan = {
        "targets": 3000,
        "cost_per_contact": 4.0,
        "revenue_per_response": 60.0,
        "response_rate": 0.12,
        "baseline_rate": 0.03,
    }
    curve = promotion_roi_simulator(**plan).children[-1].marks[0]
    ax = plot_roi_curve(**plan)
    rates, profit = ax.lines[0].get_data()
    np.testing.assert_allclose(curve.x, rates)
    np.testing.assert_allclose(curve.y, profit)
