"""Practice for module 07 (clustering): the sample shop's RFM table and the simulated survey.

Every answer is computed from the course's own data and functions (never typed in here), so
the questions stay right if the data or the clustering changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import pandas as pd

from custseg.exercises.problem import Misconception, Problem, bind, compare_answers

__all__ = ["MIN_CLUSTER_SIZE", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

MIN_CLUSTER_SIZE = 25
"""Question 6: the fewest customers a cluster needs to be worth its own campaign."""

COUPON = 5
"""Question 8: the coupon per customer, in 元."""


@cache
def _rfm() -> pd.DataFrame:
    from custseg.datasets import load_sample
    from custseg.rfm import rfm_table
    from custseg.transactions import clean_transactions

    return rfm_table(clean_transactions(load_sample())[0])


@cache
def _rfm_profiles(k: int) -> pd.DataFrame:
    from custseg.cluster_tables import TOTAL_ROW, cluster_profile_table

    return cluster_profile_table(_rfm(), k=k).drop(index=TOTAL_ROW)


@cache
def _survey_profiles() -> pd.DataFrame:
    from custseg.cluster_tables import SURVEY_COLUMNS, TOTAL_ROW, cluster_profile_table
    from custseg.datasets import load_cn_customers

    table = cluster_profile_table(load_cn_customers(), features=SURVEY_COLUMNS, k=4)
    return table.drop(index=TOTAL_ROW)


class _SharedName(NamedTuple):
    """A cluster name the learner typed that several clusters share (told apart in brackets)."""

    name: str
    clusters: list[int]


def _cluster_compare(
    profiles: Callable[[], pd.DataFrame],
) -> Callable[[object, object], str | None]:
    """Compare cluster answers: the number (3 or "3"), or the cluster's name, counts."""

    def as_number(answer: object) -> object:
        if isinstance(answer, str):
            text = answer.strip().removeprefix("簇").removeprefix("第").removesuffix("簇").strip()
            if text.isdigit():
                return int(text)
            names = profiles()["名称"]
            found = names.index[names == answer.strip()]
            if len(found):
                return int(found[0])
            shared = names.index[names.str.startswith(answer.strip() + "（")]
            if len(shared) > 1:
                return _SharedName(answer.strip(), [int(c) for c in shared])
        return answer

    def compare(expected: object, answer: object) -> str | None:
        answer = as_number(answer)
        if isinstance(answer, _SharedName):
            numbers = "、".join(str(c) for c in answer.clusters)
            return (
                f"有 {len(answer.clusters)} 簇都叫“{answer.name}”（簇 {numbers}），"
                "看括号里的说明选一簇，填它的编号。"
            )
        if isinstance(answer, str):
            return f"请填簇的编号（表格最左边的数字），例如 0；你填的是 {answer!r}。"
        return compare_answers(expected, answer)

    return compare


# ----------------------------------------------------------------------------- RFM clusters


def _reminder_cluster() -> int:
    """Among the clusters of high-value names, the one whose last purchase is longest ago."""
    table = _rfm_profiles(4)
    valuable = table[table["平均消费金额"] > _rfm()["monetary"].mean()]
    return int(valuable["平均最近一次购买距今天数"].idxmax())


def _lost_cluster() -> int:
    table = _rfm_profiles(4)
    return int(table["平均最近一次购买距今天数"].idxmax())


def _recent_valuable_cluster() -> int:
    table = _rfm_profiles(4)
    valuable = table[table["平均消费金额"] > _rfm()["monetary"].mean()]
    return int(valuable["平均最近一次购买距今天数"].idxmin())


def _newest_cluster() -> int:
    table = _rfm_profiles(4)
    cheap = table[table["平均消费金额"] <= _rfm()["monetary"].mean()]
    return int(cheap["平均最近一次购买距今天数"].idxmin())


def _smallest_size(k: int) -> int:
    return int(_rfm_profiles(k)["客户数"].min())


def _finest_k(minimum: int = MIN_CLUSTER_SIZE) -> int:
    fine = [k for k in range(2, 9) if _smallest_size(k) >= minimum]
    return max(fine)


# ----------------------------------------------------------------------------- survey clusters


def _highest(column: str) -> int:
    return int(_survey_profiles()[column].astype(float).idxmax())


def _lowest(column: str) -> int:
    return int(_survey_profiles()[column].astype(float).idxmin())


def _price_cluster_size() -> int:
    return int(_survey_profiles().loc[_highest("平均价格敏感"), "客户数"])


