"""custseg: customer segmentation (客户分类) for marketers, with a Jupyter course.

Submodules, one per method: :mod:`custseg.transactions` (read and clean orders),
:mod:`custseg.datasets` (real data sets), :mod:`custseg.rfm`, :mod:`custseg.abc_analysis`,
:mod:`custseg.lifecycle`, :mod:`custseg.clv`, :mod:`custseg.cohorts`,
:mod:`custseg.clustering`, and :mod:`custseg.plotting` for their charts.

``import custseg`` loads neither pandas nor a plotting library: the names below are
imported the first time they are used, so a server that only analyses data never
loads matplotlib. The three error classes (:class:`DataError`, :class:`ParameterError`,
:class:`ConvergenceError`, see :mod:`custseg.errors`) are among them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from custseg.errors import ConvergenceError, DataError, ParameterError
    from custseg.plotting.style import CJK_FONT_FAMILY as CJK_FONT_FAMILY
    from custseg.plotting.style import use_chinese_font as use_chinese_font

__all__ = ["ConvergenceError", "DataError", "ParameterError", "__version__"]
# CJK_FONT_FAMILY and use_chinese_font (custseg.plotting.style) are lazily available as
# attributes but not in __all__: ``from custseg import *`` must work without matplotlib.

#: Where each public name lives; it is imported when first asked for.
_LAZY = {
    "CJK_FONT_FAMILY": "custseg.plotting.style",
    "ConvergenceError": "custseg.errors",
    "DataError": "custseg.errors",
    "ParameterError": "custseg.errors",
    "use_chinese_font": "custseg.plotting.style",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used.

    Examples
    --------
    >>> import custseg
    >>> custseg.CJK_FONT_FAMILY
    'Noto Sans CJK SC'
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("custseg")
        except PackageNotFoundError:  # a source tree that is not installed
            value = "0+unknown"
        globals()[name] = value
        return value
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'custseg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})
