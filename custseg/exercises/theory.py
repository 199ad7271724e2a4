"""Practice for module 01 (theory): value concentration, lifecycle stages, which theory applies."""

from __future__ import annotations

from functools import cache

import pandas as pd

from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

STAGE_CHOICES = ("潜在", "新客", "回购", "忠诚", "流失风险", "已流失")
"""The lifecycle stages of :mod:`custseg.lifecycle`, in order (checked by the tests)."""

STAGE_SYNONYMS = {
    "潜在": ("潜在客户",),
    "新客": ("新客户", "首次购买客户"),
    "回购": ("回购客户",),
    "忠诚": ("忠诚客户",),
    "流失风险": ("流失风险客户",),
    "已流失": ("已流失客户", "流失客户"),
}
"""Other names of each stage a learner may write, also used by the course's own texts."""

THEORIES = ("市场细分理论", "客户生命周期理论", "客户价值理论", "价值链理论")


@cache
def _sample_clean() -> pd.DataFrame:
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


@cache
def _cn_orders() -> pd.DataFrame:
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


def _share(data: pd.DataFrame, top: float) -> float:
    from custseg.abc_analysis import top_share

    return round(float(top_share(data, top=top)), 2)


def _scenario_stage(orders: int, first_days_ago: int, last_days_ago: int) -> str:
    """The package's stage for a customer described in words (orders spread evenly)."""
    from custseg.lifecycle import lifecycle_stages

    as_of = pd.Timestamp("2024-07-01")
    days = pd.Series(range(orders), dtype="float64")
    step = (first_days_ago - last_days_ago) / max(orders - 1, 1)
    dates = as_of - pd.to_timedelta((first_days_ago - days * step).round(), unit="D")
    tx = pd.DataFrame(
        {
            "customer_id": "客户",
            "invoice_id": [f"单{i}" for i in range(orders)],
            "invoice_date": dates,
            "amount": 100.0,
        }
    )
    return str(lifecycle_stages(tx, as_of=as_of)["stage"].iloc[0])


def _stage_in_sample(customer_id: int) -> str:
    from custseg.lifecycle import lifecycle_stages

    return str(lifecycle_stages(_sample_clean()).loc[customer_id, "stage"])


def _with_synonyms(stage: str) -> tuple[str, ...]:
    return (*STAGE_SYNONYMS[stage], f"{stage}阶段", f"{stage}期")


HALF_STAGE = Misconception(
    "流失",
    "“流失”有两个阶段：**流失风险**（90—180 天没买）和**已流失**（超过 180 天没买）。"
    "请写全是哪一个。",
)


def _with_short_names(*misconceptions: Misconception) -> tuple[Misconception, ...]:
    """Each misconception that names a theory, also under its short name (without 理论)."""
    short = [
        Misconception(m.answer.removesuffix("理论"), m.message)
        for m in misconceptions
        if isinstance(m.answer, str) and m.answer.endswith("理论")
    ]
    return (*misconceptions, *short)


def share_compare(tolerance: float):
    """``close_to(tolerance)``, and a percent written for a fraction gets its own message."""
    plain = close_to(tolerance)

    def compare(expected: object, answer: object) -> str | None:
        if isinstance(answer, str) and answer.strip().endswith(("%", "％")):
            return (
                f"请写数字本身，不要加引号和 %：比例写成 0 到 1 之间的小数，"
                f"例如 57% 写成 0.57（你写的 {answer.strip()} 就是 "
                f"{_percent_text(answer)}）。"
            )
        problem = plain(expected, answer)
        if (
            problem is not None
            and isinstance(answer, int | float)
            and not isinstance(answer, bool)
            and 1 < answer <= 100
            and abs(answer / 100 - float(expected)) <= tolerance
        ):
            return _PERCENT
        return problem

    return compare


def _percent_text(answer: str) -> str:
    try:
        return f"{float(answer.strip().rstrip('%％')) / 100:g}"
    except ValueError:
        return "一个 0 到 1 之间的小数"


_PERCENT = "这是百分数：题目要的是 0 到 1 之间的小数，例如 57% 写成 0.57。"

