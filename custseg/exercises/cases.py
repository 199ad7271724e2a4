"""Practice for module 08 (cases): the P&G, Amazon and bank cases redone on the bundled samples."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]

CAKESTAND = "22423"
"""REGENCY CAKESTAND 3 TIER, the sample's most popular product."""


@cache
def _products():
    from custseg.datasets import load_sample
    from custseg.recommend import ONLINE_RETAIL_NON_PRODUCTS
    from custseg.transactions import clean_transactions

    clean, _ = clean_transactions(load_sample())
    return clean.loc[~clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]


def _kitchen_lovers() -> int:
    from custseg.dimensions import dominant_segments, spending_mix
    from custseg.dimensions.categories import category_spend

    spend = category_spend(_products())
    segments = dominant_segments(spending_mix(spend, list(spend.columns)), dominance=0.3)
    return int((segments == "厨房餐具偏好型").sum())


def _first_with_cakestand() -> str:
    from custseg.recommend import ItemToItemRecommender

    model = ItemToItemRecommender(min_support=2).fit(_products())
    return str(model.recommend([CAKESTAND], n=1).iloc[0]["stock_code"])


def _quality_rate() -> float:
    from custseg.datasets import load_sample

    clients = load_sample("bank_marketing")
    quality = (
        (clients["balance"] >= clients["balance"].quantile(0.75))
        & (clients["default"] == "no")
        & (clients["loan"] == "no")
    )
    return round(float((clients.loc[quality, "y"] == "yes").mean()), 3)


q1 = bind(
    Problem(
        name="kitchen_lovers",
        prompt=(
            "宝洁案例：按消费结构分群（`dominant_segments(mix, dominance=0.3)`）后，"
            "“厨房餐具偏好型”客户有多少位？"
        ),
        expected=_kitchen_lovers,
        hints=[
            "`segments` 是每位客户的群名；数一数等于 '厨房餐具偏好型' 的有几个。",
            "`(segments == '厨房餐具偏好型').sum()`。",
        ],
        solution="kitchen_lovers = (segments == '厨房餐具偏好型').sum()",
        explanation="这些客户三成以上的钱花在厨房餐具上：烘焙、下午茶套装就是为他们准备的产品线。",
    )
)

q2 = bind(
    Problem(
        name="first_with_cakestand",
        prompt=(
            "亚马逊案例：顾客把“REGENCY CAKESTAND 3 TIER”（商品编号 '22423'）放进购物车，"
            "同购推荐（`recommender`）排第一的商品编号是什么？（写成文字，如 '12345'）"
        ),
        expected=_first_with_cakestand,
        hints=[
            "`recommender.recommend(['22423'], n=1)` 返回一行推荐。",
            "取这一行的 `stock_code`：`.iloc[0]['stock_code']`。",
        ],
        solution="first_with_cakestand = recommender.recommend(['22423'], n=1).iloc[0]['stock_code']",
        explanation="推荐的是和三层蛋糕架一起出现在最多订单里（按余弦相似度）的商品。",
    )
)

q3 = bind(
    Problem(
        name="quality_rate",
        prompt=(
            "银行案例：把“余额在前 25%（`balance` 不低于 75% 分位数）、没有违约记录、"
            "没有个人贷款”的客户定为优质客户。优质客户的认购率是多少？写成小数，保留三位。"
        ),
        expected=_quality_rate,
        compare=close_to(0.0006),
        hints=[
            "三个条件用 `&` 连起来，每个条件加括号；75% 分位数是 `clients['balance'].quantile(0.75)`。",
            "`quality_rate = round((clients.loc[quality, 'y'] == 'yes').mean(), 3)`。",
        ],
        solution=(
            "quality = ((clients['balance'] >= clients['balance'].quantile(0.75))\n"
            "           & (clients['default'] == 'no') & (clients['loan'] == 'no'))\n"
            "quality_rate = round((clients.loc[quality, 'y'] == 'yes').mean(), 3)"
        ),
        explanation="优质客户的认购率明显高于全体：先服务好他们，营销的投入产出比最高。",
    )
)
