"""Practice for module 05 (CLV and customer selection): judgments, then 禾悦食品's customers."""

from __future__ import annotations

from functools import cache

from custseg.exercises.other_names import under_other_names
from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

_STRATEGY = {"potential_value": 30, "loyalty": 20, "payment_ability": 50}
_WIDGET_START = {"potential_value": 33, "loyalty": 33, "payment_ability": 33}
"""The weights the scorecard widget starts from (one third each)."""
OTHER_NAMES = {"客户甲": ("甲",), "客户乙": ("乙",), "一样": ("两人一样", "相同")}


@cache
def _cn_orders():
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


@cache
def _cn_values():
    from custseg.clv_tables import clv_values

    return clv_values(_cn_orders(), months=12)


@cache
def _cn_criteria():
    from custseg.selection import selection_criteria

    return selection_criteria(_cn_orders(), months=12)


def _top_customer(weights: dict[str, float] | None = None) -> str:
    from custseg.selection import select_customers

    return str(select_customers(_cn_criteria(), **(weights or {}), top=1).index[0])


def _core_count(weights: dict[str, float] | None = None) -> int:
    from custseg.selection import tier_table

    return int(tier_table(_cn_criteria(), **(weights or {})).loc["核心客户", "客户数"])


def _top_by_clv():
    return _cn_values().sort_values("clv", ascending=False, kind="stable").iloc[0]


q1 = bind(
    Problem(
        name="next_visit",
        kind="judgment",
        prompt=(
            "客户甲过去两年贡献了 50 万元，但模型预测他未来 12 个月只会带来 2 万元；"
            "客户乙过去只贡献了 5 万元，预测未来 12 个月会带来 20 万元。"
            "下个月只能安排一次上门拜访，你会先拜访谁？"
        ),
        expected=lambda: "客户乙",
        choices=("客户甲", "客户乙"),
        accept=("乙",),
        misconceptions=under_other_names(
            (
                Misconception(
                    "客户甲",
                    "拜访是为将来的生意投入资源；甲的贡献主要在过去，模型认为他将来买得很少"
                    "（可能已经转向别家）。历史价值高，值得感谢，但不等于值得下一次投入。",
                ),
            ),
            OTHER_NAMES,
        ),
        hints=(
            "历史 CLV 说明过去，预测 CLV 说明将来。",
            "拜访的成本花在今天，回报来自将来：看哪一个数字？",
        ),
        solution='next_visit = "客户乙"',
        explanation=(
            "资源投向未来价值高的客户。对客户甲，可以先弄清为什么预测会下降（是否在流失），"
            "用成本更低的方式回访。"
        ),
    )
)

q2 = bind(
    Problem(
        name="likelier_alive",
        kind="prediction",
        prompt=(
            "两位客户都是两年前第一次购买。客户甲在第一年里买了 10 次，之后整整一年再没来过；"
            "客户乙一共只买过 3 次，最后一次就在上周。按 BG/NBD 的思路，谁现在**仍活跃**的概率更高？"
        ),
        expected=lambda: "客户乙",
        choices=("客户甲", "客户乙", "一样"),
        accept=("乙",),
        misconceptions=under_other_names(
            (
                Misconception(
                    "客户甲",
                    "甲以前几周就买一次，却整整一年没来：对一位常买的客户，这么长的空白说明他很可能已经离开。"
                    "买得多不等于现在还活跃。",
                ),
                Misconception(
                    "一样", "两人的复购跨度差很多：甲的最后一次购买在很久以前，乙上周刚买过。"
                ),
            ),
            OTHER_NAMES,
        ),
        hints=(
            "BG/NBD 把每位客户的“空白期”和他自己的购买节奏比较。",
            "一位平时每月都买的人一年不来，和一位一年买一两次的人上周刚买，哪个更反常？",
        ),
        solution='likelier_alive = "客户乙"',
        explanation=(
            "BG/NBD 看的是“按他自己的节奏，这段空白正常吗”。甲的空白远超他的购买间隔，"
            "仍活跃概率很低，是需要挽回的客户；乙刚买过，几乎肯定还活跃。"
        ),
    )
)

