"""Practice for module 06 (lifecycle stages and cohorts) on the simulated 禾悦食品 orders."""

from __future__ import annotations

from functools import cache

from custseg.exercises.other_names import MORE_OR_FEWER, under_other_names
from custseg.exercises.problem import Misconception, Problem, bind, close_to
from custseg.exercises.theory import HALF_STAGE, STAGE_SYNONYMS

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

_STAGE_NAMES = ("新客", "回购", "忠诚", "流失风险", "已流失")


@cache
def _cn_orders():
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


@cache
def _stage_counts(at_risk_days: int = 90) -> dict[str, int]:
    """Customers per stage with the widget's thresholds, at-risk after ``at_risk_days``."""
    from custseg.lifecycle import explorer_thresholds, lifecycle_stages

    stages = lifecycle_stages(_cn_orders(), **explorer_thresholds(at_risk_days))
    return stages["stage"].value_counts().to_dict()


@cache
def _first_cohort():
    from custseg.cohorts import cohort_table

    counts = cohort_table(_cn_orders())
    return counts.iloc[0]


def _with_suffix(stage: str) -> tuple[str, ...]:
    return (f"{stage}客户", f"{stage}阶段", f"{stage}期")


OTHER_NAMES = {
    **{stage: (*names, f"{stage}阶段", f"{stage}期") for stage, names in STAGE_SYNONYMS.items()},
}
"""Other ways a learner writes a wrong choice (the course's own stage names among them)."""


q1 = bind(
    Problem(
        name="cn_at_risk",
        prompt="按默认规则，「禾悦食品」现在处于**流失风险**阶段的客户有多少位？",
        expected=lambda: _stage_counts()["流失风险"],
        misconceptions=(
            Misconception(
                lambda: _stage_counts()["已流失"],
                "这是“已流失”（超过 180 天没买）的人数；流失风险是 90 到 180 天没买的客户。",
            ),
            Misconception(
                lambda: round(_stage_counts()["流失风险"] / sum(_stage_counts().values()), 3),
                "这是占比；题目问的是人数。",
            ),
        ),
        hints=(
            "运行 `stage_table(stages=cn_stages)`，看“流失风险”一行的“客户数”。",
            '或者：`cn_at_risk = count_rows(table=cn_stages, stage="流失风险")`',
        ),
        solution='cn_at_risk = count_rows(table=cn_stages, stage="流失风险")',
        explanation=(
            "这两百多位客户曾经买过、最近三到六个月没来：他们是挽回成本最低、最值得马上联系的人。"
        ),
    )
)

q2 = bind(
    Problem(
        name="old_customer_stage",
        kind="judgment",
        prompt=(
            "一位客户 5 年来几乎每个月都买，但已经 **100 天**没有购买了。"
            "按默认规则（90 天、180 天、5 单），他现在处在哪个阶段？"
        ),
        expected=lambda: "流失风险",
        choices=("忠诚", "回购", "流失风险", "已流失"),
        accept=_with_suffix("流失风险"),
        misconceptions=under_other_names(
            (
                HALF_STAGE,
                Misconception(
                    "忠诚",
                    "“忠诚”要求近期活跃（90 天内买过）。过去再忠诚，100 天没来也先算流失风险——"
                    "这正是要马上关心他的信号。",
                ),
                Misconception("回购", "回购和忠诚一样要求近期活跃；他已经 100 天没买了。"),
                Misconception(
                    "已流失", "超过 180 天没买才算已流失；100 天还在流失风险阶段，来得及挽回。"
                ),
            ),
            OTHER_NAMES,
        ),
        hints=(
            "阶段先看“最近购买距今天数”，再看订单数。",
            "90 天以内买过才算活跃；90 到 180 天之间呢？",
        ),
        solution='old_customer_stage = "流失风险"',
        explanation=(
            "生命周期阶段描述的是**现在**的关系。老客户突然不来，往往是出了问题（服务、价格、竞争对手），"
            "越早联系越容易挽回。"
        ),
    )
)

q3 = bind(
    Problem(
        name="stage_for_coupon",
        kind="decision",
        prompt=("预算只够给一个阶段的客户发“回来看看”优惠券，且希望花得最值。你会选哪个阶段？"),
        expected=lambda: "流失风险",
        choices=("新客", "忠诚", "流失风险", "已流失"),
        accept=_with_suffix("流失风险"),
        misconceptions=under_other_names(
            (
                HALF_STAGE,
                Misconception(
                    "忠诚",
                    "忠诚客户最近还在常买，不发券也会来：券的钱大多花在本来就会发生的购买上。",
                ),
                Misconception(
                    "新客",
                    "新客刚刚来过，需要的是欢迎和好的第一次体验；“回来看看”的券对他们来得太早。",
                ),
                Misconception(
                    "已流失",
                    "已流失的客户超过半年没来，挽回成功率低、成本高；同样的预算在流失风险客户身上回报更高。",
                ),
            ),
            OTHER_NAMES,
        ),
        hints=(
            "已经很久没买的人，挽回的成功率低；最近还在买的人，不需要优惠券也会买。",
            "介于两者之间、正在变冷但还来得及挽回的是哪个阶段？",
        ),
        solution='stage_for_coupon = "流失风险"',
        explanation="流失风险客户曾经是活跃客户，刚开始变冷，及时关怀挽回的成功率最高、成本最低。",
    )
)

