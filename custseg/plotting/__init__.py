"""Plots for every method in custseg: seaborn / matplotlib, ``ax=None`` in, Axes out.

Chinese labels render on any machine: the package brings its own CJK font
(Noto Sans CJK SC, SIL Open Font License, through the ``mplfonts`` package).
The colours of every chart are named in :mod:`custseg.plotting.palette`, which loads
no plotting library; matplotlib is loaded by the first plot or font name used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from custseg.extras import require_extra

require_extra("plot", "custseg.plotting")

if TYPE_CHECKING:
    from custseg.plotting.style import chinese_font_context, use_chinese_font

__all__ = ["chinese_font_context", "use_chinese_font"]


def __getattr__(name: str) -> Any:
    """Load the font helpers on first use, so that ``custseg.plotting.palette`` stays light."""
    if name in __all__:
        return getattr(import_module("custseg.plotting.style"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
