"""A chart drawn by the browser (bqplot) whose marks get new data when a control moves.

The course's static charts are matplotlib figures (``custseg.plotting``). A widget's chart
is redrawn on every move of a slider, and rendering a matplotlib figure to a picture takes
a tenth of a second or more; here the kernel only sends the new numbers and the browser
redraws the marks (bars, lines, points, labels) in a few milliseconds, with a tooltip on
hover. All texts are Chinese-first, in the browser's own fonts.

A widget builds one :class:`LiveChart`, adds its marks once (:meth:`LiveChart.bars`,
:meth:`LiveChart.lines`, :meth:`LiveChart.scatter`, :meth:`LiveChart.labels`,
:meth:`LiveChart.vline`, :meth:`LiveChart.hline`) and, on every change, sets their data
inside ``with chart.hold():`` so that the browser redraws once.

``PALETTE``, the list of series colours this module once held, is now
:data:`custseg.plotting.palette.SERIES`; the old name still works, with a ``DeprecationWarning``.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

import bqplot as bq
import ipywidgets as widgets

from custseg.deprecation import warn_renamed
from custseg.errors import ParameterError
from custseg.plotting import palette

__all__ = ["LiveChart", "text_width"]


_SCALES = {
    "linear": bq.LinearScale,
    "log": bq.LogScale,
    "ordinal": bq.OrdinalScale,
    "date": bq.DateScale,
}
_PIXELS_PER_WIDE_CHARACTER = 13  # a Chinese character at the axis font size, with room
_UNIT = (0.0, 1.0)


def text_width(text: str) -> int:
    """Width of ``text`` in pixels at the axis font size, Chinese characters counting double.

    Examples
    --------
    >>> text_width("重要价值客户"), text_width("VIP")
    (78, 21)
    """
    return sum(
        _PIXELS_PER_WIDE_CHARACTER if unicodedata.east_asian_width(c) in "WF" else 7
        for c in str(text)
    )


class LiveChart:
    """A bqplot figure with one horizontal and one vertical scale, and marks added on it.

    Parameters
    ----------
    title : str
        Shown above the chart.
    x_label, y_label : str
        The horizontal and the vertical axis labels.
    x_scale, y_scale : {"linear", "log", "ordinal", "date"}, default "linear"
        The kind of each axis; ``"ordinal"`` for categories.
    x_format, y_format : str, optional
        d3 number formats of the tick labels, e.g. ``".0%"`` or ``",.0f"``.
    x_min, x_max, y_min, y_max : float, optional
        Fixed ends of an axis; by default each end follows the data.
    size : (int, int), default (600, 380)
        Width and height in pixels.
    left : int, optional
        Left margin in pixels; by default wide enough for the vertical axis label and
        numbers. :meth:`fit_categories` widens it for long category names.
    legend : bool, default False
        Show a legend of the marks that have ``labels``.

    Attributes
    ----------
    figure : bqplot.Figure
        The widget to put in the layout.
    x, y : bqplot.Scale
        The horizontal and the vertical scale.

    Examples
    --------
    >>> chart = LiveChart(title="各客户群人数", y_scale="ordinal", x_label="人数")
    >>> bars = chart.bars(["重要价值客户", "一般挽留客户"], [38, 37], horizontal=True)
    >>> with chart.hold():
    ...     bars.y = [40, 35]
    >>> [int(v) for v in bars.y]
    [40, 35]
    >>> chart.figure.fig_margin["left"] >= text_width("重要价值客户")
    True
    """

    def __init__(
        self,
        *,
        title: str = "",
        x_label: str = "",
        y_label: str = "",
        x_scale: str = "linear",
        y_scale: str = "linear",
        x_format: str | None = None,
        y_format: str | None = None,
        x_min: float | None = None,
        x_max: float | None = None,
        y_min: float | None = None,
        y_max: float | None = None,
        size: tuple[int, int] = (600, 380),
        left: int | None = None,
        legend: bool = False,
    ) -> None:
        self.x = _scale(x_scale, x_min, x_max, argument="x_scale")
        self.y = _scale(y_scale, y_min, y_max, argument="y_scale")
        self._unit = bq.LinearScale(min=_UNIT[0], max=_UNIT[1])  # for lines across the chart
        axes = [
            bq.Axis(
                scale=self.x,
                label=x_label,
                tick_format=x_format,
                grid_lines="none",
                label_offset="2.6em",
            ),
            bq.Axis(
                scale=self.y,
                label=y_label,
                side="left",
                tick_format=y_format,
                grid_lines="dashed",
                label_offset="4em",
            ),
        ]
        width, height = size
        self.figure = bq.Figure(
            marks=[],
            axes=axes,
            title=title,
            fig_margin={"top": 50, "bottom": 55, "left": left or 80, "right": 20},
            legend_location="top-right",
            legend_style={
                "fill": "white",
                "stroke": palette.BORDER,
                "font-size": "15px",
            },  # fits Chinese
            title_style={"font-size": "16px"},
            animation_duration=0,
            layout=widgets.Layout(width=f"{width}px", height=f"{height}px", max_width="100%"),
        )
        self._legend = legend

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Collect the changes of every mark and send them to the browser together."""
        with contextlib.ExitStack() as stack:
            held = (self.figure, self.x, self.y, *self.figure.marks, *self.figure.axes)
            for widget in held:
                stack.enter_context(widget.hold_sync())
            yield

    def fit_categories(self, names: Sequence[Any]) -> None:
        """Widen the left margin so the longest category name on the vertical axis fits.

        A vertical axis label, if any, moves out beside the names.
        """
        longest = max((text_width(name) for name in names), default=0)
        vertical = self.figure.axes[1]
        room = longest + (70 if vertical.label else 50)
        margin = dict(self.figure.fig_margin)
        margin["left"] = max(margin["left"], room)
        self.figure.fig_margin = margin
        if vertical.label:
            vertical.label_offset = f"{longest + 30}px"

    def leave_room(self, values: Any, *, axis: str = "x", share: float = 0.12) -> None:
        """End the ``axis`` ("x" or "y") a ``share`` beyond the largest value, for the labels.

        The lower end stays where it was (0 for bar charts made with ``x_min=0``).
        """
        top = max((float(v) for v in values), default=0.0)
        scale = self.x if axis == "x" else self.y
        scale.max = top * (1 + share) if top > 0 else 1.0

    def _add(self, mark: bq.Mark) -> bq.Mark:
        self.figure.marks = [*self.figure.marks, mark]
        return mark

    def bars(
        self,
        categories: Sequence[Any],
        values: Any,
        *,
        horizontal: bool = False,
        colors: Sequence[str] | None = None,
        label: str = "",
        tooltip: Sequence[str] = ("x", "y"),
        tooltip_labels: Sequence[str] = ("类别", "数值"),
    ) -> bq.Bars:
        """Bars at ``categories`` (an ordinal axis) of length ``values``.

        With ``horizontal=True`` the categories run down the vertical axis (the chart's
        ``y_scale`` must be ``"ordinal"``); the mark's ``x`` still holds the categories
        and its ``y`` the lengths, as bqplot wants.
        """
        scales = {"x": self.y, "y": self.x} if horizontal else {"x": self.x, "y": self.y}
        if horizontal:
            self.fit_categories(categories)
            self.y.reverse = True  # the first category on top, as a list reads
        return self._add(
            bq.Bars(
                x=list(categories),
                y=values,
                scales=scales,
                orientation="horizontal" if horizontal else "vertical",
                colors=list(colors or [palette.MAIN]),
                labels=[label] if label else [],
                display_legend=self._legend and bool(label),
                padding=0.25,
                tooltip=bq.Tooltip(fields=list(tooltip), labels=list(tooltip_labels)),
            )
        )

    def lines(
        self,
        x: Any,
        y: Any,
        *,
        color: str = palette.MAIN,
        label: str = "",
        dashed: bool = False,
        width: float = 2,
        fill: str = "none",
        opacity: float = 1.0,
    ) -> bq.Lines:
        """A line through the points ``(x, y)`` (one series)."""
        return self._add(
            bq.Lines(
                x=x,
                y=y,
                scales={"x": self.x, "y": self.y},
                colors=[color],
                labels=[label] if label else [],
                display_legend=self._legend and bool(label),
                line_style="dashed" if dashed else "solid",
                stroke_width=width,
                fill=fill,
                fill_colors=[color],
                fill_opacities=[opacity],
                opacities=[opacity if fill == "none" else 1.0],
            )
        )

    def scatter(
        self,
        x: Any,
        y: Any,
        *,
        color: str = palette.MAIN,
        label: str = "",
        size: int = 24,
        opacity: float = 0.7,
        tooltip: Sequence[str] = ("x", "y"),
        tooltip_labels: Sequence[str] = ("横轴", "纵轴"),
    ) -> bq.Scatter:
        """Points at ``(x, y)`` in one colour (add one per group for a coloured legend)."""
        return self._add(
            bq.Scatter(
                x=x,
                y=y,
                scales={"x": self.x, "y": self.y},
                colors=[color],
                default_size=size,
                opacities=[opacity],
                stroke="white",
                labels=[label] if label else [],
                display_legend=self._legend and bool(label),
                tooltip=bq.Tooltip(fields=list(tooltip), labels=list(tooltip_labels)),
            )
        )

    def labels(
        self,
        x: Any,
        y: Any,
        texts: Sequence[str],
        *,
        color: str = palette.TEXT,
        align: str = "start",
        x_offset: int = 4,
        y_offset: int = 4,
        size: int = 12,
    ) -> bq.Label:
        """Texts placed at ``(x, y)`` in data coordinates (bar values, annotations)."""
        return self._add(
            bq.Label(
                x=x,
                y=y,
                text=list(texts),
                scales={"x": self.x, "y": self.y},
                colors=[color],
                align=align,
                x_offset=x_offset,
                y_offset=y_offset,
                default_size=size,
            )
        )

    def vline(self, at: float, *, color: str = palette.HIGHLIGHT, label: str = "") -> bq.Lines:
        """A dashed vertical line across the chart at ``at`` on the horizontal axis.

        Move it later with ``line.x = [new, new]``.
        """
        return self._add(
            bq.Lines(
                x=[at, at],
                y=list(_UNIT),
                scales={"x": self.x, "y": self._unit},
                colors=[color],
                line_style="dashed",
                stroke_width=1.5,
                labels=[label] if label else [],
                display_legend=self._legend and bool(label),
            )
        )

    def hline(self, at: float, *, color: str = palette.REFERENCE, label: str = "") -> bq.Lines:
        """A dashed horizontal line across the chart at ``at``; move it with ``line.y``."""
        return self._add(
            bq.Lines(
                x=list(_UNIT),
                y=[at, at],
                scales={"x": self._unit, "y": self.y},
                colors=[color],
                line_style="dashed",
                stroke_width=1.5,
                labels=[label] if label else [],
                display_legend=self._legend and bool(label),
            )
        )


def _scale(kind: str, low: float | None, high: float | None, *, argument: str) -> bq.Scale:
    if kind not in _SCALES:
        raise ParameterError(
            f"LiveChart 的参数 {argument}（坐标轴类型）只能是 (must be) {sorted(_SCALES)}，"
            f"收到 (got) {kind!r}"
        )
    if kind == "ordinal":
        return bq.OrdinalScale()
    limits = {name: value for name, value in (("min", low), ("max", high)) if value is not None}
    return _SCALES[kind](**limits)


def __getattr__(name: str) -> Any:
    """``PALETTE``, the old name of the series colours, with the ``DeprecationWarning`` of a rename."""
    if name == "PALETTE":
        warn_renamed(f"{__name__}.PALETTE", "custseg.plotting.palette.SERIES")
        return list(palette.SERIES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
