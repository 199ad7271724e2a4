"""custseg.widgets.chart: one figure, redrawn in place into an image widget."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
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


def _inside(chart: Chart) -> bool:
    """Every text of the last drawing lies inside the picture."""
    box = chart.figure.get_tightbbox(chart.figure.canvas.get_renderer())
    width, height = chart.figure.get_size_inches()
    return box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height


def test_every_drawing_fits_its_labels_long_or_short():
    chart = Chart(figsize=(5, 3))
    chart.axes().barh(["新客", "老客"], [1, 2])
    chart.show()
    short = chart.figure.subplotpars.left
    labels = ["最近买过又常买的重要价值客户", "很久没买的一般挽留客户"]
    chart.axes().barh(labels, [12, 40])
    chart.show()
    assert chart.figure.subplotpars.left > 2 * short and _inside(chart)
    ax = chart.axes()
    ax.barh(labels, [1, 2])
    ax.set_title("各客户群人数")
    chart.show()
    assert _inside(chart)
    chart.axes().barh(["新客", "老客"], [30, 20])
    chart.show()  # the axes take the room back
    assert chart.figure.subplotpars.left == short
