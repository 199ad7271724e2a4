"""Practice for module 09 (distributor classification and selection) on the synthetic sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind

__all__ = ["COOPERATION_FIRST", "q1", "q2", "q3"]

COOPERATION_FIRST = {"coverage": 0.2, "sales": 0.2, "cooperation": 0.6}
"""The weights of question 3: a company that puts cooperation first."""


@cache
def _periods():
    from custseg.datasets import load_sample

    data = load_sample("distributors")
    return data[data["period"] == "2024-H1"], data[data["period"] == "2024-H2"]


def _a_count(weights: dict[str, float] | None = None) -> int:
    from custseg.distributors import DistributorEvaluator

    h1, _ = _periods()
    grades = DistributorEvaluator(weights=weights).fit(h1).predict(h1)
    return int((grades == "A").sum())


def _downgraded() -> set[str]:
    from custseg.distributors import DistributorEvaluator

    h1, h2 = _periods()
    changes = DistributorEvaluator().fit(h1).reevaluate(h1, h2)
    return set(changes.index[changes["movement"] == "降级"])


q1 = bind(
    Problem(
        name="a_grade_count",
        prompt="用默认权重评估 2024 年上半年（h1），A 级（核心经销商）有多少家？",
        expected=_a_count,
        hints=[
            "上面的 `evaluation` 表格有一列 `grade`（等级）。",
            "`(evaluation['grade'] == 'A').sum()` 数出 A 级的家数。",
        ],
        solution="a_grade_count = (evaluation['grade'] == 'A').sum()",
    )
)

q2 = bind(
    Problem(
        name="downgraded",
        prompt=(
            "下半年复评（`changes` 表格）时，哪些经销商降级了？"
            "写出它们的编号组成的集合，如 {'D001', 'D002'}。"
        ),
        expected=_downgraded,
        hints=[
            "`changes['movement']` 的值有 升级、降级、不变。",
            "先筛选 `changes[changes['movement'] == '降级']`，它的 `.index` 就是经销商编号，"
            "再用 `set(...)` 变成集合。",
        ],
        solution="downgraded = set(changes.index[changes['movement'] == '降级'])",
        explanation="降级的经销商要约谈、找原因：是市场变了，还是合作出了问题？",
    )
)

q3 = bind(
    Problem(
        name="a_count_cooperation_first",
        prompt=(
            "如果公司最看重合作意愿，把权重改为 覆盖 0.2、销售 0.2、合作 0.6"
            "（`ex.COOPERATION_FIRST`），上半年 A 级经销商有多少家？"
        ),
        expected=lambda: _a_count(COOPERATION_FIRST),
        hints=[
            "`DistributorEvaluator(weights=ex.COOPERATION_FIRST).fit(h1)` 建立新的评价体系。",
            "再 `.evaluate(h1)`，数 `grade` 为 'A' 的行。",
        ],
        solution=(
            "other = DistributorEvaluator(weights=ex.COOPERATION_FIRST).fit(h1).evaluate(h1)\n"
            "a_count_cooperation_first = (other['grade'] == 'A').sum()"
        ),
        explanation="同一批经销商，换一套权重，核心名单就会变：权重体现的是公司的策略重点。",
    )
)
