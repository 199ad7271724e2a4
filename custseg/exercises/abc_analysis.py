"""Practice for module 04 (ABC classification and value tiers) on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _classified():
    from custseg.abc_analysis import abc_classify
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return abc_classify(clean_transactions(load_sample())[0])


def _gini() -> float:
    from custseg.abc_analysis import gini

    return float(gini(_classified()["value"]))


q1 = bind(
    Problem(
        name="a_customers",
        prompt="按默认分界（80% / 95%），A 类（重点客户）有多少位？",
        expected=lambda: int((_classified()["abc_class"] == "A").sum()),
        hints=[
            "`abc = abc_classify(clean)` 的 `abc_class` 列是 A、B、C。",
            "`(abc['abc_class'] == 'A').sum()`。",
        ],
        solution="a_customers = (abc_classify(clean)['abc_class'] == 'A').sum()",
    )
)

q2 = bind(
    Problem(
        name="a_customer_share",
        prompt="A 类客户占全部客户的比例是多少？保留两位小数（例如 0.25）。",
        expected=lambda: round(float((_classified()["abc_class"] == "A").mean()), 2),
        compare=close_to(0.005),
        hints=[
            "比例 = A 类人数 / 总人数；布尔列的 `.mean()` 就是比例。",
            "`round((abc['abc_class'] == 'A').mean(), 2)`。",
        ],
        solution="a_customer_share = round((abc['abc_class'] == 'A').mean(), 2)",
    )
)

q3 = bind(
    Problem(
        name="gini_value",
        prompt="客户消费额的基尼系数（gini）是多少？保留两位小数。",
        expected=lambda: round(_gini(), 2),
        compare=close_to(0.005),
        hints=["`gini(clean)` 直接从交易数据计算。", "再 `round(..., 2)`。"],
        solution="gini_value = round(gini(clean), 2)",
    )
)
