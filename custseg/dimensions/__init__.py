"""Segmentation by dimension (分类维度): demographic, geographic, psychographic, behavioural.

Plain helpers that turn raw attributes into segments, profile segments side by side and
compare them on a target, such as the answer to a campaign ("did the client subscribe?").

* 人口统计 (demographic): :func:`age_bands`, :func:`income_bands`, :func:`label_values`
  with :data:`BANK_LABELS` (Chinese names for Bank Marketing's jobs, marital status and
  education), :func:`combine_segments`;
* 地理 (geographic): :func:`customer_countries`, :func:`country_regions`
  (英国 / 欧洲其他 / 其他地区, or continents, or Chinese country names);
* 心理 (psychographic): lifestyle read from the spending mix, :func:`spending_mix` then
  :func:`dominant_segments` (rules) or :func:`cluster_mix` (k-means);
* 行为 (behavioural): :func:`purchase_styles` (忠诚型 / 冲动型 / 理性型 from transactions),
  and :func:`dominant_segments` on purchase counts per channel;
* comparing segments: :func:`profile_segments` (size, share, means and modes side by side),
  :func:`profile_index` (each mean against the average, 100 = average) and
  :func:`response_by` (response rate and lift).
"""

from custseg.dimensions.behavioural import PURCHASE_STYLES, purchase_styles
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
from custseg.dimensions.profiles import OVERALL, profile_index, profile_segments, response_by
from custseg.dimensions.psychographic import (
    IFOOD_CHANNELS,
    IFOOD_SPENDING,
    cluster_mix,
    dominant_segments,
    spending_mix,
)

__all__ = [
    "AGE_EDGES",
    "BANK_LABELS",
    "COUNTRIES",
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
