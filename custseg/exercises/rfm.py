"""Practice for module 03 (RFM) on the sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _rfm():
    from custseg.datasets import load_sample
    from custseg.rfm import rfm_table
    from custseg.transactions import clean_transactions

    return rfm_table(clean_transactions(load_sample())[0])


def _vip_count() -> int:
    from custseg.rfm import segment_customers

    return int((segment_customers(_rfm())["segment"] == "重要价值客户").sum())


def _mean_monetary_of_recent() -> float:
    rfm = _rfm()
    return round(float(rfm.loc[rfm["recency"] <= 30, "monetary"].mean()), 2)


q1 = bind(
    Problem(
        name="vip_customers",
        prompt="用八类方案（cn8）分群后，“重要价值客户”有多少位？",
        expected=_vip_count,
        hints=[
            "`segmented = segment_customers(rfm)` 给每位客户加上 `segment` 列。",
            "`(segmented['segment'] == '重要价值客户').sum()`。",
        ],
        solution="vip_customers = (segment_customers(rfm)['segment'] == '重要价值客户').sum()",
    )
)

q2 = bind(
    Problem(
        name="recent_mean_spend",
        prompt="最近 30 天内（recency <= 30）买过的客户，平均消费金额（monetary）是多少？保留两位小数。",
        expected=_mean_monetary_of_recent,
        compare=close_to(0.005),
        hints=[
            "先筛选：`rfm[rfm['recency'] <= 30]`。",
            "再取 `['monetary'].mean()`，最后 `round(..., 2)`。",
        ],
        solution="recent_mean_spend = round(rfm.loc[rfm['recency'] <= 30, 'monetary'].mean(), 2)",
    )
)

q3 = bind(
    Problem(
        name="segment_for_call",
        prompt=(
            "一位客户过去常买、金额也高，但已经 5 个月没来了。按八类方案，他属于哪一类？"
            "（写出完整的中文名称）"
        ),
        expected=lambda: "重要保持客户",
        hints=["R 低（很久没来）、F 高、M 高。", "M 高是“重要”；F 高而 R 低，需要“保持”。"],
        solution="segment_for_call = '重要保持客户'",
        explanation="R 低、F 高、M 高 = 重要保持客户：主动回访，了解原因，及时唤回。",
    )
)
