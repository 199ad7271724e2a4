"""Practice for module 02 (segmentation dimensions) on the bundled Bank Marketing sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind, close_to

__all__ = ["q1", "q2", "q3"]


@cache
def _clients():
    from custseg.datasets import load_sample

    return load_sample("bank_marketing")


def _rate(mask) -> float:
    clients = _clients()
    return round(float((clients.loc[mask(clients), "y"] == "yes").mean()), 3)


def _best_age_band() -> str:
    from custseg.dimensions import age_bands, response_by

    clients = _clients()
    return str(response_by(clients.assign(age_band=age_bands(clients["age"])), "age_band").index[0])


q1 = bind(
    Problem(
        name="retired_rate",
        prompt="退休客户（job 为 'retired'）中认购定期存款（y 为 'yes'）的比例是多少？保留三位小数。",
        expected=lambda: _rate(lambda c: c["job"] == "retired"),
        compare=close_to(0.0005),
        hints=[
            "先筛选出退休客户：`clients[clients['job'] == 'retired']`。",
            "`(retired['y'] == 'yes').mean()` 就是比例，再用 `round(..., 3)`。",
        ],
        solution=(
            "retired = clients[clients['job'] == 'retired']\n"
            "retired_rate = round((retired['y'] == 'yes').mean(), 3)"
        ),
    )
)

q2 = bind(
    Problem(
        name="best_age_band",
        prompt="按年龄段（age_bands）分群后，哪个年龄段的响应率最高？答案写成 '65岁及以上' 这样的文字。",
        expected=_best_age_band,
        hints=[
            "先加一列年龄段：`clients.assign(age_band=age_bands(clients['age']))`。",
            "`response_by(..., 'age_band')` 的结果已按响应率从高到低排序，取 `.index[0]`。",
        ],
        solution=(
            "by_age = response_by(clients.assign(age_band=age_bands(clients['age'])), 'age_band')\n"
            "best_age_band = by_age.index[0]"
        ),
    )
)

q3 = bind(
    Problem(
        name="dimension_of_poutcome",
        prompt=(
            "“上一次营销活动的结果”（poutcome）属于哪一类分类维度？"
            "在 '人口统计'、'地理'、'心理'、'行为' 中选一个。"
        ),
        expected=lambda: "行为",
        hints=["它描述的是客户是谁，还是客户做过什么？"],
        solution="dimension_of_poutcome = '行为'",
        explanation="上一次活动中是否认购，是客户过去的**行为**，不是年龄、地区或价值观。",
    )
)
