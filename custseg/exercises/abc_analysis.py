"""Practice for module 04 (ABC classification and value tiers): the sample shop, then 禾悦食品."""

from __future__ import annotations

from functools import cache

from custseg.exercises.other_names import MORE_OR_FEWER, under_other_names
from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

_STEP = 0.05  # the A slider of abc_cut_explorer moves in steps of 5 %
_KEY_ACCOUNTS = 20


@cache
def _clean():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


@cache
def _cn_orders():
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


def _a_class(data, a_cut: float = 0.8):
    from custseg.abc_analysis import abc_classify

    classified = abc_classify(data, cuts=(a_cut, 0.95))
    return classified[classified["abc_class"] == "A"], classified


@cache
def _cut_for_key_accounts() -> float:
    """The largest slider position that leaves at most 20 A customers in the sample."""
    from custseg.widgets.abc_analysis import A_SLIDER

    best = None
    steps = round((A_SLIDER["max"] - A_SLIDER["min"]) / A_SLIDER["step"])
    for k in range(steps + 1):
        cut = round(A_SLIDER["min"] + k * A_SLIDER["step"], 2)
        if len(_a_class(_clean(), cut)[0]) <= _KEY_ACCOUNTS:
            best = cut
    return best


def _a_share(cut: float) -> float:
    a, classified = _a_class(_clean(), cut)
    return float(a["value"].sum() / classified["value"].sum())


def _gini(data) -> float:
    from custseg.abc_analysis import gini

    return round(gini(data), 2)


def _tier_means():
    from custseg.abc_analysis import value_tiers

    tiers = value_tiers(_cn_orders())
    return float(tiers.loc["高价值客户", "平均每位客户"]), float(
        tiers.loc["低价值客户", "平均每位客户"]
    )


OTHER_NAMES = {
    "更分散": ("分散", "更分散了", "更平均"),
    "差不多": ("一样", "差不多一样", "相近"),
}
"""Other ways a learner writes a wrong choice; each gets that choice's message."""


q1 = bind(
    Problem(
        name="a_count_change",
        kind="prediction",
        prompt=(
            "领导说：“把 A 类的分界从累计 80% 提高到 **90%**。” 在示例网店里，"
            "A 类（重点客户）的人数会变多、变少，还是不变？先预测，再用下面的滑块验证。"
        ),
        expected=lambda: (
            "变多" if len(_a_class(_clean(), 0.9)[0]) > len(_a_class(_clean())[0]) else "变少"
        ),
        choices=("变多", "变少", "不变"),
        compare=MORE_OR_FEWER,
        misconceptions=(
            Misconception(
                "变少",
                "分界提高到 90%，意味着要累加**更多**客户才能凑够 90% 的销售额：A 类只会多，不会少。",
            ),
            Misconception("不变", "累计到 90% 要比累计到 80% 多走几位客户，A 类会增加。"),
        ),
        hints=(
            "A 类 = 从最大的客户往下数，直到累计金额达到分界点为止的那些客户。",
            "终点从 80% 移到 90%，要数过的客户是多了还是少了？",
        ),
        solution='a_count_change = "变多"',
        explanation=(
            "分界越高，A 类越大：“重点客户”多了，每位客户经理要照顾的人也多了，"
            "服务反而可能变薄。分界点要和团队能服务多少人一起定。"
        ),
    )
)

q2 = bind(
    Problem(
        name="a_cut_for_20",
        kind="decision",
        prompt=(
            "在小部件上移动“A 类累计到”滑块：A 类**不超过 20 位**客户时，滑块最大能放在哪里？"
            "写成小数（例如滑块显示 35%，就写 0.35）。"
        ),
        expected=_cut_for_key_accounts,
        compare=close_to(0.001),
        misconceptions=(
            Misconception(
                lambda: round(_cut_for_key_accounts() * 100),
                "滑块显示的是百分数；请写成 0 到 1 之间的小数。",
            ),
            Misconception(
                lambda: round(_cut_for_key_accounts() + _STEP, 2),
                "在这个位置 A 类已经超过 20 位了；再往左退一格。",
            ),
            Misconception(0.8, "这是默认分界，A 类有 60 多位，远超 20 位客户经理能服务的数量。"),
        ),
        hints=(
            "把 A 滑块往左拖，看表格中“A 重点客户”那一行的“客户数”。",
            "找到客户数刚好不超过 20 的位置；再往右一格就会超过 20。",
        ),
        solution="a_cut_for_20 = 0.4",
        explanation=(
            "分界放在 40% 时 A 类有 18 位，放到 45% 就有 21 位。"
            "服务能力决定分界点：只有 20 个名额，就只能把“重点客户”定义得更窄。"
        ),
    )
)

