"""A table of Chinese sentences that a notebook shows in full.

pandas cuts every cell of a displayed table at 50 characters ("..."), which hides the end
of a sentence a learner has to read; :class:`WholeTextTable` shows each cell whole.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["WholeTextTable"]


class WholeTextTable(pd.DataFrame):
    """A table of sentences that a notebook shows in full (pandas would cut them at 50 characters).

    Examples
    --------
    >>> table = WholeTextTable({"说明": ["很长的一句话" * 20]})
    >>> "..." in table._repr_html_()
    False
    """

    @property
    def _constructor(self) -> type:
        return WholeTextTable

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None):
            return super()._repr_html_()