q1 = bind(
    Problem(
        name="top10_share",
        kind="prediction",
        prompt=(
            "**先猜再拖。** 示例网店里，消费最多的**前 10%** 客户贡献了多少比例的销售额？"
            "先在心里猜一个数，再把上面小部件的滑块拖到 10，读出答案。"
            "写成两位小数，例如 0.35。"
        ),
        expected=lambda: _share(_sample_clean(), 0.1),
        compare=share_compare(0.01),
        misconceptions=(
            Misconception(lambda: round(_share(_sample_clean(), 0.1) * 100), _PERCENT),
            Misconception(
                0.1,
                "如果每位客户买得一样多，前 10% 的客户正好贡献 10%；真实数据远不是这样。"
                "把滑块拖到 10，读句子里的百分比。",
            ),
            Misconception(
                lambda: _share(_sample_clean(), 0.2),
                "这是**前 20%** 客户的占比（滑块的起点）。把滑块拖到 10。",
            ),
        ),
        hints=(
            "滑块叫“前 x% 客户”，拖到 10 后，上方的句子会写出答案。",
            "句子里的百分比除以 100 就是小数，例如 42.5% 写成 0.43（两位小数）。",
        ),
        solution="top10_share = 0.36  # 滑块拖到 10：前 10% 的客户贡献了 36.1% 的销售额",
        explanation=(
            "示例网店前 10% 的客户（15 位）贡献了约 36% 的销售额，是平均水平的 3.6 倍。"
            "价值越集中，越值得为少数关键客户单独设计服务。"
        ),
    )
)

q2 = bind(
    Problem(
        name="cn_top20_share",
        kind="calculation",
        prompt=(
            "**换一份数据。** 禾悦食品（模拟数据）的订单在 `cn_orders` 里。"
            "在草稿格运行 `concentration_table(data=cn_orders)`："
            "前 20% 的客户贡献了多少比例的销售额？写成两位小数。"
        ),
        expected=lambda: _share(_cn_orders(), 0.2),
        compare=share_compare(0.01),
        misconceptions=(
            Misconception(lambda: round(_share(_cn_orders(), 0.2) * 100), _PERCENT),
            Misconception(
                0.8,
                "“二八法则”只是经验，不是每份数据都正好 80%。请运行草稿格，读表里的数。",
            ),
            Misconception(
                lambda: _share(_sample_clean(), 0.2),
                "这是**示例网店**前 20% 的占比。请用 `data=cn_orders` 算禾悦食品的。",
            ),
        ),
        hints=(
            "草稿格写 `concentration_table(data=cn_orders)`，运行。",
            "看“前 20% 客户的金额占比”那一行，把百分数写成小数。",
        ),
        solution="cn_top20_share = 0.71  # concentration_table(data=cn_orders)：前 20% 客户的金额占比 70.6%",
        explanation=(
            "禾悦食品前 20% 的客户贡献了约 71% 的销售额：比示例网店（57%）更集中，"
            "接近“二八法则”。同一个问题换一份数据，答案可能很不一样，所以要用自己的数据算。"
        ),
    )
)

q3 = bind(
    Problem(
        name="stage_of_wang",
        kind="judgment",
        prompt=(
            "王女士 150 天前第一次买，之后又买了 5 次（一共 6 次），最近一次是 10 天前。"
            "按本课程的默认规则，她在哪个生命周期阶段？"
        ),
        choices=STAGE_CHOICES,
        expected=lambda: _scenario_stage(orders=6, first_days_ago=150, last_days_ago=10),
        accept=_with_synonyms("忠诚"),
        misconceptions=(
            Misconception(
                "回购",
                "回购是买过 2 到 4 次；按默认规则，最近还在买、且买满 5 次的，已经是下一个阶段。",
            ),
            Misconception(
                "新客",
                "新客是第一次购买在 90 天以内、或只买过一次的客户；她 150 天前就开始买了，买了 6 次。",
            ),
        ),
        hints=(
            "先看她最近还买不买（最近一次是几天前？），再看一共买了几次。",
            "最近一次在 90 天以内算“还活跃”；活跃、成为客户超过 90 天、买满 5 次的是哪个阶段？",
        ),
        solution='stage_of_wang = "忠诚"',
        explanation=(
            "她最近 10 天内还买过（活跃），成为客户已 150 天，一共 6 次，达到“5 次及以上”："
            "**忠诚**。营销重点是维护关系：专属权益、优先服务、请她推荐新客户。"
        ),
    )
)

q4 = bind(
    Problem(
        name="stage_of_zhang",
        kind="judgment",
        prompt=(
            "张先生去年是店里的常客，一共买了 8 次，可最近一次购买已经是 **200 天前**。"
            "按本课程的默认规则，他现在在哪个阶段？"
        ),
        choices=STAGE_CHOICES,
        expected=lambda: _scenario_stage(orders=8, first_days_ago=500, last_days_ago=200),
        accept=_with_synonyms("已流失"),
        misconceptions=(
            HALF_STAGE,
            Misconception(
                "忠诚",
                "阶段看的是**现在**：买过 8 次说明他曾经忠诚，但 200 天没有购买，关系已经冷了。",
            ),
            Misconception(
                "流失风险",
                "默认规则里，90 到 180 天没买是流失风险；超过 180 天，就进入下一个阶段了。",
            ),
        ),
        hints=(
            "先看最近一次购买是多少天前，再看他买过几次。",
            "默认规则：90 天以内算活跃，90—180 天是流失风险，超过 180 天呢？",
        ),
        solution='stage_of_zhang = "已流失"',
        explanation=(
            "超过 180 天没有购买，按默认规则是**已流失**，不论过去买过多少次。"
            "对他这样“曾经的好客户”，值得低成本地唤醒一次（第 6 讲会调整这些天数）。"
        ),
    )
)

