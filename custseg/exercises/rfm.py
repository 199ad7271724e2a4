"""Practice for module 03 (RFM): the sample shop, then the simulated 禾悦食品 orders."""

from __future__ import annotations

from functools import cache

from custseg.exercises.other_names import under_other_names
from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]

_CN8 = (
    "重要价值客户",
    "重要发展客户",
    "重要保持客户",
    "重要挽留客户",
    "一般价值客户",
    "一般发展客户",
    "一般保持客户",
    "一般挽留客户",
)


@cache
def _rfm():
    from custseg.datasets import load_sample
    from custseg.rfm import rfm_table
    from custseg.transactions import clean_transactions

    return rfm_table(clean_transactions(load_sample())[0])


@cache
def _cn_segmented():
    from custseg.datasets import load_cn_orders
    from custseg.rfm import rfm_table
    from custseg.segments import segment_customers

    return segment_customers(rfm_table(load_cn_orders()), scheme="cn8")


def _vips_at(recency: float | None = None) -> int:
    """重要价值客户 in the sample at the widget's starting cut points, R moved to ``recency``."""
    from custseg.segments import RFMSegmenter, default_cutoffs

    cutoffs = default_cutoffs(_rfm())
    if recency is not None:
        cutoffs["recency"] = recency
    segmented = RFMSegmenter(cutoffs=cutoffs).fit_transform(_rfm())
    return int((segmented["segment"] == "重要价值客户").sum())


def _cn_count(segment: str) -> int:
    return int((_cn_segmented()["segment"] == segment).sum())


def _cn_spend(segment: str, how: str = "mean") -> int:
    spend = _cn_segmented().loc[lambda t: t["segment"] == segment, "monetary"]
    return round(float(spend.mean() if how == "mean" else spend.sum()))


OTHER_NAMES = {
    "客户乙": ("乙",),
    "两人一样": ("一样", "相同"),
    "变多": ("变多了", "增加", "多了", "上升"),
    "不变": ("没变", "一样", "不会变"),
}
"""Other ways a learner writes a choice; a segment may also be written without 客户."""


def _under_other_names(*misconceptions: Misconception) -> tuple[Misconception, ...]:
    return under_other_names(misconceptions, OTHER_NAMES, drop_suffix="客户")


q1 = bind(
    Problem(
        name="likelier_buyer",
        kind="judgment",
        prompt=("客户甲的 R 是 5，客户乙的 R 是 200，两人的 F、M 一样。谁更可能在下周再来买？"),
        expected=lambda: "客户甲",
        choices=("客户甲", "客户乙", "两人一样"),
        accept=("甲",),
        misconceptions=_under_other_names(
            Misconception(
                "客户乙",
                "R 不是分数，而是“距最近一次购买过了多少天”：200 天说明客户乙已经很久没来了。"
                "R 的天数越小越好。",
            ),
            Misconception(
                "两人一样", "F、M 一样，但 R 不一样：刚买过的客户再次购买的可能性大得多。"
            ),
        ),
        hints=(
            "R（Recency）是最近一次购买距今天的**天数**。",
            "5 天前刚买过，和 200 天没来过，哪一位和你们的关系更“热”？",
        ),
        solution='likelier_buyer = "客户甲"',
        explanation=(
            "R 是天数，越小越近。刚买过的客户记得你们、还有需要，是最可能再买的人；"
            "这就是 RFM 把“最近一次购买”放在第一位的原因。"
        ),
    )
)

q2 = bind(
    Problem(
        name="vip_change",
        kind="prediction",
        prompt=(
            "把“近”从“约 99 天内买过”收紧到“**30 天内**买过”，F 和 M 的分界点不变。"
            "示例网店的**重要价值客户**会变多、变少，还是不变？（先写下你的预测，再去拖滑块。）"
        ),
        expected=lambda: "变少" if _vips_at(30) < _vips_at() else "变多",
        choices=("变多", "变少", "不变"),
        accept=("变少了", "减少", "减少了", "少了", "更少", "下降"),
        misconceptions=_under_other_names(
            Misconception(
                "变多",
                "标准更严了：原来 31—99 天内买过的客户不再算“近”，只会有人离开这一类，不会有人加入。",
            ),
            Misconception(
                "不变",
                "重要价值客户要求 R、F、M 都“高”；R 的门槛变严，"
                "31—99 天前买过的那些客户就从这一类掉出去了。",
            ),
        ),
        hints=(
            "重要价值客户 = 最近买过 + 买得多 + 花得多，三条都要满足。",
            "门槛从 99 天变成 30 天，满足“最近买过”的人是多了还是少了？",
        ),
        solution='vip_change = "变少"',
        explanation=(
            "分界点越严，能进入“重要价值客户”的人越少。把分界点定在哪里，"
            "等于决定你要用 VIP 标准服务多少人：这是业务决定，不是统计问题。"
        ),
    )
)

