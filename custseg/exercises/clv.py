"""Practice for module 05 (CLV and customer selection) on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _clean():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


def _repeat_buyers() -> int:
    from custseg.clv import summary_from_transactions

    return int((summary_from_transactions(_clean(), unit="W")["frequency"] > 0).sum())


def _top_historic_clv() -> float:
    from custseg.clv import historic_clv

    return round(float(historic_clv(_clean(), margin=0.3)["historic_clv"].max()), 2)


q1 = bind(
    Problem(
        name="repeat_buyers",
        prompt="按周汇总（unit='W'）后，有多少位客户至少重复购买过一次（frequency > 0）？",
        expected=_repeat_buyers,
        hints=[
            "`summary = summary_from_transactions(clean, unit='W')`。",
            "`(summary['frequency'] > 0).sum()`。",
        ],
        solution="repeat_buyers = (summary_from_transactions(clean, unit='W')['frequency'] > 0).sum()",
    )
)

q2 = bind(
    Problem(
        name="best_historic_clv",
        prompt="按 30% 的毛利率（margin=0.3）计算历史 CLV，最高的一位客户是多少？保留两位小数。",
        expected=_top_historic_clv,
        compare=close_to(0.005),
        hints=[
            "`historic_clv(clean, margin=0.3)` 的 `historic_clv` 列。",
            "取 `.max()`，再 `round(..., 2)`。",
        ],
        solution="best_historic_clv = round(historic_clv(clean, margin=0.3)['historic_clv'].max(), 2)",
    )
)

q3 = bind(
    Problem(
        name="selection_criteria",
        prompt="资料中选择客户的三条标准是哪三个？用集合作答，例如 {'潜在价值', '...', '...'}。",
        expected=lambda: {"潜在价值", "忠诚度", "支付能力"},
        hints=["一条看未来能带来多少收益。", "另外两条：是否忠于品牌，能否及时付款。"],
        solution="selection_criteria = {'潜在价值', '忠诚度', '支付能力'}",
    )
)
