"""Practice for the welcome notebook: the sample data and its cleaning report."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind

__all__ = ["q1", "q2", "q3"]


@cache
def _cleaned():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())


q1 = bind(
    Problem(
        name="cancelled_lines",
        prompt="示例数据中有多少行是被取消的订单？",
        expected=lambda: int(_cleaned()[1].counts["cancellation"]),
        hints=[
            "清洗报告 `report.counts` 按原因列出了删除的行数。",
            "取消订单的原因代码是 `'cancellation'`：试试 `report.counts['cancellation']`。",
        ],
        solution="cancelled_lines = report.counts['cancellation']",
    )
)

q2 = bind(
    Problem(
        name="customers",
        prompt="清洗之后还剩多少位不同的客户？",
        expected=lambda: int(_cleaned()[0]["customer_id"].nunique()),
        hints=[
            "清洗后的数据在 `clean` 里，客户编号在 `customer_id` 列。",
            "`nunique()` 数一列里有多少个不同的值。",
        ],
        solution="customers = clean['customer_id'].nunique()",
    )
)

q3 = bind(
    Problem(
        name="best_month",
        prompt="哪个月的销售额最高？用 '2011-11' 这样的文字作答。",
        expected=lambda: str(
            _cleaned()[0]
            .groupby(_cleaned()[0]["invoice_date"].dt.to_period("M"))["amount"]
            .sum()
            .idxmax()
        ),
        hints=[
            "上面的 `monthly` 表格已经算好了每月销售额。",
            "`monthly.loc[monthly['销售额（英镑）'].idxmax(), '月份']` 取出销售额最高的那一行的月份。",
        ],
        solution="best_month = monthly.loc[monthly['销售额（英镑）'].idxmax(), '月份']",
        explanation="`idxmax()` 给出最大值所在的行号，再用 `.loc` 取出这一行的“月份”。",
    )
)
