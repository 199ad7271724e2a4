"""Segmentation by dimension (分类维度): demographic, geographic, psychographic, behavioral.

Plain helpers that turn raw attributes into segments, profile segments side by side and
compare them on a target, such as the answer to a campaign ("did the client subscribe?").

* 人口统计 (demographic): :func:`age_bands`, :func:`income_bands`, :func:`label_values`
  with :data:`BANK_LABELS` (Chinese names for Bank Marketing's jobs, marital status and
  education), :func:`combine_segments`;
* 地理 (geographic): :func:`customer_countries`, :func:`country_regions`
  (英国 / 欧洲其他 / 其他地区, or continents, or Chinese country names);
* 心理 (psychographic): survey answers, :func:`survey_profile` (average answers per group,
  read one statement at a time with :func:`survey_item_ranking` and
  :func:`survey_item_sentence`) and :func:`add_survey_segments` (each customer's standout attitude); lifestyle read from
  the spending mix, :func:`spending_mix` then :func:`dominant_segments` (rules) or
  :func:`cluster_mix` (k-means);
* 行为 (behavioral): :func:`purchase_styles` (忠诚型 / 冲动型 / 理性型 from transactions)
  and its readable :func:`purchase_style_table`,
  and :func:`dominant_segments` on purchase counts per channel;
* comparing segments: :func:`profile_segments` (size, share, means and modes side by side),
  :func:`profile_index` (each mean against the average, 100 = average) and
  :func:`response_by` (response rate and lift), :func:`segment_response` (the same on
  readable segments) with :func:`overall_rate` and :func:`response_sentence`; readable
  tables with Chinese headers: :func:`response_table`, :func:`sales_by` (sales per segment of order lines) and
  :func:`mix_table` (the mix of one column within each segment).
"""

import importlib

from custseg.dimensions import labels
from custseg.dimensions.behavioral import (
    PURCHASE_STYLES,
    purchase_style_table,
    purchase_styles,
)
from custseg.dimensions.categories import (
    OTHER_CATEGORY,
    PRODUCT_KEYWORDS,
    category_spend,
    product_categories,
)
from custseg.dimensions.demographic import (
    AGE_EDGES,
    BANK_LABELS,
    INCOME_LABELS,
    age_bands,
    combine_segments,
    income_bands,
    label_values,
)
from custseg.dimensions.geographic import COUNTRIES, country_regions, customer_countries
from custseg.dimensions.group_sales import sales_by
from custseg.dimensions.labels import DIMENSION_NAMES, labeled_rows, segment_labels
from custseg.dimensions.labels import labelled_rows as labelled_rows  # old name
from custseg.dimensions.mix import mix_table
from custseg.dimensions.profiles import (
    OVERALL,
    overall_rate,
    profile_index,
    profile_segments,
    response_by,
)
from custseg.dimensions.psychographic import (
    IFOOD_CHANNELS,
    IFOOD_SPENDING,
    cluster_mix,
    dominant_segments,
    spending_mix,
)
from custseg.dimensions.response_tables import (
    RESPONSE_AXIS_LABEL,
    overall_rate_label,
    response_sentence,
    response_table,
    response_title,
    segment_response,
)
from custseg.dimensions.survey import (
    SURVEY_ITEMS,
    SURVEY_SEGMENT,
    add_survey_segments,
    survey_item_ranking,
    survey_item_sentence,
    survey_profile,
    survey_segments,
)

# The old module path custseg.dimensions.segment_labels (the module is now
# custseg.dimensions.labels) is loaded here once; loading it sets the package attribute
# to the module, so the function of the same name is bound again after it: the name
# custseg.dimensions.segment_labels always means the function.
importlib.import_module("custseg.dimensions.segment_labels")
segment_labels = labels.segment_labels  # noqa: F811

__all__ = [
    "AGE_EDGES",
    "BANK_LABELS",
    "COUNTRIES",
    "DIMENSION_NAMES",
    "SURVEY_ITEMS",
    "SURVEY_SEGMENT",
    "add_survey_segments",
    "labeled_rows",
    "mix_table",
    "purchase_style_table",
    "response_table",
    "RESPONSE_AXIS_LABEL",
    "overall_rate",
    "overall_rate_label",
    "response_sentence",
    "response_title",
    "segment_response",
    "survey_item_ranking",
    "survey_item_sentence",
    "sales_by",
    "segment_labels",
    "survey_profile",
    "survey_segments",
    "IFOOD_CHANNELS",
    "IFOOD_SPENDING",
    "INCOME_LABELS",
    "OTHER_CATEGORY",
    "PRODUCT_KEYWORDS",
    "OVERALL",
    "PURCHASE_STYLES",
    "age_bands",
    "category_spend",
    "cluster_mix",
    "combine_segments",
    "country_regions",
    "customer_countries",
    "dominant_segments",
    "income_bands",
    "label_values",
    "profile_index",
    "product_categories",
    "profile_segments",
    "purchase_styles",
    "response_by",
    "spending_mix",
]