q1 = bind(
    Problem(
        name="why_log",
        kind="judgment",
        prompt=(
            '聚类前为什么要对消费金额取对数、再做标准化？（填选项字母或原文，例如 `why_log = "A"`）'
        ),
        choices=(
            "让金额变小，电脑算得更快",
            "让少数大客户不会独占一簇，让 R、F、M 的影响力相当",
            "让结果的数字更好看，方便汇报",
        ),
        expected=lambda: "让少数大客户不会独占一簇，让 R、F、M 的影响力相当",
        accept=(
            "避免大客户主导",
            "让各特征影响力相当",
            "让少数大客户不会独占一簇",
            "让R、F、M的影响力相当",
        ),
        misconceptions=(
            Misconception(
                "让金额变小，电脑算得更快",
                "计算快慢不是原因：150 位客户不取对数也是一眨眼。想想 k-means 是按什么分组的。",
            ),
            Misconception(
                "算得更快",
                "计算快慢不是原因：150 位客户不取对数也是一眨眼。想想 k-means 是按什么分组的。",
            ),
            Misconception(
                "让结果的数字更好看，方便汇报",
                "画像表里的平均值仍是原来的单位（天、次、元），取对数只影响算法怎么量“距离”。",
            ),
            Misconception(
                "方便汇报",
                "画像表里的平均值仍是原来的单位（天、次、元），取对数只影响算法怎么量“距离”。",
            ),
        ),
        hints=(
            "k-means 按“距离”把客户分组：哪个特征的数值范围最大，它就最能左右距离。",
            "金额从几十到几万，购买次数只有 1 到十几；少数大客户的金额是中位数的上百倍。",
        ),
        solution='why_log = "B"',
        explanation=(
            "不取对数、不标准化，距离几乎全由消费金额决定，几位大客户就会自成一簇。取对数压缩极端值，"
            "标准化把三个特征换到同一尺度，R、F、M 才能一起决定谁和谁相似。"
        ),
    )
)

q2 = bind(
    Problem(
        name="inertia_trend",
        kind="prediction",
        prompt=(
            "先预测，再运行下面的单元格看结果：k 从 2 增加到 8，**簇内平方和**（每位客户到所在簇中心"
            "距离的平方之和）会怎样变化？"
        ),
        choices=("一直变小", "一直变大", "先变小后变大，在最好的 k 处最小"),
        expected=lambda: "一直变小",
        accept=("变小", "越来越小", "下降"),
        misconceptions=(
            Misconception(
                "一直变大",
                "簇越多，每位客户离“自己的”中心越近：到中心的距离只会变短，平方和不会变大。",
            ),
            Misconception(
                "变大",
                "簇越多，每位客户离“自己的”中心越近：到中心的距离只会变短，平方和不会变大。",
            ),
            Misconception(
                "先变小后变大，在最好的 k 处最小",
                "这是轮廓系数的样子（它有高有低）。簇内平方和随 k 一直下降，所以不能直接取它的最小值，"
                "要看“肘部”：下降由快变慢的地方。",
            ),
            Misconception(
                "先变小后变大",
                "这是轮廓系数的样子（它有高有低）。簇内平方和随 k 一直下降，所以不能直接取它的最小值，"
                "要看“肘部”：下降由快变慢的地方。",
            ),
        ),
        hints=(
            "想一个极端：k 等于客户数，每位客户自成一簇，离自己的中心多远？",
            "多一个中心，每位客户只会找到一样近或更近的中心。",
        ),
        solution='inertia_trend = "A"',
        explanation=(
            "多一个中心，每位客户离最近中心的距离只会一样或更短，所以簇内平方和随 k 一直下降；"
            "k 等于客户数时它是 0。这就是为什么要找“肘部”，而不是找最小值。"
        ),
    )
)


def _silhouette_best() -> int:
    from custseg.cluster_tables import k_choice_table

    table = k_choice_table(_rfm(), k_from=2, k_to=8)
    return int(table.index[table["轮廓系数最高"] == "是"][0])


