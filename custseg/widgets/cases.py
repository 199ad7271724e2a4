"""The module 08 cases as data: product categories, "bought together" and customer-group widgets.

* P&G-style segmentation by what customers buy: :func:`product_categories` puts each
  product of an Online Retail-like catalogue into a category by keywords of its description
  (:data:`PRODUCT_KEYWORDS`), :func:`category_spend` sums each customer's spend per category,
  ready for :func:`custseg.dimensions.spending_mix`;
* Amazon-style recommendations: :func:`also_bought_explorer` shows, for a product chosen in a
  dropdown, what a fitted :class:`~custseg.recommend.ItemToItemRecommender` recommends with it;
* Huawei-style customer groups: :func:`customer_group_explorer` moves the thresholds of the
  technical / standard / strategic rules with sliders and shows the group mix per region.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from custseg.customer_groups import CustomerGroupClassifier, regional_contrast
from custseg.errors import DataError, require_columns
from custseg.plotting.customer_groups import plot_group_mix
from custseg.plotting.recommend import plot_recommendations
from custseg.recommend import ItemToItemRecommender

__all__ = [
    "OTHER_CATEGORY",
    "PRODUCT_KEYWORDS",
    "also_bought_explorer",
    "category_spend",
    "customer_group_explorer",
    "group_rules",
    "product_categories",
]

PRODUCT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "节日派对": (
        "CHRISTMAS", "XMAS", "PARTY", "BUNTING", "EASTER", "BIRTHDAY", "CARD", "WRAP", "GIFT",
        "BALLOON", "PAPER CHAIN", "ADVENT", "SNOWFLAKE", "REINDEER", "SANTA", "TREE",
    ),
    "个人用品": (
        "LIP GLOSS", "HOT WATER BOTTLE", "PLASTERS", "UMBRELLA", "PARASOL", "FAN", "NECKLACE",
        "BRACELET", "EARRINGS", "HAIR", "SEWING", "MIRROR", "PURSE", "WALLET", "SCARF",
    ),
    "儿童玩具文具": (
        "TOY", "GAME", "DOLL", "PENCIL", "NOTEBOOK", "CHALK", "CRAYON", "SNAP CARDS", "KNITTING",
        "CHILD", "SPACEBOY", "STICKER", "JIGSAW", "PAINT", "RUBBER", "CIRCUS", "TEDDY",
        "PLAYHOUSE", "SKIPPING", "SPINNING TOP", "CLAY", "SKITTLES", "RULER", "BUILDING BLOCK",
        "BINGO", "FELTCRAFT", "COLOURING", "STATIONERY", "SNAKES", "ROUNDERS",
    ),
    "厨房餐具": (
        "CAKE", "TEA", "MUG", "CUP", "PLATE", "BOWL", "JAM", "BAKING", "KITCHEN", "SPOON",
        "NAPKIN", "PANTRY", "CUTLERY", "JUG", "BOTTLE", "LUNCH BOX", "TRAY", "APRON", "COFFEE",
        "GLASS", "BEAKER", "STRAW", "EGG", "OVEN", "RECIPE", "TIN", "BREAD", "COOKIE", "CUTTER",
    ),
    "包袋收纳": (
        "BAG", "BOX", "STORAGE", "BASKET", "CASE", "SHOPPER", "HOLDER", "DRAWER", "CABINET",
        "JAR", "TOTE",
    ),
    "家居园艺": (
        "HEART", "T-LIGHT", "CANDLE", "FRAME", "LANTERN", "CLOCK", "SIGN", "DOORMAT", "CUSHION",
        "WICKER", "ORNAMENT", "HOOK", "VASE", "LIGHT", "DECORATION", "GARLAND", "WREATH",
        "CHALKBOARD", "PLAQUE", "BIRD", "HANGING", "LAMP", "FLOWER", "DOOR", "PEGS", "RIBBON",
        "COAT RACK", "HERB MARKER", "GARDEN", "BLACK BOARD",
    ),
}  # fmt: skip
"""Product categories of a gift-shop catalogue (Online Retail) and the keywords that mark them.

