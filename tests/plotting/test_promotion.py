"""custseg.plotting.promotion: response rates and lift per segment on Bank Marketing."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from custseg.plotting import palette
from custseg.plotting.promotion import plot_campaign_lift, plot_response_rates, plot_roi_curve
from custseg.promotion import contact_history_groups, evaluate_campaign


@pytest.fixture(scope="module")
def result(bank):
    clients = bank.assign(contact=contact_history_groups(bank))
    return evaluate_campaign(
        clients,
        group_col="contact",
        treatment="此前联系过",
        control="首次联系",
        outcome_col="y",
        segment_col="education",
    )


def test_rates_are_drawn_with_their_intervals(bank, result):
    fig, ax = plt.subplots()
    assert plot_response_rates(result, ax=ax) is ax
    treated = np.asarray(ax.containers[0].lines[0].get_xdata(), dtype=float)
    control = np.asarray(ax.containers[1].lines[0].get_xdata(), dtype=float)
    bars = ax.containers[0].lines[2][0].get_segments()
    np.testing.assert_allclose([s[0][0] for s in bars], result["treatment_ci_low"])
    np.testing.assert_allclose(treated, result["treatment_rate"])
    np.testing.assert_allclose(control, result["control_rate"])
    first = bank["education"] == "primary"
    expected = (bank.loc[first & (bank["pdays"] >= 0), "y"] == "yes").mean()
    row = result.index.get_loc("primary")
    assert treated[row] == pytest.approx(expected)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    top_down = [labels[i] for i in np.argsort(-ax.get_yticks())]
    assert top_down == [str(i) for i in result.index]
    assert top_down[0] == "全部 (all)"


def test_lift_points_and_colours(result):
    ax = plot_campaign_lift(result)
    points = ax.collections[0].get_offsets()
    np.testing.assert_allclose(points[:, 0], result["abs_lift"])
    segments = ax.collections[1].get_segments()
    np.testing.assert_allclose([s[0][0] for s in segments], result["abs_lift_ci_low"])
    colours = ax.collections[0].get_facecolors()
    expected = [palette.HIGHLIGHT if s else palette.NEUTRAL for s in result["significant"]]
    assert [mpl.colors.to_hex(c) for c in colours] == [c.lower() for c in expected]


def test_chinese_text_renders_later_with_default_fonts(result):
    axes = [plot_response_rates(result), plot_campaign_lift(result)]
    plain = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with mpl.rc_context(plain), warnings.catch_warnings():
        warnings.simplefilter("error")
        for ax in axes:
            ax.figure.canvas.draw()


def test_roi_curve_crosses_zero_at_break_even():
    plan = {
        "targets": 1000,
        "cost_per_contact": 5,
        "revenue_per_response": 100,
        "baseline_rate": 0.04,
    }
    ax = plot_roi_curve(response_rate=0.12, **plan)
    rates, profit = (np.asarray(v, dtype=float) for v in ax.lines[0].get_data())
    np.testing.assert_allclose(profit, (rates - 0.04) * 1000 * 100 - 5000)
    crossing = rates[np.argmin(np.abs(profit))]
    even_line = ax.lines[2].get_xdata()[0]
    assert even_line == pytest.approx(0.09) and abs(crossing - 0.09) < rates[1] - rates[0]
