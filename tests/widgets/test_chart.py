"""custseg.widgets.chart: one figure, redrawn in place into an image widget."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from custseg.widgets.chart import Chart


def _png_size(chart: Chart) -> tuple[int, int]:
    return Image.open(io.BytesIO(bytes(chart.image.value))).size


def test_show_renders_a_png_of_the_figure_size_without_pyplot():
    before = plt.get_fignums()
    chart = Chart(figsize=(6, 4))
    ax = chart.axes()
    ax.barh(["重要价值客户", "一般挽留客户"], [38, 37])  # Chinese labels: no missing glyph
    chart.show()
    assert _png_size(chart) == (600, 400)
    assert chart.image.layout.width == "600px"
    assert plt.get_fignums() == before


def test_redrawing_replaces_the_picture_and_can_resize():
    chart = Chart(figsize=(4, 3))
    chart.axes().plot([0, 1], [0, 1])
    chart.show()
    first = bytes(chart.image.value)
    ax = chart.axes(figsize=(5, 2))
    ax.plot([0, 1], [1, 0])
    chart.show()
    assert bytes(chart.image.value) != first
    assert _png_size(chart) == (500, 200)
    assert len(chart.figure.axes) == 1  # the old axes are gone


def test_clear_hides_and_show_brings_back():
    chart = Chart()
    chart.axes()
    chart.clear()
    assert chart.image.layout.display == "none" and chart.figure.axes == []
    chart.axes()
    chart.show()
    assert chart.image.layout.display is None


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="layout"):
        Chart(layout="grid")
