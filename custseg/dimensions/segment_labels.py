"""Old module path of :mod:`custseg.dimensions.labels` (旧模块路径，请改用 labels).

The module was renamed because :func:`custseg.dimensions.segment_labels`, the function,
has the same name: ``custseg.dimensions.segment_labels`` is the function. Importing a
name from this old path still works and gives the same object, with a DeprecationWarning
naming the new path.
"""

from typing import Any

import custseg.dimensions.labels as _labels
from custseg.deprecation import warn_renamed


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    value = getattr(_labels, name)
    warn_renamed(f"custseg.dimensions.segment_labels.{name}", f"custseg.dimensions.labels.{name}")
    return value
