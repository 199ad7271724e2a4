"""Practice for the welcome notebook: running cells, errors, data cleaning and a first chart."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Misconception, Problem, bind

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6"]


@cache
def _sample():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    orders = load_sample()
    clean, report = clean_transactions(orders)
    return orders, clean, report


def _best_month(country: str) -> str:
    from custseg.sales import monthly_sales

    return str(monthly_sales(_sample()[1], country).idxmax())


@cache
def _cn_orders():
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


q1 = bind(
    Problem(
        name="what_to_do",
        kind="judgment",
        prompt=(
            "早上你打开这本笔记本，直接点到“练一练”那里运行了一个单元格，"
            "结果出现一个红框，最后一行是 `NameError: name 'clean' is not defined`。"
            "你应该怎么做？"
        ),
        choices=(
            "数据文件坏了，请讲师重新发一份",
            "先从上往下运行前面的单元格（或菜单“内核 → 重启并运行所有单元格”），再运行这一格",
            "把这个单元格删掉，跳过这道题",
            "重启电脑",
        ),
        expected=lambda: (
            "先从上往下运行前面的单元格（或菜单“内核 → 重启并运行所有单元格”），再运行这一格"
        ),
        accept=(
            "运行上面的单元格",
            "重启并运行所有单元格",
            "重启内核并运行所有单元格",
            "从上往下运行",
            "先运行上面的单元格",
            "先运行前面的单元格",
            "按顺序运行",
        ),
        misconceptions=(
            Misconception(
                "A",
                "数据没有问题：NameError 说的是名字 `clean` 还不存在，因为准备 `clean` 的单元格今天还没运行过。",
            ),
            Misconception(
                "C",
                "删掉单元格解决不了问题，后面的单元格也需要 `clean`。错误信息是在告诉你缺了哪一步。",
            ),
            Misconception(
                "D",
                "不需要重启电脑：笔记本的“记忆”只在运行过的单元格里，按顺序运行一遍就好。",
            ),
            *(
                Misconception(
                    text,
                    "只重启还不够：重启后笔记本什么都不记得了，`clean` 仍然不存在。"
                    "要选“重启并运行所有单元格”，或者从上往下把前面的单元格运行一遍。",
                )
                for text in ("重启内核", "重启", "重新启动")
            ),
        ),
        hints=(
            "`is not defined` 的意思是“还没有定义”：笔记本还不知道 `clean` 是什么。",
            "`clean` 是在前面哪个单元格里准备好的？那个单元格今天运行过吗？",
        ),
        solution='what_to_do = "B"',
        explanation=(
            "笔记本只“记得”本次已经运行过的单元格。`clean` 在前面的清洗单元格中定义，"
            "今天还没运行，所以后面的单元格找不到它。从上往下运行（或菜单“内核 → 重启并运行所有单元格”）即可。"
        ),
    )
)

q2 = bind(
    Problem(
        name="duplicate_rows",
        kind="decision",
        prompt=(
            "你们公司的 CRM 导出表里，同一位客户、同一个订单号、同一件商品、同样的数量和金额，"
            "出现了**两行一模一样**的记录（系统导出时重复了）。计算客户消费额之前，你会怎么处理？"
        ),
        choices=(
            "两行都保留",
            "删掉其中一行，并在清洗报告里记下删了什么",
            "两行都删掉",
            "把两行的金额加起来，合成一行",
        ),
        expected=lambda: "删掉其中一行，并在清洗报告里记下删了什么",
        accept=(
            "删除一行",
            "删掉一行",
            "保留一行",
            "删除重复行",
            "删掉重复的一行",
            "保留一行，删掉重复的",
            "去重",
        ),
        misconceptions=(
            Misconception("A", "两行都保留，这笔购买就被算了两次，客户的消费额被高估。"),
            Misconception(
                "C", "两行都删掉，一笔真实的购买就悄悄消失了：这正是最糟糕的“静默丢数据”。"
            ),
            Misconception("D", "把金额加起来和保留两行一样，这笔购买还是被算了两次。"),
        ),
        hints=(
            "这笔购买真实发生过几次？",
            "真实发生过一次，就只保留一行；删掉的那一行要说得清为什么。",
        ),
        solution='duplicate_rows = "B"',
        explanation=(
            "购买真实发生了一次，所以保留一行、删掉重复的一行；清洗报告记下删了几行、为什么删，"
            "任何人都能核对。`clean_transactions` 就是这样处理“完全重复的行”的。"
        ),
    )
)


def _sales_direction() -> str:
    orders, clean, _ = _sample()
    before, after = orders["amount"].sum(), clean["amount"].sum()
    return "变多" if after > before else "变少" if after < before else "不变"


q3 = bind(
    Problem(
        name="sales_after_cleaning",
        kind="prediction",
        prompt=(
            "**先猜再验证。** 清洗删掉了几百行。清洗之后，示例数据的“销售额合计”会比清洗前"
            "变多、变少，还是不变？先写下你的猜测并检查；然后在下面的草稿格运行 "
            "`data_overview(transactions=clean)`，和上面清洗前的概况比一比。"
        ),
        choices=("变多", "变少", "不变"),
        expected=_sales_direction,
        accept=("增加", "上升", "多了", "变多了", "增加了", "变大", "变大了", "上升了", "升高"),
        misconceptions=(
            *(
                Misconception(
                    text,
                    "删掉行不一定让合计变少：被删除的取消订单，金额是**负数**。"
                    '去看看 `removed_rows(report=report, reason="取消的订单")` 的“金额”一列。',
                )
                for text in ("变少", "变少了", "减少", "减少了", "少了", "下降", "变小")
            ),
            *(
                Misconception(
                    text,
                    "删掉的行有金额（有正有负），合计一定会变；想想是正的多还是负的多。",
                )
                for text in ("不变", "没变", "一样")
            ),
        ),
        hints=(
            "被删除的行有两大类：缺少客户编号的（金额为正），取消的订单（金额为负）。",
            "减去一个负数，结果会怎样？取消订单的金额合计比缺少客户编号的金额合计更大（按绝对值）。",
        ),
        solution='sales_after_cleaning = "变多"',
        explanation=(
            "取消订单的金额是负数（退回的钱），删掉它们让合计**变多**；缺少客户编号的行金额为正，"
            "删掉它们让合计变少。在示例数据里前者更多，所以清洗后销售额合计从 143,783 变成 145,377 英镑。"
            "这说明清洗会改变结论：每删一类行，都要知道它对结果的影响。"
        ),
    )
)

q4 = bind(
    Problem(
        name="orders_after_cleaning",
        kind="calculation",
        prompt="清洗之后，示例数据里还剩多少**个订单**（不同的订单号）？",
        expected=lambda: int(_sample()[1]["invoice_id"].nunique()),
        misconceptions=(
            Misconception(
                lambda: int(_sample()[0]["invoice_id"].nunique()),
                "这是清洗**前**的订单数。请看 `data_overview(transactions=clean)` 的结果，不是 `orders` 的。",
            ),
            Misconception(
                lambda: len(_sample()[1]),
                "这是清洗后的**行数**：一个订单通常有好几行（每件商品一行）。要找“订单数”。",
            ),
            Misconception(
                lambda: int(_sample()[1]["customer_id"].nunique()),
                "这是客户数：一位客户可以下好几个订单。要找“订单数”。",
            ),
        ),
        hints=(
            "在草稿格运行 `data_overview(transactions=clean)`。",
            "找“订单数”那一行，只写数字，不要加引号和逗号，例如 `orders_after_cleaning = 512`。",
        ),
        solution="orders_after_cleaning = 435  # data_overview(transactions=clean) 中的“订单数”",
        explanation=(
            "清洗前有 750 个订单号，其中缺少客户编号的订单和取消的订单被整单删除，剩下 435 个。"
            "行数、订单数、客户数是三个不同的数，读表时先看清楚是哪一个。"
        ),
    )
)

q5 = bind(
    Problem(
        name="best_month_france",
        kind="calculation",
        prompt=(
            "在上面的小部件里把“国家/地区”换成 **France**（法国）。法国客户哪个月的销售额最高？"
            '用 `"2011-05"` 这样的文字作答（记得加引号）。'
        ),
        expected=lambda: _best_month("France"),
        accept=("2011年11月", "2011-11月", "11月", "2011/11", "2011.11", "2011年11", "十一月"),
        misconceptions=(
            Misconception(
                lambda: _best_month("全部国家"),
                "这是**全部国家**销售额最高的月份。先在下拉框里选 France，再看柱子。",
            ),
        ),
        hints=(
            "下拉框在小部件的最上方，选中 France 后图表会立即变化。",
            "找最高的那根柱子，鼠标悬停可以看到月份和数值。",
        ),
        solution='best_month_france = "2011-11"',
        explanation="选中 France 后，最高的柱子是 2011 年 11 月：圣诞节前的备货季。",
    )
)

q6 = bind(
    Problem(
        name="cn_customers",
        kind="calculation",
        prompt=(
            "**换一份数据。** 禾悦食品（模拟数据）的订单已经读入 `cn_orders`。"
            "在草稿格运行 `data_overview(transactions=cn_orders)`：这份数据里一共有多少位客户？"
        ),
        expected=lambda: int(_cn_orders()["customer_id"].nunique()),
        misconceptions=(
            Misconception(
                lambda: len(_cn_orders()),
                "这是**行数**：每一行是一条订单明细，一位客户有很多行。要找“客户数”。",
            ),
            Misconception(
                lambda: int(_cn_orders()["invoice_id"].nunique()),
                "这是**订单数**：一位客户会下好几个订单。要找“客户数”。",
            ),
        ),
        hints=(
            "在草稿格运行 `data_overview(transactions=cn_orders)`。",
            "找“客户数”那一行，只写数字。",
        ),
        solution="cn_customers = 2000  # data_overview(transactions=cn_orders) 中的“客户数”",
        explanation="同一个函数换一份数据就能用：先看行数、客户数、订单数和日期范围，是每次拿到新数据的第一步。",
    )
)