A description gets the first category, in this order, one of whose keywords it contains
(upper case, plain substring): "CHRISTMAS CAKE TIN" is 节日派对, "JUMBO BAG" 包袋收纳."""

OTHER_CATEGORY = "其他"
"""The category of descriptions that match no keyword (and of missing descriptions)."""


def product_categories(
    descriptions: pd.Series, keywords: Mapping[str, tuple[str, ...]] | None = None
) -> pd.Series:
    """The category of each product description, by keywords (first category that matches).

    Parameters
    ----------
    descriptions : pandas.Series
        Product descriptions; matching ignores case.
    keywords : mapping of str to tuple of str, optional
        Category -> keywords, tried in order; default :data:`PRODUCT_KEYWORDS`.

    Returns
    -------
    pandas.Series
        Same index, named ``category``; :data:`OTHER_CATEGORY` when nothing matches.

    Examples
    --------
    >>> import pandas as pd
    >>> product_categories(pd.Series(["Jumbo Bag Red", "CHRISTMAS CAKE TIN", "CLOCK", None])).tolist()
    ['包袋收纳', '节日派对', '家居园艺', '其他']
    """
    keywords = PRODUCT_KEYWORDS if keywords is None else keywords
    if not keywords:
        raise DataError("至少需要一个品类 (no category given)")
    series = pd.Series(descriptions)
    text = series.astype("string").fillna("").str.upper()
    distinct = pd.Index(text.unique())  # a catalogue repeats its descriptions: match each once
    found = np.zeros(len(distinct), dtype=bool)
    labels = np.full(len(distinct), OTHER_CATEGORY, dtype=object)
    for name, words in keywords.items():
        if not words:
            raise DataError(f"品类 {name!r} 没有关键词 (no keyword)")
        pattern = "|".join(re.escape(str(word).upper()) for word in words)
        hit = distinct.str.contains(pattern, regex=True).to_numpy(dtype=bool) & ~found
        labels[hit] = name
        found |= hit
    codes = distinct.get_indexer(text)
    return pd.Series(labels[codes], index=series.index, name="category")


def category_spend(
    transactions: pd.DataFrame, keywords: Mapping[str, tuple[str, ...]] | None = None
) -> pd.DataFrame:
    """Each customer's spend per product category: one row per customer, one column per category.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Cleaned transactions with ``customer_id``, ``description`` and ``amount``; drop
        postage and fees first (e.g. ``custseg.recommend.ONLINE_RETAIL_NON_PRODUCTS``).
    keywords : mapping, optional
        As in :func:`product_categories`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``; columns in the order of the keywords, then
        :data:`OTHER_CATEGORY`; 0 where a customer bought nothing of a category.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2], "amount": [10.0, 30.0, 5.0],
    ...                    "description": ["TEA CUP", "JUMBO BAG", "TEA CUP"]})
    >>> category_spend(tx)[["厨房餐具", "包袋收纳"]]
                 厨房餐具  包袋收纳
    customer_id
    1            10.0  30.0
    2             5.0   0.0
    """
    require_columns(
        transactions, ["customer_id", "description", "amount"], what="交易明细 (transactions)"
    )
    keywords = PRODUCT_KEYWORDS if keywords is None else keywords
    amount = pd.to_numeric(transactions["amount"], errors="coerce")
    if amount.isna().any():
        row = amount.index[amount.isna().to_numpy()][0]
        raise DataError(
            f"金额 (amount) 缺失或不是数字：索引 {row!r}，值 {transactions.loc[row, 'amount']!r}"
        )
    lines = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"].to_numpy(),
            "category": product_categories(transactions["description"], keywords).to_numpy(),
            "amount": amount.to_numpy(dtype=float),
        }
    )
    table = lines.pivot_table(
        index="customer_id", columns="category", values="amount", aggfunc="sum", fill_value=0.0
    )
    table = table.reindex(columns=[*keywords, OTHER_CATEGORY], fill_value=0.0)
    table.columns.name = None
    return table


# ----------------------------------------------------------------------------- Amazon


def also_bought_explorer(
    model: ItemToItemRecommender, *, products: int = 30, n: int = 8
) -> widgets.VBox:
    """A dropdown of popular products and what a fitted recommender suggests with each.

    Parameters
    ----------
    model : ItemToItemRecommender
        Fitted on transactions with a ``description`` column.
    products : int, default 30
        How many of the most popular products the dropdown offers.
    n : int, default 8
        How many recommendations to show.

    Returns
    -------
    ipywidgets.VBox
        ``children``: the dropdown (values are item codes, labels the descriptions), the
        recommendation table (HTML, from ``model.recommend([code], n=n)``) and the chart
        (Output).
    """
    check_is_fitted(model, "similarity_")
    if not isinstance(products, int) or products < 1 or not isinstance(n, int) or n < 1:
        raise DataError(f"products 和 n 须为正整数 (positive integers)：{products!r}, {n!r}")
    popular = model.items_[model.popularity_order_[:products]]
    labels = model.descriptions_.reindex(popular).fillna("").astype(str)
    options = [(f"{text or code}（{code}）", code) for code, text in labels.items()]
    choice = widgets.Dropdown(
        options=options, description="顾客买了", style={"description_width": "initial"}
    )
    table = widgets.HTML()
    chart = widgets.Output()

    def update(change: dict | None = None) -> None:
        recommendations = model.recommend([choice.value], n=n)
        shown = recommendations.rename(
            columns={
                model.item_col: "商品编号",
                "description": "商品",
                "score": "相似度",
                "reason": "推荐理由",
            }
        )
        table.value = shown.to_html(index=False, float_format="{:.3f}".format)
        with chart:
            chart.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=(7, 0.4 * len(recommendations) + 1.2))
            plot_recommendations(recommendations, ax=ax)
            plt.show()

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, table, chart])


# ----------------------------------------------------------------------------- Huawei


def group_rules(
    *,
    revenue_quantile: float = 0.9,
    strategic_min: float = 4.5,
    technical_min: float = 3.5,
    price_max: float = 3.5,
) -> pd.DataFrame:
    """The rule table of :data:`custseg.customer_groups.DEFAULT_RULES` with other thresholds.

    Strategic (战略型) if revenue is in the top ``1 - revenue_quantile`` or the strategic
    importance is at least ``strategic_min``; technical (技术型) if the technical need is at
    least ``technical_min`` while the price sensitivity is below ``price_max``; otherwise
    standard (标准型).

    Examples
    --------
    >>> from custseg.customer_groups import DEFAULT_RULES
    >>> group_rules().equals(DEFAULT_RULES)
    True
    >>> group_rules(technical_min=4.0)["threshold"].tolist()
    ['q0.9', 4.5, 4.0, 3.5]
    """
    if not 0 <= revenue_quantile <= 1:
        raise DataError(f"revenue_quantile 须在 0 到 1 之间：收到 {revenue_quantile!r}")
    return pd.DataFrame(
        {
            "rule": [1, 2, 3, 3],
            "group": ["战略型", "战略型", "技术型", "技术型"],
            "attribute": ["revenue", "strategic_importance", "technical_need", "price_sensitivity"],
            "operator": [">=", ">=", ">=", "<"],
            "threshold": [
                f"q{float(revenue_quantile):g}",
                float(strategic_min),
                float(technical_min),
                float(price_max),
            ],
        }
    )


def customer_group_explorer(customers: pd.DataFrame, *, region_col: str = "region") -> widgets.VBox:
    """Sliders for the customer-group rules, the group mix per region and its chart.

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer: ``region_col`` and the attributes of the default rules
        (``technical_need``, ``price_sensitivity``, ``strategic_importance`` on 1-5,
        ``revenue``).
    region_col : str, default "region"

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of four sliders (top revenue share counted strategic, least
        strategic importance, least technical need, price sensitivity below), the table of
        :func:`custseg.customer_groups.regional_contrast` (HTML) and the chart (Output).
    """
    require_columns(customers, [region_col], what="客户数据 (customers)")
    CustomerGroupClassifier(group_rules()).fit(customers)  # refuse bad data before the sliders
    common = {"style": {"description_width": "initial"}, "continuous_update": False}
    top_share = widgets.FloatSlider(
        value=0.1, min=0.0, max=0.5, step=0.05, readout_format=".0%",
        description="收入最高的前多少算战略型", **common,
    )  # fmt: skip
    strategic = widgets.FloatSlider(
        value=4.5, min=1.0, max=5.0, step=0.5, description="战略重要性至少", **common
    )
    technical = widgets.FloatSlider(
        value=3.5, min=1.0, max=5.0, step=0.5, description="技术需求至少", **common
    )
    price = widgets.FloatSlider(
        value=3.5, min=1.0, max=5.5, step=0.5, description="价格敏感度低于", **common
    )
    table = widgets.HTML()
    chart = widgets.Output()

    def update(change: dict | None = None) -> None:
        rules = group_rules(
            revenue_quantile=round(1 - top_share.value, 6),
            strategic_min=strategic.value,
            technical_min=technical.value,
            price_max=price.value,
        )
        groups = CustomerGroupClassifier(rules).fit(customers).predict(customers)
        contrast = regional_contrast(customers, groups, region_col=region_col)
        shown = contrast.rename(columns={"customers": "客户数", "dominant": "主导客户群"})
        shares = [c for c in contrast.columns if c not in ("customers", "dominant")]
        table.value = shown.to_html(formatters={c: "{:.1%}".format for c in shares})
        with chart:
            chart.clear_output(wait=True)
            fig, ax = plt.subplots(
                figsize=(8, max(4.0, 0.6 * len(contrast) + 2.8)), layout="constrained"
            )
            plot_group_mix(contrast, ax=ax)
            plt.show()

    for slider in (top_share, strategic, technical, price):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([top_share, strategic, technical, price]), table, chart])
