"""Names that moved from a widget module to the method module that computes them.

A widget only displays; the data functions it once held live in the method modules. Old
notebooks that import such a function from the widget module still get it, with a
``DeprecationWarning`` naming its new home.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

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
    custseg.widgets.old.gini 已移到 custseg.abc_analysis，请从那里导入 (moved to custseg.abc_analysis)
    """

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        home = homes[name]
        warnings.warn(
            f"{module}.{name} 已移到 {home}，请从那里导入 (moved to {home})",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(home), name)

    return __getattr__
