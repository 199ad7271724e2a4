"""Interactive widgets for the course (ipywidgets): sliders that redraw a chart at once.

Each widget takes the data, returns an ``ipywidgets`` box to display, and keeps its
logic in plain functions of the method modules, so it can be tested without a browser.
"""

from custseg.widgets.abc_analysis import abc_cut_explorer
from custseg.widgets.cases import also_bought_explorer, customer_group_explorer
from custseg.widgets.clusters import cluster_explorer
from custseg.widgets.concentration import concentration_explorer
from custseg.widgets.dimensions import dimension_explorer
from custseg.widgets.distributors import distributor_weight_explorer
from custseg.widgets.dynamic import segments_over_time_explorer
from custseg.widgets.lifecycle import lifecycle_explorer
from custseg.widgets.privacy import k_anonymity_explorer
from custseg.widgets.process import process_explorer
from custseg.widgets.promotion import promotion_roi_simulator
from custseg.widgets.rfm import rfm_cutoff_explorer
from custseg.widgets.sales import monthly_sales_explorer
from custseg.widgets.selection import scorecard_explorer
from custseg.widgets.survey import survey_explorer

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
