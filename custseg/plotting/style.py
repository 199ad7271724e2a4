"""A CJK font for matplotlib that works on a fresh machine.

A fresh machine has no Chinese font, and matplotlib then draws empty boxes with a
"Glyph ... missing from font" warning. The font file shipped by the ``mplfonts``
package (Noto Sans CJK SC, SIL Open Font License 1.1) is registered with matplotlib's
font manager the first time it is needed; nothing is changed at import time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from importlib import resources

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.text import Text

from custseg.plotting.palette import SERIES

__all__ = [
    "CJK_FONT_FAMILY",
    "PALETTE",
    "chinese_font_context",
    "chinese_rc",
    "pin_chinese_font",
    "use_chinese_font",
]

CJK_FONT_FAMILY = "Noto Sans CJK SC"
#: The colours of the course's charts, in turn (named in :mod:`custseg.plotting.palette`).
PALETTE = list(SERIES)

_FONT_FILE = "NotoSansCJKsc-Regular.otf"


@cache
def _register_font() -> str:
    """Add the bundled CJK font to matplotlib's font manager once; return its family."""
    font = resources.files("mplfonts").joinpath("fonts", _FONT_FILE)
    with resources.as_file(font) as path:
        font_manager.fontManager.addfont(str(path))
        return font_manager.FontProperties(fname=str(path)).get_name()


def chinese_rc() -> dict[str, object]:
    """The matplotlib settings that make Chinese text render.

    Returns
    -------
    dict
        rcParams: the CJK font first in the sans-serif list (DejaVu Sans as fallback
        for Latin glyphs), and an ASCII minus sign.

    Examples
    --------
    >>> chinese_rc()["font.sans-serif"][0]
    'Noto Sans CJK SC'
    """
    family = _register_font()
    fallback = ["DejaVu Sans"]  # ships with matplotlib: Latin glyphs the CJK font lacks
    # The family is named explicitly (not the generic "sans-serif"): text keeps the names
    # it was created with, so it still finds the CJK font when a notebook draws the figure
    # after the ``with chinese_font_context()`` block, whatever the global settings are then.
    return {
        "font.family": [family, *fallback],
        "font.sans-serif": [family, *fallback],
        "axes.unicode_minus": False,
    }


@contextlib.contextmanager
def chinese_font_context() -> Iterator[None]:
    """Draw with the CJK font inside a ``with`` block, leaving global settings alone.

    Text objects keep the font they were created with, so a figure made inside the
    block still renders correctly when it is shown or saved later.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with chinese_font_context():
    ...     fig, ax = plt.subplots()
    ...     _ = ax.set_title("客户分类")
    >>> plt.close(fig)

    A notebook backend that pyplot switches on inside the block (the first figure of a
    session) stays interactive afterwards; otherwise later figures would not be shown.
    """
    switched_on = False
    with mpl.rc_context(chinese_rc()):
        was_interactive = mpl.is_interactive()
        yield
        switched_on = mpl.is_interactive() and not was_interactive
    if switched_on:
        mpl.interactive(True)


def pin_chinese_font(*axes: Axes) -> None:
    """Give every text of ``axes`` the CJK font, whoever made the axes and whenever it is drawn.

    A ``plot_*`` function calls this on the axes it drew on (their colour bars are
    included): axes that a caller made
    outside :func:`chinese_font_context` (``plt.subplots()`` with default settings) carry
    tick labels in a font without Chinese glyphs, and new ticks copy the first one.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xticks([0, 1], ["新客", "老客"])
    >>> pin_chinese_font(ax)
    >>> ax.get_xticklabels()[0].get_fontfamily()[0]
    'Noto Sans CJK SC'
    >>> plt.close(fig)
    """
    family = chinese_rc()["font.family"]
    colorbars = [
        m.colorbar.ax
        for axis in axes
        for m in [*axis.collections, *axis.images]
        if getattr(m, "colorbar", None)
    ]
    for axis in [*axes, *colorbars]:
        for text in _texts(axis):
            text.set_fontfamily(family)


def _texts(artist: Artist) -> Iterator[Text]:
    """Every text under ``artist``, like ``findobj(Text)``, without making new ticks.

    ``findobj`` asks each axis for all the ticks its locator wants, creating them; the
    ticks that exist are enough, because matplotlib copies the first tick's font to the
    ticks it creates later.
    """
    if isinstance(artist, Text):
        yield artist
    if isinstance(artist, Axis):
        children = [artist.label, artist.offsetText, *artist.majorTicks, *artist.minorTicks]
    else:
        children = artist.get_children()
    for child in children:
        yield from _texts(child)


def use_chinese_font() -> str:
    """Make Chinese render in every later plot of this session (notebooks call this once).

    Returns
    -------
    str
        The font family now used, ``"Noto Sans CJK SC"``.
    """
    mpl.rcParams.update(chinese_rc())
    return _register_font()
