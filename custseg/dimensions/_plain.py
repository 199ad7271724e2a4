"""Numpy scalars as plain Python values, for error messages."""

from __future__ import annotations

import numpy as np


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds, so messages read 141, not np.int64(141)."""
    return value.item() if isinstance(value, np.generic) else value
