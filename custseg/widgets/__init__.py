"""Interactive widgets for the course (ipywidgets): sliders that redraw a chart at once.

Each widget takes the data, returns an ``ipywidgets`` box to display, and keeps its
logic in plain functions of the method modules, so it can be tested without a browser.
Each widget's module is imported when the widget is first asked for, so a notebook that uses
one widget does not load the others (clustering, bqplot charts of every module).
"""

from __future__ import annotations

import importlib
from typing import Any

from custseg.extras import require_extra

require_extra("widgets", "custseg.widgets")
require_extra("plot", "custseg.widgets")

_HOMES = {
    "abc_cut_explorer": "abc_analysis",
    "also_bought_explorer": "cases",
    "cluster_explorer": "clusters",
    "concentration_explorer": "concentration",
    "customer_group_explorer": "cases",
    "dimension_explorer": "dimensions",
    "distributor_weight_explorer": "distributors",
    "k_anonymity_explorer": "privacy",
    "lifecycle_explorer": "lifecycle",
    "monthly_sales_explorer": "sales",
    "process_explorer": "process",
    "promotion_roi_simulator": "promotion",
    "rfm_cutoff_explorer": "rfm",
    "scorecard_explorer": "selection",
    "segments_over_time_explorer": "dynamic",
    "survey_explorer": "survey",
}

__all__ = [
    "abc_cut_explorer",
    "also_bought_explorer",
    "cluster_explorer",
    "concentration_explorer",
    "customer_group_explorer",
    "dimension_explorer",
    "distributor_weight_explorer",
    "k_anonymity_explorer",
    "lifecycle_explorer",
    "monthly_sales_explorer",
    "process_explorer",
    "promotion_roi_simulator",
    "rfm_cutoff_explorer",
    "scorecard_explorer",
    "segments_over_time_explorer",
    "survey_explorer",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'custseg.widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"custseg.widgets.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
