"""The course's colours: one name for one meaning, in every static and live chart.

Plain ``#rrggbb`` strings and nothing else: matplotlib charts (:mod:`custseg.plotting`)
and the browser's charts of the widgets (bqplot, :mod:`custseg.widgets`) take the same
strings, and importing this module loads no plotting library. The ten base colours are
seaborn's default palette ("deep"), so the charts keep the look learners know.

Examples
--------
>>> from custseg.plotting import palette
>>> palette.MAIN
'#4C72B0'
>>> palette.ABC_CLASS_COLORS["A"] == palette.HIGHLIGHT
True
>>> len(palette.SERIES)
10

``GREY`` is the old spelling of :data:`GRAY`: it still works, with a ``DeprecationWarning``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ABC_CLASS_COLORS",
    "BLUE",
    "BORDER",
    "BROWN",
    "COUNT_CMAP",
    "COMPARE",
    "CUSTOMER_GROUP_COLORS",
    "CYAN",
    "DISTRIBUTOR_GRADE_COLORS",
    "DIVERGING_CMAP",
    "GOOD",
    "GRAY",
    "GREEN",
    "HIGHLIGHT",
    "MAIN",
    "NEUTRAL",
    "OLIVE",
    "ORANGE",
    "OTHER_GROUP_COLORS",
    "PINK",
    "PROBABILITY_CMAP",
    "PRIVACY_LEVEL_COLORS",
    "PURPLE",
    "RATE_CMAP",
    "RED",
    "REFERENCE",
    "SCORE_PART_COLORS",
    "SERIES",
    "TEXT",
]

# The base colours (seaborn "deep"), named by how they look.
BLUE = "#4C72B0"
ORANGE = "#DD8452"
GREEN = "#55A868"
RED = "#C44E52"
PURPLE = "#8172B3"
BROWN = "#937860"
PINK = "#DA8BC3"
GRAY = "#8C8C8C"
OLIVE = "#CCB974"
CYAN = "#64B5CD"

#: One colour per series, segment or cluster, in this order (segment ``k`` gets ``SERIES[k % 10]``).
SERIES = (BLUE, ORANGE, GREEN, RED, PURPLE, BROWN, PINK, GRAY, OLIVE, CYAN)

# Colours by meaning: a chart says what a mark is through these names.
#: The chart's one data series (sales per month, customers per segment, the model's hit rate).
MAIN = BLUE
#: A second series set against the main one (the model's forecast, the plan's point).
COMPARE = ORANGE
#: What the reader should look at: a cut, a risk, the campaign group, a significant effect.
HIGHLIGHT = RED
#: What stays in the background: the baseline, an effect that is not significant.
NEUTRAL = GRAY
#: Reference lines (the 50-point cross, score cuts, zero, equality, the suggested k).
REFERENCE = GRAY
#: Customers in a healthy state (the lifecycle stages).
GOOD = GREEN
#: Text drawn on a white chart (labels of the live charts).
TEXT = "#333333"
#: The frame of a live chart's legend.
BORDER = "#CCCCCC"

#: ABC classes: A is what matters most, C the background.
ABC_CLASS_COLORS = {"A": HIGHLIGHT, "B": ORANGE, "C": NEUTRAL}
#: Distributor grades, from the best (A) to the weakest (D).
DISTRIBUTOR_GRADE_COLORS = {"A": HIGHLIGHT, "B": ORANGE, "C": BLUE, "D": NEUTRAL}
#: The three business-customer groups of the Huawei case.
CUSTOMER_GROUP_COLORS = {"技术型": BLUE, "标准型": GREEN, "战略型": RED}
#: Groups other than the three above, in turn.
OTHER_GROUP_COLORS = (PURPLE, ORANGE, BROWN, GRAY)
#: The parts of a customer score, one colour per criterion, in turn.
SCORE_PART_COLORS = (RED, BLUE, GREEN, ORANGE, PURPLE, BROWN)
#: The three personal-information levels of ``custseg.privacy.classify_columns``.
PRIVACY_LEVEL_COLORS = {"非个人信息": NEUTRAL, "个人信息": MAIN, "敏感个人信息": HIGHLIGHT}

# Colour maps of the heat maps, by what a cell holds (matplotlib's names).
#: Above or below the average (standardised means, an index around 100): red high, blue low.
DIVERGING_CMAP = "RdBu_r"
#: How many customers moved from one group to another (migration and grade-change tables).
COUNT_CMAP = "Blues"
#: A rate or an amount per cell (cohort retention, the RFM grid).
RATE_CMAP = "YlGnBu"
#: A probability from 0 to 1 (the probability-alive matrix).
PROBABILITY_CMAP = "viridis"


def __getattr__(name: str) -> Any:
    """``GREY``, the old spelling of :data:`GRAY`, with the ``DeprecationWarning`` of a rename."""
    if name == "GREY":
        # Imported here, so that importing the palette loads no data or plotting library.
        from custseg.deprecation import warn_renamed

        warn_renamed(f"{__name__}.GREY", f"{__name__}.GRAY")
        return GRAY
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
