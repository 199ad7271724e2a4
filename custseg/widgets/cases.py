"""The module 08 cases: "bought together" and customer-group widgets.

(The P&G case's product categories are in :mod:`custseg.dimensions.categories`.)

* Amazon-style recommendations: :func:`also_bought_explorer` shows, for a product chosen in a
  dropdown, what a fitted :class:`~custseg.recommend.ItemToItemRecommender` recommends with it;
* Huawei-style customer groups: :func:`customer_group_explorer` moves the thresholds of the
  technical / standard / strategic rules with sliders and shows the group mix per region
  (the rules are :func:`custseg.customer_groups.group_rules`, importable from here too).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from custseg.customer_groups import GROUPS, group_rules, group_rules_by_share, region_group_mix
from custseg.errors import ParameterError
from custseg.estimator_contract import check_fitted
from custseg.plotting import palette
from custseg.recommend import ItemToItemRecommender
from custseg.widgets.live import LiveChart

__all__ = [
    "also_bought_explorer",
    "customer_group_explorer",
    "group_rules",
]

_LABEL_LENGTH = 32  # characters of a product description kept on the chart's axis
_SHOWN_SHARE = 0.06  # narrower parts of a stacked bar get no percentage written on them


def _item_label(code: object, text: object) -> str:
    """The product's name on the chart: its description (shortened) and code, or the code.

    Examples
    --------
    >>> _item_label("22423", "REGENCY CAKESTAND 3 TIER"), _item_label("茶叶", "")
    ('REGENCY CAKESTAND 3 TIER (22423)', '茶叶')
    """
    text = "" if pd.isna(text) else str(text)
    return f"{text[:_LABEL_LENGTH]} ({code})" if text else str(code)


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
        (a bqplot Figure: one horizontal bar per recommended item, best on top, its score
        written beside it).
    """
    check_fitted(model, "similarity_")
    if not isinstance(products, int) or products < 1 or not isinstance(n, int) or n < 1:
        raise ParameterError(f"products 和 n 须为正整数 (positive integers)：{products!r}, {n!r}")
    popular = model.popular_items(products)
    options = [
        (f"{text or code}（{code}）", code)
        for code, text in zip(popular[model.item_col], popular["description"], strict=True)
    ]
    choice = widgets.Dropdown(
        options=options, description="顾客买了", style={"description_width": "initial"}
    )
    table = widgets.HTML()
    chart = LiveChart(
        title="推荐商品 (recommendations)",
        x_label="推荐得分 (score)：与购物篮商品的相似度之和",
        y_scale="ordinal",
        x_min=0,
        size=(760, 28 * n + 130),
    )
    everything = model.descriptions_.reindex(model.items_)
    chart.fit_categories([_item_label(code, text) for code, text in everything.items()])
    bars = chart.bars([], [], horizontal=True, tooltip_labels=("商品", "推荐得分"))
    numbers = chart.labels([], [], [], y_offset=0)

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
        names = [
            _item_label(code, text)
            for code, text in zip(
                recommendations[model.item_col], recommendations["description"], strict=True
            )
        ]
        scores = recommendations["score"].to_numpy(dtype=float)
        with chart.hold():
            chart.leave_room(scores, share=0.15)
            bars.x, bars.y = names, scores
            numbers.x, numbers.y = scores, names
            numbers.text = [f"{v:.3f}" for v in scores]

    choice.observe(update, names="value")
    update()
    return widgets.VBox([choice, table, chart.figure])


# ----------------------------------------------------------------------------- Huawei


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
        :func:`custseg.customer_groups.regional_contrast` (HTML) and the chart (a bqplot
        Figure: one stacked bar per region, top to bottom in the table's order, its parts
        the shares of 技术型, 标准型 and 战略型 in ``figure.marks[0].y``, one row per group;
        the shares written on the parts in ``figure.marks[1]``).
    """
    regions = region_group_mix(customers, region_col=region_col)  # refuses bad data first
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
    names = [f"{region}（{n} 户）" for region, n in regions["customers"].items()]
    chart = LiveChart(
        title="各地区的客户群结构：技术导向市场 vs 性价比导向市场",
        x_label="客户群占比 (share of customers)",
        y_scale="ordinal",
        x_format=".0%",
        x_min=0,
        x_max=1.32,  # the legend sits right of the 100% end
        size=(760, max(300, 60 * len(names) + 150)),
        legend=True,
    )
    chart.figure.axes[0].tick_values = np.linspace(0, 1, 6)
    parts = chart.bars(
        names,
        np.zeros((len(GROUPS), len(names))),
        horizontal=True,
        colors=[palette.CUSTOMER_GROUP_COLORS[group] for group in GROUPS],
        tooltip=("x", "y"),
        tooltip_labels=("地区", "占比"),
    )
    parts.labels = [f"{group}客户" for group in GROUPS]
    parts.display_legend = True
    parts.tooltip.formats = ["", ".1%"]
    rows = [name for _ in GROUPS for name in names]  # one text per part, group by group
    shares_text = chart.labels(
        [0.0] * len(rows), rows, [""] * len(rows),
        color="white", align="middle", x_offset=0, y_offset=0,
    )  # fmt: skip

    def update(change: dict | None = None) -> None:
        rules = group_rules_by_share(
            top_revenue_share=top_share.value,
            strategic_min=strategic.value,
            technical_min=technical.value,
            price_max=price.value,
        )
        contrast = region_group_mix(customers, rules, region_col=region_col)
        shown = contrast.rename(columns={"customers": "客户数", "dominant": "主导客户群"})
        shares = [c for c in contrast.columns if c not in ("customers", "dominant")]
        table.value = shown.to_html(formatters={c: "{:.1%}".format for c in shares})
        mix = contrast.reindex(index=regions.index, columns=list(GROUPS), fill_value=0.0)
        mix = mix.to_numpy(dtype=float).T
        middles = np.cumsum(mix, axis=0) - mix / 2
        with chart.hold():
            parts.y = mix
            shares_text.x = middles.ravel()
            shares_text.text = [f"{v:.0%}" if v >= _SHOWN_SHARE else "" for v in mix.ravel()]

    for slider in (top_share, strategic, technical, price):
        slider.observe(update, names="value")
    update()
    return widgets.VBox(
        [widgets.VBox([top_share, strategic, technical, price]), table, chart.figure]
    )
