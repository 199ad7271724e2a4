"""One matplotlib figure shown in an image widget and redrawn in place when a control moves.

Each course widget owns one :class:`Chart`: on every change it clears the figure, draws
again and puts the PNG into an ``ipywidgets.Image``. No pyplot figure is left open, the page
does not flicker (an ``Output`` widget would be emptied and refilled), and the figure is
drawn once per change.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from custseg.plotting.style import pin_chinese_font

__all__ = ["Chart"]


class Chart:
    """A figure and the image widget that shows it.

    The margins are fitted to the labels (matplotlib's tight layout) when the figure is
    first shown, and again only when its size or the texts that set the margins (tick
    labels, axis labels, titles, legend entries) change. Moving a slider usually changes
    bar lengths and numbers only, so most redraws skip the layout pass, which costs as
    much as the drawing itself.

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
        self._margins: tuple[object, dict[str, float]] | None = None

    def axes(self, figsize: tuple[float, float] | None = None) -> Axes:
        """Empty the figure (optionally resize it) and return one new Axes to draw on."""
        self.figure.clear()
        if figsize is not None:
            self.figure.set_size_inches(figsize)
        if self._margins is not None:
            self.figure.subplots_adjust(**self._margins[1])
        return self.figure.add_subplot()

    def show(self) -> None:
        """Render the figure to PNG (Chinese in every text) into the image widget and show it."""
        pin_chinese_font(*self.figure.axes)
        layout = self._layout_key()
        if self._margins is None or self._margins[0] != layout:
            self.figure.tight_layout()
            params = self.figure.subplotpars
            sides = ("left", "right", "bottom", "top", "wspace", "hspace")
            self._margins = (layout, {side: getattr(params, side) for side in sides})
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

    def _layout_key(self) -> tuple:
        """What the margins depend on: the size, and per axes the texts around it.

        Horizontal tick labels count by their text (their width sets the left margin), the
        others by their length, so new numbers on a value axis do not force a new layout.
        """
        key: list[object] = [tuple(self.figure.get_size_inches())]
        for ax in self.figure.axes:
            legend = ax.get_legend()
            key += [
                ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
                tuple(sorted(t.get_text() for t in ax.get_yticklabels())),
                max((len(t.get_text()) for t in ax.get_xticklabels()), default=0),
                tuple(t.get_rotation() for t in ax.get_xticklabels()[:1]),
                tuple(t.get_text() for t in legend.get_texts()) if legend else None,
            ]  # fmt: skip
        return tuple(key)
