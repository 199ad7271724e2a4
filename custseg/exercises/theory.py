"""Practice for module 01 (theory): value concentration and lifecycle stages on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _spend():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    clean, _ = clean_transactions(load_sample())
    return clean, clean.groupby("customer_id")["amount"].sum()


def _top_decile_share() -> float:
    spend = _spend()[1].sort_values(ascending=False)
    return round(float(spend.iloc[: len(spend) // 10].sum() / spend.sum()), 2)


q1 = bind(
    Problem(
        name="top10_share",
        prompt="消费最多的前 10% 客户（15 位）贡献了多少比例的销售额？保留两位小数，例如 0.35。",
        expected=_top_decile_share,
        compare=close_to(0.005),
        hints=[
            "先按客户汇总消费额：`spend = clean.groupby('customer_id')['amount'].sum()`。",
            "从大到小排序后取前 15 位：`spend.sort_values(ascending=False).head(15).sum()`，"
            "再除以 `spend.sum()`，最后 `round(..., 2)`。",
        ],
        solution=(
            "spend = clean.groupby('customer_id')['amount'].sum()\n"
            "top10_share = round(spend.sort_values(ascending=False).head(15).sum() / spend.sum(), 2)"
        ),
    )
)

q2 = bind(
    Problem(
        name="one_time_buyers",
        prompt="只下过一次订单（只有一个不同的订单号）的客户有多少位？",
        expected=lambda: int(
            (_spend()[0].groupby("customer_id")["invoice_id"].nunique() == 1).sum()
        ),
        hints=[
            "每位客户的订单数：`clean.groupby('customer_id')['invoice_id'].nunique()`。",
            "数一数其中等于 1 的有多少：`(orders_per_customer == 1).sum()`。",
        ],
        solution=(
            "orders_per_customer = clean.groupby('customer_id')['invoice_id'].nunique()\n"
            "one_time_buyers = (orders_per_customer == 1).sum()"
        ),
    )
)

q3 = bind(
    Problem(
        name="stage_of_lisa",
        prompt=(
            "丽莎第一次在你的店里买了东西，三个月后又买了一次，之后每个月都来。"
            "按“潜在客户 → 首次购买客户 → 回购客户 → 忠诚客户”，她现在处在哪个阶段？"
        ),
        expected=lambda: "忠诚客户",
        hints=["她已经不止买过一次了。", "长期、稳定、反复地购买，是哪个阶段的特征？"],
        solution="stage_of_lisa = '忠诚客户'",
    )
)
