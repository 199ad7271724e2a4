"""Practice for module 06 (lifecycle and cohorts) on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _clean():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


def _at_risk_count() -> int:
    from custseg.lifecycle import lifecycle_stages

    return int((lifecycle_stages(_clean())["stage"] == "流失风险").sum())


def _december_month_one() -> float:
    from custseg.cohorts import retention_matrix

    return round(float(retention_matrix(_clean()).iloc[0, 1]), 2)


q1 = bind(
    Problem(
        name="at_risk_customers",
        prompt="按默认规则，现在处于“流失风险”阶段的客户有多少位？",
        expected=_at_risk_count,
        hints=[
            "`stages = lifecycle_stages(clean)` 给每位客户一个阶段，在 `stage` 列。",
            "`(stages['stage'] == '流失风险').sum()`。",
        ],
        solution="at_risk_customers = (lifecycle_stages(clean)['stage'] == '流失风险').sum()",
    )
)

q2 = bind(
    Problem(
        name="december_retention",
        prompt="2010 年 12 月获客的那一批客户，在首购后第 1 个月的留存率是多少？保留两位小数。",
        expected=_december_month_one,
        compare=close_to(0.005),
        hints=[
            "`retention = retention_matrix(clean)`，行是获客月份，列是距首购的月数。",
            "第一行是 2010-12，第 1 个月在第二列：`retention.iloc[0, 1]`，再 `round(..., 2)`。",
        ],
        solution="december_retention = round(retention_matrix(clean).iloc[0, 1], 2)",
    )
)

q3 = bind(
    Problem(
        name="stage_for_coupon",
        prompt=(
            "预算只够给一个阶段的客户发“回来看看”优惠券，且希望花得最值。"
            "你会选 '新客'、'忠诚'、'流失风险' 还是 '已流失'？"
        ),
        expected=lambda: "流失风险",
        hints=[
            "已经很久没买的人，挽回的成功率低；最近还在买的人，不需要优惠券也会买。",
            "介于两者之间、正在变冷但还来得及挽回的是哪个阶段？",
        ],
        solution="stage_for_coupon = '流失风险'",
        explanation="流失风险客户曾经是活跃客户，刚开始变冷，及时关怀挽回的成功率最高、成本最低。",
    )
)