q3 = bind(
    Problem(
        name="campaign_k",
        kind="decision",
        prompt=(
            "你的团队一个季度只能同时做 **3 个**营销活动，每一簇客户要配一个活动。上面的表格里"
            "“轮廓系数最高”标着“是”的那个 k，统计上分得最开。你用几簇？填一个整数。"
        ),
        expected=lambda: 3,
        misconceptions=(
            Misconception(
                _silhouette_best,
                "轮廓系数最高只说明统计上分得最开。只分 2 簇，3 个活动中就有 1 个没有对应的客户群，"
                "策略也太粗：团队能做几个活动，就值得分几簇。",
            ),
            Misconception(
                4,
                "分 4 簇就有一簇客户没有活动可做（团队只做得了 3 个），这一簇等于白分。",
            ),
            Misconception(
                5, "分 5 簇就有两簇客户没有活动可做（团队只做得了 3 个），这两簇等于白分。"
            ),
            Misconception(
                6,
                "“3 到 6 簇比较实用”是一般经验；你的团队只做得了 3 个活动，多出的簇没有活动可配。",
            ),
            Misconception(8, "8 簇的活动团队根本做不过来；分得再细，执行不了也没有用。"),
        ),
        hints=(
            "簇的个数最好和你能执行的活动个数一致。",
            "k = 3 时轮廓系数和 k = 4 相差不多，统计上也说得过去。",
        ),
        solution="campaign_k = 3",
        explanation=(
            "选 k 是统计和业务一起做的决定：3 个活动配 3 簇，每簇一个活动；k = 3 的轮廓系数和相邻的 k 相差不大，"
            "统计上也站得住。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cluster_name",
        kind="judgment",
        prompt=(
            "另一家店聚类后，有一簇的画像是：最近一次购买距今 **210 天**（全体平均 95 天），购买次数 "
            "**1.3 次**（全体平均 3.8 次），消费金额 **2,400 元**（全体平均 1,100 元）。"
            "按本讲的命名规则，它叫什么？"
        ),
        choices=("高价值活跃客户", "流失风险高价值客户", "沉睡大额客户", "已流失低价值客户"),
        expected=lambda: "沉睡大额客户",
        accept=("沉睡大额",),
        misconceptions=(
            Misconception(
                "高价值活跃客户",
                "金额高，但“活跃”要求最近买过：210 天没来，比平均的 95 天久得多。",
            ),
            Misconception(
                "流失风险高价值客户",
                "这个名字要求购买次数也高于平均；这一簇只买过 1.3 次，低于平均的 3.8 次。",
            ),
            Misconception(
                "已流失低价值客户",
                "消费金额 2,400 元是平均的两倍多，不能叫低价值。",
            ),
            Misconception(
                "流失风险高价值",
                "这个名字要求购买次数也高于平均；这一簇只买过 1.3 次，低于平均的 3.8 次。",
            ),
            Misconception(
                "高价值活跃", "金额高，但“活跃”要求最近买过：210 天没来，比平均的 95 天久得多。"
            ),
            Misconception("已流失低价值", "消费金额 2,400 元是平均的两倍多，不能叫低价值。"),
        ),
        hints=(
            "一项一项和全体平均比：最近一次购买（少才好）、购买次数、消费金额。",
            "久没来、次数少、金额高：三项分别是“差、差、好”。",
        ),
        solution='cluster_name = "C"',
        explanation=(
            "久未购买、次数少、但金额高：只来过一两次、每次花得多，然后“睡着了”。名字跟着画像走："
            "值得用一次有分量的唤醒活动试试。"
        ),
    )
)

q5 = bind(
    Problem(
        name="reminder_cluster",
        kind="decision",
        prompt=(
            "预算只够给 **一簇** 客户发“好久不见”提醒（附一张优惠券）。提醒对刚买过的客户没有必要，"
            "对早已流失、平时也花得少的客户回报低。看 k = 4 的画像表，你选哪一簇？填簇编号（表格最左边的数字）。"
        ),
        expected=_reminder_cluster,
        compare=_cluster_compare(lambda: _rfm_profiles(4)),
        misconceptions=(
            Misconception(
                _lost_cluster,
                "这一簇离开最久，但平均消费低于全体平均、多数只买过一次：同样一张券，换回来的钱最少。",
            ),
            Misconception(
                _recent_valuable_cluster,
                "这一簇价值高，但刚买过（最近一次购买距今天数最少），现在提醒是浪费。",
            ),
            Misconception(
                _newest_cluster,
                "这一簇刚买过、花得也不多：他们不需要“好久不见”，需要的是第二次购买的理由。",
            ),
        ),
        hints=(
            "先找消费金额高于全体平均的簇，再看其中谁已经有一段时间没来了。",
            "两个“高价值活跃客户”簇里，括号写“更久没买”的那一簇。",
        ),
        solution="reminder_cluster = 0  # 消费金额高、但最近一次购买距今天数在高价值簇中最多的那一簇",
        explanation=(
            "提醒要发给“值得挽留、又开始走远”的客户：这一簇平均消费远高于全体，但最近一次购买距今的天数"
            "是另一高价值簇的好几倍。越早提醒，越容易回来。"
        ),
    )
)

q6 = bind(
    Problem(
        name="finest_k",
        kind="decision",
        prompt=(
            f"每个活动至少要有 **{MIN_CLUSTER_SIZE} 位**客户才值得单独做。在这个前提下你想分得尽量细。"
            "拖动上面小部件的滑块（k = 2 到 8），看每个 k 下最小的一簇有多少人：满足条件的**最大** k 是多少？"
        ),
        expected=_finest_k,
        misconceptions=(
            Misconception(
                lambda: _finest_k() + 1,
                "再多分一簇时，最小的一簇就不到 25 人了：看表格“客户数”一列的最小值。",
            ),
            Misconception(
                2,
                "k = 2 当然满足条件，但题目要在满足条件的前提下分得尽量细：往大试试。",
            ),
        ),
        hints=(
            "每动一次滑块，看表格“客户数”一列里最小的数字是否至少 25。",
            "从 k = 2 往上试，第一次出现不到 25 人的簇时，前一个 k 就是答案（再往后也都不满足）。",
        ),
        solution="finest_k = 3  # 在小部件上逐个 k 查看最小一簇的人数",
        explanation=(
            "在这份数据上，k 再大，最小的一簇就不到 25 人。簇太小，单独做活动不划算："
            "分几簇既看统计，也看每一簇够不够大、团队做不做得过来。"
        ),
    )
)

q7 = bind(
    Problem(
        name="low_sugar_cluster",
        kind="decision",
        prompt=(
            "禾悦食品要推出一款**低糖、高纤维**的新零食，价格比普通款贵 20%。看问卷聚类的画像表"
            "（`survey_profiles`），第一轮推广先给哪一簇？填簇编号。"
        ),
        expected=lambda: _highest("平均注重健康"),
        compare=_cluster_compare(_survey_profiles),
        misconceptions=(
            Misconception(
                lambda: _highest("平均价格敏感"),
                "这一簇最在意价格：贵 20% 的新品正好是他们最不愿意买的。",
            ),
            Misconception(
                lambda: _highest("平均喜欢尝新"),
                "喜欢尝新的人愿意试，但卖点是“低糖、健康”：有一簇在“注重健康”上远高于平均，更对路。",
            ),
            Misconception(
                lambda: _highest("平均品牌忠诚"),
                "这一簇看重熟悉的品牌和方便，注重健康并不比平均高：新品的卖点打动不了他们。",
            ),
        ),
        hints=(
            "新品的卖点是什么？哪一列问的就是这个？",
            "找“平均注重健康”最高的簇，同时看它的价格敏感是否不高。",
        ),
        solution="low_sugar_cluster = 3  # “注重健康偏高、价格敏感偏低”的那一簇",
        explanation=(
            "这一簇注重健康的平均分最高，而且价格敏感低于平均：卖点对路，又不怕贵 20%。"
            "问卷聚类的价值就在这里：按客户的想法，而不只是按他们买过什么来选人。"
        ),
    )
)

q8 = bind(
    Problem(
        name="coupon_budget",
        kind="calculation",
        prompt=(
            f"给问卷聚类中“价格敏感”平均分最高的那一簇**每人**一张 {COUPON} 元优惠券，"
            "一共需要多少元？填一个数字。"
        ),
        expected=lambda: COUPON * _price_cluster_size(),
        misconceptions=(
            Misconception(
                lambda: COUPON * 2000,
                "这是给全部 2,000 位客户发券的钱：只发给价格敏感的那一簇。",
            ),
            Misconception(
                _price_cluster_size,
                f"这是人数；每人一张 {COUPON} 元的券，还要乘以 {COUPON}。",
            ),
            Misconception(
                lambda: round(
                    COUPON * float(_survey_profiles().loc[_highest("平均价格敏感"), "占比（%）"]),
                    1,
                ),
                "你用了“占比（%）”，它是百分比，不是人数：用“客户数”一列。",
            ),
            Misconception(
                lambda: COUPON * int(_survey_profiles().loc[_lowest("平均价格敏感"), "客户数"]),
                "这是“价格敏感”平均分**最低**那一簇的人数乘 5：要找平均分最高的那一簇。",
            ),
        ),
        hints=(
            "在 `survey_profiles` 中找“平均价格敏感”最高的簇，读它的“客户数”。",
            f"客户数 × {COUPON} 元。",
        ),
        solution=f"coupon_budget = {COUPON} * 594  # 594 是“价格敏感”最高那一簇的客户数",
        explanation=(
            "券只发给对价格最敏感、最可能被一张券打动的客户，预算就只是全体发放的三成左右。"
        ),
    )
)
