"""custseg.widgets.live: a bqplot chart whose marks get new data, sent to the browser at once."""

from __future__ import annotations

import bqplot as bq
import pytest

from custseg.errors import ParameterError
from custseg.plotting import palette
from custseg.widgets.live import LiveChart, text_width


def test_horizontal_bars_put_the_categories_down_the_vertical_axis_first_on_top():
    names = ["重要价值客户", "一般挽留客户", "新客"]
    chart = LiveChart(y_scale="ordinal", x_label="客户数（人）", x_min=0)
    bars = chart.bars(names, [38, 37, 5], horizontal=True)
    assert bars.orientation == "horizontal"
    assert bars.scales["x"] is chart.y and isinstance(chart.y, bq.OrdinalScale)
    assert bars.scales["y"] is chart.x and chart.x.min == 0
    assert chart.y.reverse  # the first name is drawn at the top
    assert chart.figure.fig_margin["left"] >= text_width("重要价值客户") + 50
    assert chart.figure.axes[0].label == "客户数（人）"


def test_vertical_bars_keep_the_default_margin_and_orientation():
    chart = LiveChart(x_scale="ordinal", y_label="销售额")
    bars = chart.bars(["2011-01", "2011-02"], [10.0, 12.5])
    assert bars.orientation == "vertical" and bars.scales == {"x": chart.x, "y": chart.y}
    assert chart.figure.fig_margin["left"] == 80 and not chart.y.reverse


def test_leave_room_sets_the_axis_end_beyond_the_largest_value():
    chart = LiveChart(x_min=0)
    chart.leave_room([10, 40, 25])
    assert chart.x.max == pytest.approx(44.8)
    chart.leave_room([0, 0], axis="x")
    assert chart.x.max == 1.0  # an empty chart still has an axis
    chart.leave_room([200], axis="y", share=0.5)
    assert chart.y.max == pytest.approx(300)


def test_hold_sends_every_change_of_a_redraw_in_one_message(monkeypatch):
    chart = LiveChart(x_scale="ordinal")
    bars = chart.bars(["a", "b"], [1, 2])
    labels = chart.labels(["a", "b"], [1, 2], ["1", "2"])
    sent = []
    for widget in (bars, labels, chart.y):
        monkeypatch.setattr(
            widget, "send_state", lambda key=None, w=widget: sent.append((w, set(key)))
        )
    with chart.hold():
        bars.y = [3, 4]
        labels.y = [3, 4]
        labels.text = ["3", "4"]
        chart.leave_room([3, 4], axis="y")
        assert sent == []  # nothing leaves before the block ends
    assert {w for w, _ in sent} == {bars, labels, chart.y}
    assert len(sent) == 3  # one message per widget, with all its changed traits
    assert next(key for w, key in sent if w is labels) == {"y", "text"}


def test_reference_lines_span_the_chart_and_move():
    chart = LiveChart(x_min=0, x_max=1, legend=True)
    line = chart.vline(0.3, label="保本响应率")
    assert list(line.x) == [0.3, 0.3] and list(line.y) == [0, 1]
    assert line.scales["x"] is chart.x and line.scales["y"] is not chart.y
    assert line.display_legend and list(line.labels) == ["保本响应率"]
    line.x = [0.5, 0.5]
    zero = chart.hline(0)
    assert list(zero.y) == [0, 0] and zero.scales["y"] is chart.y
    assert chart.figure.marks == [line, zero]


def test_an_unknown_scale_is_refused_in_chinese_and_english():
    with pytest.raises(ParameterError, match="x_scale（坐标轴类型）.*'logarithmic'"):
        LiveChart(x_scale="logarithmic")
    with pytest.raises(ParameterError, match="y_scale.*'loggish'"):
        LiveChart(y_scale="loggish")


def test_the_old_palette_name_still_gives_the_series_colours_with_a_warning():
    from custseg.widgets import live

    with pytest.deprecated_call(match="live.PALETTE 已改名为 custseg.plotting.palette.SERIES"):
        colours = live.PALETTE
    assert colours == list(palette.SERIES) and colours[0] == "#4C72B0" and len(colours) == 10
    with pytest.raises(AttributeError, match="PALETTES"):
        live.PALETTES  # noqa: B018


def test_text_width_counts_chinese_characters_double():
    assert text_width("客户") == 26 and text_width("ab") == 14  # 13 and 7 pixels a character
    assert text_width("") == 0


def test_a_vertical_axis_label_moves_out_beside_long_category_names():
    chart = LiveChart(y_scale="ordinal", y_label="客户群 (segment)")
    chart.bars(["重要价值客户", "新客"], [3, 4], horizontal=True)
    longest = text_width("重要价值客户")
    assert chart.figure.fig_margin["left"] == longest + 70
    assert chart.figure.axes[1].label_offset == f"{longest + 30}px"
