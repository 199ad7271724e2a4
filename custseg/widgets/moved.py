"""Names that moved from a widget module to the method module that computes them.

A widget only displays; the data functions it once held live in the method modules. Old
notebooks that import such a function from the widget module still get it, with the
``DeprecationWarning`` of :func:`custseg.deprecation.warn_renamed` naming its new home.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from custseg.deprecation import warn_renamed

__all__ = ["moved_names"]


def moved_names(module: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that gives each moved name from its home, with a warning.

    Parameters
    ----------
    module : str
        The widget module's name (``__name__``).
    homes : mapping of str to str
        Moved name -> the module it lives in now.

    Examples
    --------
    >>> import warnings
    >>> getattr_ = moved_names("custseg.widgets.old", {"gini": "custseg.abc_analysis"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     gini = getattr_("gini")
    >>> gini([1.0, 1.0]), caught[0].category.__name__
    (0.0, 'DeprecationWarning')
    >>> print(caught[0].message)
    custseg.widgets.old.gini 已改名为 custseg.abc_analysis.gini (renamed to custseg.abc_analysis.gini)
    """

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warn_renamed(f"{module}.{name}", f"{homes[name]}.{name}")
        return getattr(importlib.import_module(homes[name]), name)

    return __getattr__
