"""One matplotlib figure shown in an image widget and redrawn in place when a control moves.

The course widgets used to clear an ``Output`` widget and show a new pyplot figure on
every change. A single :class:`~matplotlib.figure.Figure` that is cleared and rendered
straight to PNG does the same work with less: no pyplot figure is left open, the page does
not flicker while the output is emptied and refilled, and the image is drawn once (a
trimmed ``bbox_inches="tight"`` rendering draws every text twice).
"""

from __future__ import annotations

import io

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from custseg.plotting.style import pin_chinese_font

__all__ = ["Chart"]


class Chart:
    """A figure and the image widget that shows it.

    Parameters
    ----------
    figsize : (float, float), default (6, 4)
        Width and height in inches (100 pixels each).
    layout : {"constrained", "tight"}, default "tight"
        How the axes are fitted so that labels stay inside the image.

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

    def __init__(self, figsize: tuple[float, float] = (6, 4), *, layout: str = "tight") -> None:
        if layout not in ("constrained", "tight"):
            raise ValueError(
                f'layout 只能是 (must be) "constrained" 或 "tight", 收到 (got) {layout!r}'
            )
        self.figure = Figure(figsize=figsize, dpi=100, layout=layout)
        self.image = widgets.Image(format="png")

    def axes(self, figsize: tuple[float, float] | None = None) -> Axes:
        """Empty the figure (optionally resize it) and return one new Axes to draw on."""
        self.figure.clear()
        if figsize is not None:
            self.figure.set_size_inches(figsize)
        return self.figure.add_subplot()

    def show(self) -> None:
        """Render the figure to PNG (Chinese in every text) into the image widget and show it."""
        pin_chinese_font(*self.figure.axes)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
        self.image.value = buffer.getvalue()
        width, _ = self.figure.get_size_inches() * self.figure.dpi
        self.image.layout.width = f"{round(width)}px"  # actual size, not stretched to the page
        self.image.layout.max_width = "100%"
        self.image.layout.display = None

    def clear(self) -> None:
        """Hide the image (for example while the controls select nothing to draw)."""
        self.figure.clear()
        self.image.layout.display = "none"