q4 = bind(
    Problem(
        name="at_risk_change",
        kind="prediction",
        prompt=(
            "快消品一般一两个月就会回购。如果把“多少天未购买算流失风险”从 90 天改成 **60 天**"
            "（“已流失”仍是 180 天），禾悦食品的**流失风险**客户会变多、变少，还是不变？"
            "先写下预测，再去拖滑块。"
        ),
        expected=lambda: (
            "变多" if _stage_counts(60)["流失风险"] > _stage_counts()["流失风险"] else "变少"
        ),
        choices=("变多", "变少", "不变"),
        compare=MORE_OR_FEWER,
        misconceptions=(
            Misconception(
                "变少",
                "门槛提前了：61 到 90 天没买的客户原来算活跃，现在也算流失风险；"
                "“已流失”的门槛没变，没有人离开流失风险。",
            ),
            Misconception("不变", "61 到 90 天没买的那些客户会从活跃阶段进入流失风险。"),
        ),
        hints=(
            "流失风险 = 超过“流失风险天数”、但不超过“已流失天数”没有购买。",
            "下限从 90 降到 60、上限 180 不变，这个区间变宽了还是变窄了？",
        ),
        solution='at_risk_change = "变多"',
        explanation=(
            "阈值越短，越早把客户标成流失风险：名单变长，但能更早挽回。阈值要按自己业务的购买周期来定。"
        ),
    )
)

q5 = bind(
    Problem(
        name="at_risk_at_60_days",
        prompt=(
            "把小部件的第一个滑块（多少天未购买算流失风险）拖到 **60**，另外两个滑块不动。"
            "现在禾悦食品有多少位**流失风险**客户？"
        ),
        expected=lambda: _stage_counts(60)["流失风险"],
        misconceptions=(
            Misconception(
                lambda: _stage_counts()["流失风险"],
                "这是滑块还在 90 天时的人数。把第一个滑块拖到 60 再读一次。",
            ),
            Misconception(
                lambda: _stage_counts(60)["已流失"],
                "这是“已流失”的人数；题目问的是流失风险。",
            ),
        ),
        hints=(
            "滑块下方的文字和柱子上的数字都写着每个阶段的人数。",
            "拖不准时，点一下滑块，用键盘左右方向键微调到 60。",
        ),
        solution="at_risk_at_60_days = 346",
        explanation=(
            "从 90 天改成 60 天，流失风险客户多了约一百位：客服的回访名单更长，但能更早发现变冷的客户。"
        ),
    )
)

q6 = bind(
    Problem(
        name="first_cohort_month_one",
        prompt=(
            "「禾悦食品」第一批客户（2023 年 1 月获客）在首购后**第 1 个月**的留存率是多少？"
            "写成 0 到 1 之间的小数，保留两位（例如 0.35）。"
        ),
        expected=lambda: round(float(_first_cohort()[1] / _first_cohort()[0]), 2),
        compare=close_to(0.006),
        misconceptions=(
            Misconception(
                lambda: round(float(_first_cohort()[1] / _first_cohort()[0]) * 100, 1),
                "这是百分数；题目要 0 到 1 之间的小数，例如 35.2% 写成 0.35。",
            ),
            Misconception(
                lambda: int(_first_cohort()[1]),
                "这是第 1 个月回来购买的人数；留存率要再除以这批的新客户数。",
            ),
            Misconception(1.0, "第 0 个月是首购当月，永远是 100%；题目问的是第 1 个月。"),
        ),
        hints=(
            "运行 `retention_table(transactions=cn_orders, periods=6)`。",
            "第一行（2023-01）、“第 1 个月”一列；表中的百分数写成小数。",
        ),
        solution="first_cohort_month_one = 0.29  # retention_table(...) 第一行、第 1 个月",
        explanation=(
            "2023 年 1 月获客的客户，次月只有不到三成回来购买：新客的第二次购买是最需要努力的一步。"
        ),
    )
)

q7 = bind(
    Problem(
        name="how_to_judge",
        kind="judgment",
        prompt=(
            "禾悦食品从 2024 年 3 月起给每位新客户寄“新客欢迎礼包”。想知道礼包是否让新客留得更好，"
            "应该怎样看留存表？"
        ),
        expected=lambda: (
            "竖着比较：2024 年 3 月之前和之后获客的各批客户，在同一个“第几个月”的留存率"
        ),
        choices=(
            "竖着比较：2024 年 3 月之前和之后获客的各批客户，在同一个“第几个月”的留存率",
            "横着看 2024 年 3 月这一批客户，留存率是不是逐月下降",
            "看“第 0 个月”一列，礼包之后是否更高",
        ),
        misconceptions=(
            Misconception(
                "B",
                "一批客户的留存本来就会随时间下降；只看一行没有可比较的对象，看不出礼包的作用。",
            ),
            Misconception("C", "第 0 个月是首购当月，每一批都是 100%，比不出差别。"),
            *(
                Misconception(
                    text,
                    "一批客户的留存本来就会随时间下降；只看一行没有可比较的对象，看不出礼包的作用。",
                )
                for text in ("横着", "横着看", "按行看")
            ),
            Misconception("第0个月", "第 0 个月是首购当月，每一批都是 100%，比不出差别。"),
        ),
        accept=("竖着", "竖着比较", "竖着看", "按列比较"),
        hints=(
            "要评估一项改变，得有“改变之前”和“改变之后”两组来比较。",
            "每一批客户在“第 1 个月”“第 2 个月”时的年龄相同，可以直接比较。",
        ),
        solution='how_to_judge = "A"',
        explanation=(
            "同一列比较的是“同样成为客户 n 个月”的各批客户。注意这仍是前后对比而不是随机实验："
            "季节、促销等也会影响留存（第 10 讲的对照组可以排除这些干扰）。"
        ),
    )
)