q5 = bind(
    Problem(
        name="stage_of_14344",
        kind="judgment",
        prompt=(
            "示例网店的客户 **14344**：在草稿格运行 `customer_card(transactions=clean, customer_id=14344)`，"
            "读他的订单数和“最近购买距今天数”，按默认规则判断他在哪个阶段。"
        ),
        choices=STAGE_CHOICES,
        expected=lambda: _stage_in_sample(14344),
        accept=_with_synonyms("流失风险"),
        misconceptions=(
            HALF_STAGE,
            Misconception(
                "忠诚",
                "他确实买过 8 次，但最近一次已经是 100 多天前：超过 90 天没买，就不再算“活跃”的忠诚客户。",
            ),
            Misconception("已流失", "已流失要超过 180 天没买；他还没到，现在挽回正是时候。"),
            Misconception("回购", "回购客户要最近 90 天内还在买，而且只买过 2 到 4 次。"),
        ),
        hints=(
            "先看“最近购买距今天数”：在 90 天以内、90—180 天，还是超过 180 天？",
            "90—180 天没买的客户，不论过去买过几次，都在同一个阶段。",
        ),
        solution='stage_of_14344 = "流失风险"',
        explanation=(
            "客户 14344 买过 8 次，是曾经的常客，但已经 128 天没有购买（90—180 天）：**流失风险**。"
            "这正是最值得马上关怀回访的客户：过去价值高，现在还来得及挽回。"
        ),
    )
)

q6 = bind(
    Problem(
        name="theory_dairy",
        kind="judgment",
        prompt=(
            "一家乳制品企业把市场分成“健身人群”“有孩子的家庭”“老年人”三群，"
            "分别推出高蛋白奶、儿童成长奶和高钙奶，广告也各说各的。这主要体现了哪个理论？"
        ),
        choices=THEORIES,
        expected=lambda: "市场细分理论",
        accept=("市场细分", "细分理论", "市场细分理论"),
        misconceptions=_with_short_names(
            Misconception(
                "客户价值理论",
                "这里分群的依据是**需求**（健身、孩子成长、补钙），不是客户为企业贡献了多少钱。",
            ),
            Misconception(
                "客户生命周期理论",
                "这里没有说客户处在关系的哪个阶段（新客、忠诚、流失……），而是按需求分群。",
            ),
        ),
        hints=(
            "这三群人的区别是什么：买了多少？买了多久？还是需要什么？",
            "按需求和特征把市场分成若干群、分别设计产品的思想叫什么？",
        ),
        solution='theory_dairy = "市场细分理论"',
        explanation=(
            "市场是**异质**的：不同人群需求不同。按需求把市场分群、为每一群设计产品和沟通方式，"
            "就是市场细分理论。"
        ),
    )
)

q7 = bind(
    Problem(
        name="theory_bank",
        kind="judgment",
        prompt=(
            "一家银行发现，5% 的客户贡献了 60% 的利润。银行为这 5% 的客户配了专属客户经理，"
            "其余客户主要用手机银行服务。这主要体现了哪个理论？"
        ),
        choices=THEORIES,
        expected=lambda: "客户价值理论",
        accept=("客户价值", "价值理论"),
        misconceptions=_with_short_names(
            Misconception(
                "二八法则",
                "“二八法则”是一个经验现象（少数客户贡献大部分价值），不是选项里的理论；"
                "它说明了哪个理论？请写选项的字母或文字。",
            ),
            Misconception(
                "CRM",
                "CRM（客户关系管理）是落实客户分类的工具和系统，不是选项里的理论；"
                "银行按什么把客户分成两类？",
            ),
            Misconception(
                "市场细分理论",
                "市场细分按需求和特征分群；这里分群的依据是客户给银行带来的**利润贡献**。",
            ),
            Misconception(
                "价值链理论",
                "价值链讲企业的各项活动怎样为客户创造价值；这里是在比较**客户为企业**创造的价值。",
            ),
            Misconception(
                "客户生命周期理论",
                "这里没有看客户处在哪个关系阶段，而是看谁贡献的利润多。",
            ),
        ),
        hints=("银行是按什么把客户分成两类的？", "按“客户为企业创造的经济价值”分群的是哪个理论？"),
        solution='theory_bank = "客户价值理论"',
        explanation=(
            "客户价值理论：客户为企业创造的价值差别很大（直接收入、利润贡献、长期价值）。"
            "识别高价值客户、把有限的人力投向他们，是它最直接的应用。"
        ),
    )
)