q3 = bind(
    Problem(
        name="vip_at_30_days",
        kind="calculation",
        prompt=(
            "把小部件的第一个滑块（R）拖到 **30**，F、M 滑块保持原位。"
            "示例网店现在有多少位**重要价值客户**？（读小部件上显示的人数。）"
        ),
        expected=lambda: _vips_at(30),
        misconceptions=(
            Misconception(
                _vips_at,
                "这是滑块还在平均值（约 99 天）时的人数。把 R 滑块拖到 30 再读一次。",
            ),
        ),
        hints=(
            "小部件柱状图旁和上方的文字都写着每一类的人数。",
            "拖动后找“重要价值客户 … 人”。拖不准时，点一下滑块，用键盘左右方向键微调到 30。",
        ),
        solution="vip_at_30_days = 24",
        explanation=(
            "只算 30 天内买过的客户，重要价值客户从 38 位减少到 24 位。"
            "如果你的 VIP 服务团队只能照顾二十几位客户，30 天的标准正合适。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cn_vip_customers",
        prompt="「禾悦食品」按八类方案（cn8，默认分界点）分群后，**重要价值客户**有多少位？",
        expected=lambda: _cn_count("重要价值客户"),
        misconceptions=(
            Misconception(
                lambda: round(_cn_count("重要价值客户") / len(_cn_segmented()), 3),
                "这是占比；题目问的是人数。",
            ),
            Misconception(
                lambda: _vips_at(),
                "这是示例网店的人数。题目问的是禾悦食品：用 `cn_segmented`。",
            ),
            Misconception(
                lambda: len(_cn_segmented()),
                "这是禾悦食品全部客户的人数，不只是重要价值客户。",
            ),
        ),
        hints=(
            "运行 `segment_profile(segmented=cn_segmented)`，看“重要价值客户”这一行的“客户数”。",
            '或者：`cn_vip_customers = count_rows(table=cn_segmented, segment="重要价值客户")`',
        ),
        solution='cn_vip_customers = count_rows(table=cn_segmented, segment="重要价值客户")',
        explanation=(
            "重要价值客户最近买过、买得多、花得多，是 VIP 服务和会员权益的首要对象；"
            "`segment_profile(segmented=cn_segmented)` 还能看到他们占全部客户的比例。"
        ),
    )
)

q5 = bind(
    Problem(
        name="cn_retention_mean_spend",
        prompt=(
            "「禾悦食品」的**重要保持客户**（以前常买、花得多，但最近没来）**平均每人**"
            "一共花了多少元？四舍五入到整数元。"
        ),
        expected=lambda: _cn_spend("重要保持客户"),
        compare=close_to(1),
        misconceptions=(
            Misconception(
                lambda: _cn_spend("重要保持客户", "sum"),
                "这是这一类全部客户加起来的合计；题目问的是平均每人，看“平均消费金额”。",
            ),
            Misconception(
                lambda: _cn_spend("重要价值客户"),
                "这是重要价值客户（最近还在买）的平均消费；题目问的是重要保持客户。",
            ),
        ),
        hints=(
            "运行 `segment_profile(segmented=cn_segmented)`。",
            "找“重要保持客户”这一行、“平均消费金额”这一列。",
        ),
        solution="cn_retention_mean_spend = 3786  # 从 segment_profile(segmented=cn_segmented) 中读到",
        explanation=(
            "重要保持客户人均三千多元，是一般客户的好几倍：他们是“快要丢掉的大客户”，"
            "挽回一位的价值远大于一个电话的成本。"
        ),
    )
)

q6 = bind(
    Problem(
        name="first_calls",
        kind="decision",
        prompt=("客服本周只能打 **50 个**挽回电话。按八类方案，你先打给哪一类客户？"),
        expected=lambda: "重要保持客户",
        choices=("重要价值客户", "重要保持客户", "重要挽留客户", "一般挽留客户"),
        accept=("重要保持",),
        misconceptions=_under_other_names(
            Misconception(
                "重要价值客户",
                "他们最近刚买过、还在常买，关系正好；挽回电话应该打给正在离开的人。",
            ),
            Misconception(
                "重要挽留客户",
                "他们花得多，但只买过一两次、也很久没来：关系浅，挽回成功率低。"
                "以前常买的那一类更值得先打。",
            ),
            Misconception(
                "一般挽留客户",
                "这一类人数最多，但买得少、花得少、很久没来：电话成本高，回报最低。",
            ),
        ),
        hints=(
            "电话是成本最高的沟通方式：要打给**价值高**、**正在流失**、**挽回把握大**的人。",
            "“以前常买（F 高）、花得多（M 高）、最近没来（R 远）”是哪一类？",
        ),
        solution='first_calls = "重要保持客户"',
        explanation=(
            "重要保持客户以前常买、金额高，只是最近没来：价值高、关系深，一个电话最可能把他们请回来。"
            "人数多于 50 时，先打给其中消费最高的 50 位。"
        ),
    )
)

q7 = bind(
    Problem(
        name="coupon_segment",
        kind="decision",
        prompt=(
            "市场部要发一批“买三次送一次”的**复购券**，目的是让客户**买得更勤**。"
            "预算只够一类客户，发给哪一类最合适？"
        ),
        expected=lambda: "重要发展客户",
        choices=("重要价值客户", "重要发展客户", "一般挽留客户", "重要保持客户"),
        accept=("重要发展",),
        misconceptions=_under_other_names(
            Misconception(
                "重要价值客户",
                "他们已经买得很勤（F 高），不发券也会买：券的钱大多花在本来就会发生的购买上。",
            ),
            Misconception(
                "一般挽留客户",
                "他们很久没来、花得也少：要先把人请回来，“买得更勤”还谈不上。",
            ),
            Misconception(
                "重要保持客户",
                "他们以前本来就买得勤，问题是最近不来了：需要的是挽回沟通，而不是提高频率的券。",
            ),
        ),
        hints=(
            "复购券要解决的是 F（购买次数）低的问题。",
            "找“最近买过（R 近）、花得多（M 高），但次数少（F 低）”的那一类。",
        ),
        solution='coupon_segment = "重要发展客户"',
        explanation=(
            "重要发展客户最近来过、单次花得多，只是次数少：提高频率的空间最大，"
            "复购券正好对准他们唯一的短板。"
        ),
    )
)
