"""One matplotlib figure shown in an image widget and redrawn in place when a control moves.

Each course widget owns one :class:`Chart`: on every change it clears the figure, draws
again and puts the PNG into an ``ipywidgets.Image``. No pyplot figure is left open, the page
does not flicker (an ``Output`` widget would be emptied and refilled), and the figure is
drawn once per change.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from custseg.plotting.style import pin_chinese_font

__all__ = ["Chart"]


class Chart:
    """A figure and the image widget that shows it.

    Every drawing is fitted to its labels (matplotlib's tight layout) and then rendered
    once. Fitting before drawing costs about a third of the drawing, less than keeping
    margins and drawing again when a longer label would not fit them.

    Parameters
    ----------
    figsize : (float, float), default (6, 4)
        Width and height in inches (100 pixels each).

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The figure drawn on, not registered with pyplot.
    image : ipywidgets.Image
        The widget to put in the layout; its ``value`` is the PNG of the last drawing.

    Examples
    --------
    >>> chart = Chart(figsize=(3, 2))
    >>> ax = chart.axes()
    >>> _ = ax.bar(["重要价值客户", "一般挽留客户"], [38, 37])
    >>> chart.show()  # the CJK font is set on every text: no missing glyph
    >>> bytes(chart.image.value[:4])
    b'\\x89PNG'
    >>> chart.clear()
    >>> chart.image.layout.display
    'none'
    """

    def __init__(self, figsize: tuple[float, float] = (6, 4)) -> None:
        self.figure = Figure(figsize=figsize, dpi=100)
        FigureCanvasAgg(self.figure)
        self.image = widgets.Image(format="png")

    def axes(self, figsize: tuple[float, float] | None = None) -> Axes:
        """Empty the figure (optionally resize it) and return one new Axes to draw on."""
        self.figure.clear()
        if figsize is not None:
            self.figure.set_size_inches(figsize)
        # The title sits at the top of the axes instead of being placed above tick labels
        # at the top at every drawing, a search that costs a third of a redraw; the course's
        # charts have no ticks at the top.
        with mpl.rc_context({"axes.titley": 1.0}):
            return self.figure.add_subplot()

    def show(self) -> None:
        """Render the figure to PNG (Chinese in every text) into the image widget and show it."""
        pin_chinese_font(*self.figure.axes)
        self.figure.tight_layout()
        canvas = self.figure.canvas
        canvas.draw()  # one pass; savefig would add its own set-up around the same drawing
        buffer = io.BytesIO()
        PIL.Image.fromarray(np.asarray(canvas.buffer_rgba())).save(
            buffer, format="png", compress_level=1
        )
        self.image.value = buffer.getvalue()
        width, _ = self.figure.get_size_inches() * self.figure.dpi
        self.image.layout.width = f"{round(width)}px"  # actual size, not stretched to the page
        self.image.layout.max_width = "100%"
        self.image.layout.display = None

    def clear(self) -> None:
        """Hide the image (for example while the controls select nothing to draw)."""
        self.figure.clear()
        self.image.layout.display = "none"
