"""Practice for module 10 (promotion design and evaluation) on the bundled Bank Marketing sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _result():
    from custseg.datasets import load_sample
    from custseg.dimensions import age_bands
    from custseg.promotion import contact_history_groups, evaluate_campaign

    clients = load_sample("bank_marketing")
    clients = clients.assign(
        contact_history=contact_history_groups(clients), age_band=age_bands(clients["age"])
    )
    return evaluate_campaign(
        clients,
        group_col="contact_history",
        treatment="此前联系过",
        control="首次联系",
        outcome_col="y",
        revenue_per_response=100,
        cost_per_contact=5,
        segment_col="age_band",
    )


def _lift_points() -> float:
    return round(float(_result().iloc[0]["abs_lift"]) * 100, 1)


def _not_significant() -> set[str]:
    segments = _result().iloc[1:]
    return {str(name) for name in segments.index[~segments["significant"]]}


def _break_even_rate() -> float:
    return round(float(_result().iloc[0]["control_rate"]) + 8 / 100, 3)


q1 = bind(
    Problem(
        name="lift_points",
        prompt=(
            "全部客户中，“此前联系过”组的响应率比“首次联系”组高多少个百分点？"
            "保留一位小数（例如 5.2）。"
        ),
        expected=_lift_points,
        compare=close_to(0.051),
        hints=[
            "`result.loc['全部 (all)', 'abs_lift']` 是两组响应率之差（一个小数）。",
            "小数 × 100 就是百分点，再 `round(..., 1)`。",
        ],
        solution="lift_points = round(result.loc['全部 (all)', 'abs_lift'] * 100, 1)",
    )
)

q2 = bind(
    Problem(
        name="not_significant",
        prompt=(
            "按年龄段看，哪些年龄段的提升**不显著**（`significant` 为 False）？"
            "写成集合，如 {'25-34岁'}。"
        ),
        expected=_not_significant,
        hints=[
            "`result['significant']` 是真假值；`~` 把真假反过来。",
            "`set(result.index[~result['significant']])` 取出不显著的行名。",
        ],
        solution="not_significant = set(result.index[~result['significant']])",
        explanation=(
            "25 岁以下的提升看起来很大，但活动组只有十几个人，置信区间很宽，可能只是运气；"
            "65 岁及以上两组几乎没有差别。人数少的群体，要更谨慎地下结论。"
        ),
    )
)

q3 = bind(
    Problem(
        name="break_even_rate",
        prompt=(
            "下一次活动每联系一位客户成本 8 元，每次响应带来 100 元收入。不做活动时响应率按"
            "“首次联系”组的响应率计算。活动组的响应率至少要达到多少才能保本？"
            "写成小数，保留三位（例如 0.125）。"
        ),
        expected=_break_even_rate,
        compare=close_to(0.0006),
        hints=[
            "保本：增量收入 = 成本。每联系一人要多出 8 / 100 = 0.08 次响应。",
            "保本响应率 = 不做活动的响应率 + 8 / 100；不做活动的响应率是 "
            "`result.loc['全部 (all)', 'control_rate']`。",
        ],
        solution="break_even_rate = round(result.loc['全部 (all)', 'control_rate'] + 8 / 100, 3)",
        explanation=(
            "也可以用模拟器的函数：`promotion_roi(targets=1000, cost_per_contact=8, "
            "revenue_per_response=100, response_rate=0.2, baseline_rate=...)['break_even_rate']`。"
        ),
    )
)
