"""Practice for module 12 (trends and challenges) on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _orders():
    from custseg.datasets import load_sample

    return load_sample()


def _missing_share() -> float:
    return round(float(_orders()["customer_id"].isna().mean()), 3)


def _stayed_vip() -> int:
    from custseg.segments import segment_migration
    from custseg.transactions import clean_transactions

    table = segment_migration(clean_transactions(_orders())[0], "2011-06-30", "2011-12-10")
    return int(table.loc["重要价值客户", "重要价值客户"])


q1 = bind(
    Problem(
        name="missing_id_share",
        prompt="示例数据中，没有客户编号的订单行占全部行的比例是多少？保留三位小数。",
        expected=_missing_share,
        compare=close_to(0.0005),
        hints=[
            "`orders['customer_id'].isna()` 标出缺少编号的行。",
            "布尔列的 `.mean()` 就是比例，再 `round(..., 3)`。",
        ],
        solution="missing_id_share = round(orders['customer_id'].isna().mean(), 3)",
    )
)

q2 = bind(
    Problem(
        name="stayed_vip",
        prompt="从 2011-06-30 到 2011-12-10，有多少位“重要价值客户”仍然是“重要价值客户”？",
        expected=_stayed_vip,
        hints=[
            "`segment_migration(clean, '2011-06-30', '2011-12-10')` 是一张迁移表。",
            "行和列都是“重要价值客户”的那一格：`table.loc['重要价值客户', '重要价值客户']`。",
        ],
        solution=(
            "table = segment_migration(clean, '2011-06-30', '2011-12-10')\n"
            "stayed_vip = table.loc['重要价值客户', '重要价值客户']"
        ),
    )
)

q3 = bind(
    Problem(
        name="challenges",
        prompt=(
            "资料中客户分类实践的三大挑战是什么？从 '数据收集难度'、'分类标准的动态调整'、'团队协作'、"
            "'软件价格'、'客户太少' 中选三个，用集合作答。"
        ),
        expected=lambda: {"数据收集难度", "分类标准的动态调整", "团队协作"},
        hints=[
            "新市场往往拿不到足够的数据。",
            "客户和市场在变，分类标准也要跟着变；分类还牵涉多个部门。",
        ],
        solution="challenges = {'数据收集难度', '分类标准的动态调整', '团队协作'}",
    )
)