q3 = bind(
    Problem(
        name="a_value_share",
        prompt=(
            "滑块停在上一题的位置时，这不到 20 位 A 类客户贡献了全部销售额的多少？"
            "写成小数，保留两位（例如 0.25）。"
        ),
        expected=lambda: round(_a_share(_cut_for_key_accounts()), 2),
        compare=close_to(0.006),
        misconceptions=(
            Misconception(
                lambda: round(_a_share(_cut_for_key_accounts()) * 100),
                "这是百分数；题目要的是 0 到 1 之间的小数，例如 41% 写成 0.41。",
            ),
            Misconception(
                lambda: round(
                    len(_a_class(_clean(), _cut_for_key_accounts())[0])
                    / len(_a_class(_clean())[1]),
                    2,
                ),
                "这是 A 类占**客户人数**的比例；题目问的是他们贡献的**金额**占比，看“金额占比”一列。",
            ),
        ),
        hints=(
            "看小部件表格中“A 重点客户”一行的“金额占比”。",
            "表里写的是百分数，换成小数：例如 36.1% 写成 0.36。",
        ),
        solution="a_value_share = 0.41",
        explanation=(
            "约 12% 的客户（18 位）带来了约 41% 的销售额：两位客户经理服务好这 18 位，"
            "就守住了四成的生意。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cn_more_concentrated",
        kind="prediction",
        prompt=(
            "示例网店的基尼系数是 0.52。「禾悦食品」既有零星购买的个人客户，也有通过经销商"
            "成批采购的大客户。先预测：禾悦食品的客户价值比示例网店**更集中**还是**更分散**？"
        ),
        expected=lambda: "更集中" if _gini(_cn_orders()) > _gini(_clean()) else "更分散",
        choices=("更集中", "更分散", "差不多"),
        accept=("集中", "更集中了", "更加集中"),
        misconceptions=under_other_names(
            (
                Misconception(
                    "更分散",
                    "客户越多并不意味着越分散；少数大额采购的客户会把曲线拉离对角线。算一算再看。",
                ),
                Misconception(
                    "差不多",
                    "运行 `concentration_table(data=cn_orders)` 比较两家的基尼系数，差别不小。",
                ),
            ),
            OTHER_NAMES,
        ),
        hints=(
            "少数客户买得特别多时，价值就集中，基尼系数就高。",
            "运行 `concentration_table(data=cn_orders)`，和 0.52 比一比。",
        ),
        solution='cn_more_concentrated = "更集中"',
        explanation=(
            "禾悦食品的基尼系数明显高于 0.52：少数大客户贡献了大部分销售额，"
            "丢掉其中一位的损失更大，A 类客户的维护更要紧。"
        ),
    )
)

q5 = bind(
    Problem(
        name="cn_gini",
        prompt="「禾悦食品」客户消费额的**基尼系数**是多少？保留两位小数。",
        expected=lambda: _gini(_cn_orders()),
        compare=close_to(0.006),
        misconceptions=(
            Misconception(
                lambda: round(_gini(_cn_orders()) * 100), "基尼系数在 0 到 1 之间，不是百分数。"
            ),
            Misconception(lambda: _gini(_clean()), "这是示例网店的基尼系数；请用 `cn_orders`。"),
        ),
        hints=(
            "运行 `concentration_table(data=cn_orders)`。",
            "第一行“基尼系数”就是答案。",
        ),
        solution="cn_gini = 0.67  # concentration_table(data=cn_orders) 的第一行",
        explanation="基尼系数越接近 1，销售越依赖少数客户。",
    )
)

q6 = bind(
    Problem(
        name="cn_a_customers",
        prompt="按默认分界（80% / 95%），「禾悦食品」的 A 类（重点客户）有多少位？",
        expected=lambda: len(_a_class(_cn_orders())[0]),
        misconceptions=(
            Misconception(
                lambda: round(len(_a_class(_cn_orders())[0]) / len(_a_class(_cn_orders())[1]), 3),
                "这是 A 类占客户人数的比例；题目问的是人数。",
            ),
            Misconception(
                lambda: len(_a_class(_clean())[0]), "这是示例网店的 A 类人数；请用 `cn_abc`。"
            ),
        ),
        hints=(
            "运行 `abc_class_table(classified=cn_abc)`，看“A 重点客户”一行的“客户数”。",
            '或者：`cn_a_customers = count_rows(table=cn_abc, abc_class="A")`',
        ),
        solution='cn_a_customers = count_rows(table=cn_abc, abc_class="A")',
        explanation=(
            "不到三成的客户贡献了八成的销售额：禾悦食品同样符合“少数客户贡献大部分价值”的规律。"
        ),
    )
)

q7 = bind(
    Problem(
        name="cn_tier_ratio",
        prompt=(
            "把「禾悦食品」的客户按价值平均分成高、中、低三层（`value_tiers(data=cn_orders)`）。"
            "高价值层**平均每位客户**的消费额是低价值层的多少**倍**？保留一位小数。"
        ),
        expected=lambda: round(_tier_means()[0] / _tier_means()[1], 1),
        compare=close_to(0.3),
        misconceptions=(
            Misconception(
                lambda: _tier_means()[0] - _tier_means()[1],
                "这是两者相差多少元（减法）；题目问的是几倍（除法）。",
            ),
            Misconception(
                lambda: round(_tier_means()[1] / _tier_means()[0], 3),
                "除反了：用高价值层的平均数除以低价值层的平均数。",
            ),
        ),
        hints=(
            "运行 `value_tiers(data=cn_orders)`，看“平均每位客户”一列。",
            "倍数 = 高价值层的平均 ÷ 低价值层的平均；可以直接写 `cn_tier_ratio = 3846 / 130`。",
        ),
        solution="cn_tier_ratio = 3846 / 130  # value_tiers(data=cn_orders) 中读到的两个平均数",
        explanation=(
            "同样是三分之一的客户，高价值层人均消费是低价值层的几十倍："
            "给每层配同样的销售人力，投入产出会差得很远。"
        ),
    )
)

q8 = bind(
    Problem(
        name="c_class_plan",
        kind="decision",
        prompt=(
            "在禾悦食品，C 类（一般客户）人数最多、贡献最少（大约四成客户，只贡献 5% 的销售额）。"
            "下一季度你会怎么对待他们？"
        ),
        expected=lambda: "用低成本的线上和自动化服务维持，同时找出有潜力升级为 B 类的客户重点培养",
        choices=(
            "停止一切服务和营销，把资源全部给 A 类",
            "用低成本的线上和自动化服务维持，同时找出有潜力升级为 B 类的客户重点培养",
            "和 A 类一样配专属客户经理，一视同仁",
        ),
        misconceptions=(
            Misconception(
                "A",
                "C 类里有刚来的新客户和正在成长的客户；一刀切地放弃，就丢掉了将来的 B 类、A 类。",
            ),
            Misconception("C", "C 类人数多、贡献少，一对一的专属服务成本远高于他们带来的价值。"),
        ),
        hints=(
            "资源要和价值相称，但“现在贡献少”不等于“将来贡献少”。",
            "有没有一种做法，既省成本，又不放过有潜力的客户？",
        ),
        solution='c_class_plan = "B"',
        explanation=(
            "ABC 分类决定资源怎么分，而不是“要不要这些客户”。C 类用低成本方式服务，"
            "再用第 5 讲的客户终身价值找出其中值得培养的人。"
        ),
    )
)
