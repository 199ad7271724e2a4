"""Practice for module 08 (cases): P&G, Amazon, Huawei, tourism and the bank.

Every answer is computed from the course's data and functions (never typed in here): the
Huawei answers come from applying the group rules to the simulated accounts, which store
no group labels.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custseg.exercises.other_names import MORE_OR_FEWER, choice_words
from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = [
    "LAUNCH_MIN",
    "TEAM_SHARE",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "q7",
    "q8",
]

LAUNCH_MIN = 150
"""Question 2: the fewest core customers a new product line needs."""

TEAM_SHARE = 0.10
"""Question 5: the share of accounts the dedicated teams can serve, per region."""


_HIGHER_OR_LOWER = choice_words(
    ("变高", "变低", "不变"),
    {
        "提高": "变高",
        "升高": "变高",
        "上升": "变高",
        "更高": "变高",
        "降低": "变低",
        "下降": "变低",
        "更低": "变低",
        "减少": "变低",
        "变少": "变低",
        "没变": "不变",
        "一样": "不变",
    },
)
_GROUP_WORDS = choice_words(("技术型", "标准型", "战略型"))
_TRAVEL_WORDS = choice_words(
    ("家庭亲子型", "高端品质型", "早鸟计划型", "说走就走型", "经典观光型"),
    {
        "亲子": "家庭亲子型",
        "高端": "高端品质型",
        "早鸟": "早鸟计划型",
        "观光": "经典观光型",
    },
)


@cache
def _cn_orders() -> pd.DataFrame:
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


@cache
def _lines(dominance: float) -> pd.DataFrame:
    from custseg.product_lines import product_line_table

    return product_line_table(_cn_orders(), dominance=dominance, category_col="category")


def _balanced(dominance: float) -> int:
    table = _lines(dominance)
    return int(table.loc["均衡型", "客户数"]) if "均衡型" in table.index else 0


def _lines_to_launch(minimum: int = LAUNCH_MIN, *, with_balanced: bool = False) -> int:
    table = _lines(0.6)
    if not with_balanced:
        table = table.drop(index="均衡型", errors="ignore")
    return int((table["客户数"] >= minimum).sum())


@cache
def _clean() -> pd.DataFrame:
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


@cache
def _item_hit_rate(n: int) -> float:
    from custseg.recommend import HIT_RATE_MODELS, hit_rate_table

    table = hit_rate_table(_clean(), split_date="2011-09-01", n=n)
    return float(table.loc[HIT_RATE_MODELS[0], "命中率（%）"])


def _direction(before: float, after: float) -> str:
    return "变高" if after > before else "变低" if after < before else "不变"


@cache
def _accounts() -> pd.DataFrame:
    from custseg.customer_groups import example_accounts

    return example_accounts()


def _dominant(region: str, **thresholds: float) -> str:
    from custseg.customer_groups import group_mix_table

    return str(group_mix_table(_accounts(), **thresholds).loc[region, "主导客户群"])


def _strategic_ok(share: float) -> bool:
    from custseg.customer_groups import REGIONS, group_mix_table

    table = group_mix_table(_accounts(), top_revenue_share=share)
    return bool((table.loc[list(REGIONS), "战略型（%）"] <= 100 * TEAM_SHARE).all())


def _largest_top_share() -> float:
    shares = [round(0.05 * i, 2) for i in range(11)]  # the widget's slider: 0% … 50%
    return max(s for s in shares if _strategic_ok(s))


@cache
def _travel_table() -> pd.DataFrame:
    from custseg.travel_packages import example_travelers, travel_group_table

    return travel_group_table(example_travelers())


def _per_traveler(table: pd.DataFrame) -> pd.Series:
    return 10_000 * table["全年消费合计（万元）"] / table["人数"]


@cache
def _quality_rates() -> pd.DataFrame:
    from custseg.datasets import load_sample
    from custseg.quality_clients import quality_client_table

    return quality_client_table(load_sample("bank_marketing"), balance_top_share=0.25)


def _quality_lift() -> float:
    rates = _quality_rates()["认购率（%）"]
    return round(float(rates["优质客户"] / rates["全部客户"]), 2)


q1 = bind(
    Problem(
        name="balanced_change",
        kind="prediction",
        prompt=(
            "先预测，再运行下一个单元格检查：禾悦食品的偏好门槛从 50% 提高到 60%"
            "（某一品类要占到一位客户消费的 60% 以上，才算“××偏好型”），**均衡型**客户会怎样？"
        ),
        choices=("变多", "变少", "不变"),
        compare=MORE_OR_FEWER,
        expected=lambda: {"变高": "变多", "变低": "变少", "不变": "不变"}[
            _direction(_balanced(0.5), _balanced(0.6))
        ],
        misconceptions=(
            Misconception(
                "变少",
                "门槛越高，越少的客户“够格”算偏好型；不够格的客户去哪儿了？",
            ),
            Misconception(
                "不变",
                "门槛在 50% 到 60% 之间的客户会改变类别：他们不再算偏好型。",
            ),
        ),
        hints=(
            "偏好型要求“一个品类占消费的比例”超过门槛；门槛提高，要求更严。",
            "每位客户不是某个偏好型，就是均衡型。",
        ),
        solution='balanced_change = "A"',
        explanation=(
            "门槛越高，能算“××偏好型”的客户越少，落选的客户都归入均衡型，所以均衡型变多。"
            "门槛是你定的：它决定了每条产品线有多少“核心客户”。"
        ),
    )
)

q2 = bind(
    Problem(
        name="lines_to_launch",
        kind="decision",
        prompt=(
            f"按 60% 的偏好门槛（上面的 `strict_lines`），公司规定一条新产品线至少要有 **{LAUNCH_MIN} 位**"
            "核心客户（属于对应的偏好型）才开发。有几条产品线值得开？填一个整数。"
        ),
        expected=_lines_to_launch,
        misconceptions=(
            Misconception(
                lambda: _lines_to_launch(with_balanced=True),
                "均衡型不是一条产品线的核心客户：他们什么都买一点，不偏好某个品类。",
            ),
            Misconception(
                lambda: int((_lines(0.5).drop(index="均衡型")["客户数"] >= LAUNCH_MIN).sum()),
                "这是按 50% 门槛数出来的；题目用的是更严格的 60% 门槛（`strict_lines`）。",
            ),
        ),
        hints=(
            "在 `strict_lines` 的“客户数”一列，数一数有几个偏好型不少于 150 人。",
            "均衡型不算产品线。",
        ),
        solution="lines_to_launch = 2",
        explanation=(
            "在严格标准下，只有核心客户足够多的偏好群才值得单独开一条线；"
            "人数差一点的偏好群，可以先放进综合目录，观察增长。"
        ),
    )
)

q3 = bind(
    Problem(
        name="three_slots",
        kind="prediction",
        prompt=(
            "先预测，再运行下一个单元格检查：App 首页的推荐位从 10 个减到 **3 个**（`n=3`），"
            "同购推荐的命中率会怎样？"
        ),
        choices=("变高", "变低", "不变"),
        compare=_HIGHER_OR_LOWER,
        expected=lambda: _direction(_item_hit_rate(10), _item_hit_rate(3)),
        misconceptions=(
            Misconception(
                "变高",
                "推荐得少不会更准：藏起来的商品要排进前 3 名才算命中，前 3 名只是前 10 名的一部分。",
            ),
            Misconception(
                "不变",
                "原来排在第 4 到第 10 名才命中的订单，现在算没命中。",
            ),
        ),
        hints=(
            "“命中”= 藏起来的那件商品出现在推荐的前 n 件里。",
            "前 3 名是前 10 名的一部分。",
        ),
        solution='three_slots = "B"',
        explanation=(
            "推荐位越少，命中率越低（前 3 名只是前 10 名的一部分）。推荐位有限时，排序的好坏更重要："
            "同购推荐即使只有 3 个位置，也比热门推荐准好几倍。"
        ),
    )
)

q4 = bind(
    Problem(
        name="europe_after",
        kind="judgment",
        prompt=(
            "在上面的小部件上，把“技术需求至少”拖到 **4.0**（其余滑块保持默认）。"
            "按新门槛，**欧洲**的主导客户群（人数最多的客户群）是哪一个？"
        ),
        choices=("技术型", "标准型", "战略型"),
        compare=_GROUP_WORDS,
        expected=lambda: _dominant("欧洲", technical_min=4.0),
        accept=("标准型客户",),
        misconceptions=(
            Misconception(
                lambda: _dominant("欧洲"),
                "这是默认门槛（3.5 分）下的结果。门槛提高到 4.0 后，技术需求 3.5 分的客户不再算技术型，"
                "再看一次表格“主导客户群”一列。",
            ),
            Misconception(
                "战略型",
                "战略型由收入和战略重要性决定，技术门槛不影响它；而且它在欧洲只占一成多。",
            ),
        ),
        hints=(
            "滑块松开后，表格最后一列“主导客户群”会更新。",
            "技术门槛提高，技术型变少，落选的客户归入标准型。",
        ),
        solution='europe_after = "B"',
        explanation=(
            "“欧洲以技术型客户为主”是规则算出来的，不是数据里写好的：技术门槛从 3.5 提高到 4.0，"
            "欧洲的主导客户群就变成了标准型。向老板汇报时，要同时说清用了什么规则和门槛。"
        ),
    )
)

q5 = bind(
    Problem(
        name="top_revenue_share",
        kind="decision",
        prompt=(
            "专属客户团队只够服务每个地区 **10%** 的客户，所以两个地区的战略型客户都不能超过 10%。"
            "把小部件的“技术需求至少”拖回 3.5，“战略重要性至少”保持 4.5 不变，只拖动“收入最高的前多少算战略型”："
            "满足条件时，这个比例**最大**能设到多少？写成小数（例如 0.2 表示 20%）。"
        ),
        expected=_largest_top_share,
        compare=close_to(0.001),
        accept=("5%",),
        misconceptions=(
            Misconception(
                0.1,
                "默认的前 10% 再加上战略重要性 4.5 分以上的客户，欧洲的战略型超过了 10%：看表格里战略型的占比。",
            ),
            Misconception(
                lambda: 100 * _largest_top_share(),
                "滑块上显示的是百分数；题目要小数，例如 5% 写成 0.05。",
            ),
            Misconception(
                0.0,
                "设为 0 也满足条件，但收入最高的大客户就都没有专属团队了；题目要满足条件的**最大**比例。",
            ),
        ),
        hints=(
            "战略型来自两条规则：收入排在前若干、或战略重要性至少 4.5 分。两者加起来不能超过 10%。",
            "从 10% 往下一格一格拖，直到两个地区的战略型都不超过 10%。",
        ),
        solution="top_revenue_share = 0.05",
        explanation=(
            "收入规则只能给到前 5%：剩下的名额被“战略重要性至少 4.5 分”的客户占了。另一个办法是提高战略重要性门槛、"
            "保留前 10% 的收入规则：资源一定时，是按收入还是按战略意义选客户，是管理层的决定。"
        ),
    )
)

q6 = bind(
    Problem(
        name="last_minute_group",
        kind="judgment",
        prompt=(
            "旅行社有一批**尾单特价**：出发前 3 天开售、五折。只推送给一个客户群，你推给哪一群？"
            "填客户群名称。"
        ),
        choices=("家庭亲子型", "高端品质型", "早鸟计划型", "说走就走型", "经典观光型"),
        compare=_TRAVEL_WORDS,
        expected=lambda: str(_travel_table()["平均提前预订天数"].idxmin()),
        misconceptions=(
            Misconception(
                "早鸟计划型",
                "他们平均提前三个多月就订好了：出发前 3 天的尾单对他们来说太晚。",
            ),
            Misconception(
                "高端品质型",
                "他们每次花费最高、看重品质，五折尾单不是他们在意的；临时出发也不是他们的习惯。",
            ),
            Misconception(
                "家庭亲子型",
                "带孩子出行要提前安排（请假、学校假期），平均提前一个多月预订，很难 3 天内出发。",
            ),
        ),
        hints=(
            "尾单的特点是“临出发才卖”：看“平均提前预订天数”一列。",
            "谁习惯临时决定出行？",
        ),
        solution='last_minute_group = "说走就走型"',
        explanation=(
            "说走就走型平均只提前几天预订、一年出行次数最多：临出发的特价正合他们的节奏。"
            "按行为分群的好处，就是知道什么时候、给谁推什么。"
        ),
    )
)

q7 = bind(
    Problem(
        name="advisor_group",
        kind="decision",
        prompt=(
            "旅行社新招了一位**定制顾问**，他一年最多服务 30 位客户，只负责一个客户群。"
            "为了让他服务的每位客户带来的全年消费最多，他该负责哪一群？填客户群名称。"
            "（提示：全年消费合计 ÷ 人数 = 每位客户的全年消费。）"
        ),
        choices=("家庭亲子型", "高端品质型", "早鸟计划型", "说走就走型", "经典观光型"),
        compare=_TRAVEL_WORDS,
        expected=lambda: str(_per_traveler(_travel_table()).idxmax()),
        misconceptions=(
            Misconception(
                lambda: str(_travel_table()["人数"].idxmax()),
                "这一群人最多、合计消费也高，但顾问只服务 30 人：要比的是**每位**客户的全年消费"
                "（合计 ÷ 人数），不是合计。",
            ),
            Misconception(
                "说走就走型",
                "他们出行次数最多，但每次花得少：次数 × 每次花费，才是全年消费。",
            ),
        ),
        hints=(
            "每位客户的全年消费 ≈ 平均每年出行次数 × 平均每次花费。",
            "比较各群的“全年消费合计（万元）÷ 人数”。",
        ),
        solution='advisor_group = "高端品质型"',
        explanation=(
            "高端品质型人数不多，合计消费却和人数多得多的家庭亲子型一样：每位客户的全年消费是其他群的好几倍，"
            "一对一的顾问服务花在他们身上最值。资源按“人均”分配还是按“合计”分配，取决于资源是按人算的还是按群算的。"
        ),
    )
)

q8 = bind(
    Problem(
        name="quality_lift",
        kind="calculation",
        prompt=(
            "用上面的表格：优质客户的认购率是**全部客户**认购率的几倍（提升度）？保留两位小数。"
        ),
        expected=_quality_lift,
        compare=close_to(0.015),
        misconceptions=(
            Misconception(
                lambda: round(
                    float(_quality_rates().loc["优质客户", "认购率（%）"])
                    - float(_quality_rates().loc["全部客户", "认购率（%）"]),
                    1,
                ),
                "这是两个认购率相差的百分点（增量），不是几倍；提升度是相除。",
            ),
            Misconception(
                lambda: round(
                    float(_quality_rates().loc["全部客户", "认购率（%）"])
                    / float(_quality_rates().loc["优质客户", "认购率（%）"]),
                    2,
                ),
                "除反了：用优质客户的认购率除以全部客户的认购率。",
            ),
            Misconception(
                lambda: round(
                    float(_quality_rates().loc["优质客户", "认购率（%）"])
                    / float(_quality_rates().loc["其他客户", "认购率（%）"]),
                    2,
                ),
                "你和“其他客户”比了；题目问的是和**全部客户**（基准）比。",
            ),
            Misconception(
                lambda: round(
                    100
                    * float(_quality_rates().loc["优质客户", "认购率（%）"])
                    / float(_quality_rates().loc["全部客户", "认购率（%）"]),
                    1,
                ),
                "提升度是“几倍”，不是百分数：写成 1.xx 这样的倍数，不要乘 100。",
            ),
            Misconception(
                lambda: round(
                    (
                        float(_quality_rates().loc["优质客户", "认购率（%）"])
                        - float(_quality_rates().loc["全部客户", "认购率（%）"])
                    )
                    / 100,
                    3,
                ),
                "这是两个认购率相差的部分（增量，写成了小数），不是几倍；提升度是相除。",
            ),
            Misconception(
                lambda: round(_quality_lift(), 1),
                "方向对了，但只保留了一位小数：题目要保留两位小数。",
            ),
        ),
        hints=(
            "提升度 = 这一组的认购率 ÷ 基准（全部客户）的认购率。",
            "读出“优质客户”和“全部客户”两行的认购率（%），相除。",
        ),
        solution="quality_lift = round(15.7 / 11.4, 2)",
        explanation=(
            "提升度是比值：优质客户的认购率约是全部客户的 1.4 倍。两者相差约 4 个百分点，那是增量，"
            "不能说成“提升了 4 倍”或“提升了 4%”。"
        ),
    )
)