q3 = bind(
    Problem(
        name="cn_top_clv",
        prompt=(
            "「禾悦食品」预测未来 12 个月价值最高的那位客户，预测客户终身价值是多少元？"
            "（按销售额计算，即不写 `margin`；四舍五入到整数元。）"
        ),
        expected=lambda: round(float(_top_by_clv()["clv"])),
        compare=close_to(1),
        misconceptions=(
            Misconception(
                lambda: round(float(_top_by_clv()["revenue"])),
                "这是这位客户至今的历史消费金额；题目问的是预测的未来 12 个月价值，看“预测客户终身价值”一列。",
            ),
            Misconception(
                lambda: round(float(_top_by_clv()["clv"]) * 0.3),
                "这是按 30% 毛利率算的结果；题目要按销售额计算（不写 `margin`）。",
            ),
        ),
        hints=(
            "运行 `clv_forecast(transactions=cn_orders, months=12, rows=5)`。",
            "第一行就是预测价值最高的客户；读“预测客户终身价值”一列。",
        ),
        solution="cn_top_clv = 21183  # clv_forecast(transactions=cn_orders, months=12, rows=5) 第一行",
        explanation=(
            "预测价值最高的客户，往往也是最近仍常买的老客户；但排名并不总和历史消费一致："
            "比较“历史消费金额”和“预测客户终身价值”两列，能找出正在成长或正在变冷的客户。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cn_core_customers",
        prompt=(
            "按默认权重（潜在价值 50、忠诚度 30、支付能力 20），「禾悦食品」有多少位**核心客户**？"
        ),
        expected=_core_count,
        misconceptions=(
            Misconception(
                lambda: round(_core_count() / len(_cn_criteria()), 3),
                "这是核心客户的占比；题目问的是人数。",
            ),
            Misconception(
                lambda: _core_count(_STRATEGY),
                "这是练习 7 的权重（支付能力 50）下的人数；这里用默认权重 50 / 30 / 20。",
            ),
        ),
        hints=(
            "运行 `tier_table(criteria=cn_criteria, potential_value=50, loyalty=30, payment_ability=20)`。",
            "看“核心客户”一行的“客户数”。",
        ),
        solution="cn_core_customers = 247  # tier_table(criteria=cn_criteria, ...) 中读到",
        explanation=(
            "总分 80 分以上才是核心客户：大约八分之一的客户。名单的长短由分层分数线决定，"
            "要和客户经理的人手相匹配。"
        ),
    )
)

q5 = bind(
    Problem(
        name="proxy_problem",
        kind="judgment",
        prompt=(
            "有人建议用“没有取消的订单比例”代表支付能力。示例网店里 73% 的客户从没取消过订单。"
            "这个衡量方法最大的问题是什么？"
        ),
        expected=lambda: "73% 的客户都得到同样的最高分，这条标准分不出谁的支付能力更强",
        choices=(
            "73% 的客户都得到同样的最高分，这条标准分不出谁的支付能力更强",
            "取消订单的数据不准确",
            "支付能力本来就不重要",
        ),
        misconceptions=(
            Misconception(
                "B",
                "数据本身没问题；问题在于大多数客户的值都一样（都是 100%），排名时并列第一。",
            ),
            Misconception(
                "C",
                "支付能力很重要（坏账会吃掉利润）；问题是这个衡量方法把大多数客户打成了同一个分数。",
            ),
        ),
        hints=(
            "评分卡按客户在全体中的排名给分。",
            "如果 73% 的客户的值都是 100%，他们的排名和分数会怎样？",
        ),
        solution='proxy_problem = "A"',
        explanation=(
            "一条标准要能把客户拉开差距才有用。平均客单价（或真实的回款天数）在客户之间差别很大，"
            "`criteria_spread` 显示并列最高的客户不到 2%。"
        ),
    )
)

q6 = bind(
    Problem(
        name="weak_criterion",
        kind="judgment",
        prompt=(
            "一家经销商每月都大量进货，预测未来价值也很高，但货款平均拖欠 90 天才付。"
            "如果评分卡用真实的回款记录打分，三条标准中他哪一条的分数会低？"
        ),
        expected=lambda: "支付能力",
        choices=("潜在价值", "忠诚度", "支付能力"),
        accept=("付款能力", "回款"),
        misconceptions=(
            Misconception("潜在价值", "预测未来价值高，潜在价值分数就高。问题出在付款上。"),
            Misconception(
                "忠诚度", "每月都大量进货，说明他很依赖你们，忠诚度分数高。问题出在付款上。"
            ),
        ),
        hints=(
            "三条标准分别看：将来能带来多少、是否离不开你们、能否及时付款。",
            "拖欠货款对应哪一条？",
        ),
        solution='weak_criterion = "支付能力"',
        explanation=(
            "他是“买得多但付款慢”的客户：若企业现金紧张，提高支付能力的权重，他就会从名单前列往后退。"
            "注意：本讲用平均客单价代替支付能力，他的大额订单反而会得高分——有回款记录时，一定要用回款记录。"
        ),
    )
)

q7 = bind(
    Problem(
        name="cn_first_on_list",
        kind="decision",
        prompt=(
            "在小部件上把权重调成潜在价值 30、忠诚度 20、支付能力 50。名单的**第 1 名**是哪位客户？"
            '写出客户编号，例如 `"C00001"`。'
        ),
        expected=lambda: _top_customer(_STRATEGY),
        misconceptions=(
            Misconception(
                lambda: _top_customer(),
                "这是权重还没调成 30 / 20 / 50 时的第 1 名（默认权重 50 / 30 / 20）；"
                "把三个滑块调到 30 / 20 / 50 再看。",
            ),
            Misconception(
                "C00001",
                "C00001 是题目里举的格式例子；请写小部件名单第一行的客户编号。",
            ),
        ),
        hints=(
            "三个滑块依次是潜在价值、忠诚度、支付能力的权重。",
            "调好后看名单表格第一行左边的客户编号。也可以运行 "
            "`select_customers(criteria=cn_criteria, potential_value=30, loyalty=20, payment_ability=50, top=3)`。",
        ),
        solution='cn_first_on_list = "C00706"',
        explanation=(
            "支付能力的权重提高后，客单价高的客户排到了前面。权重不是技术问题，而是策略："
            "今年看重回款，名单就应该变。"
        ),
    )
)
