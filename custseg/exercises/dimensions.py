"""Practice for module 02 (segmentation dimensions): the bank campaign and the 禾悦食品 customers."""

from __future__ import annotations

from functools import cache

import pandas as pd

from custseg.exercises.other_names import under_other_names
from custseg.exercises.problem import Misconception, Problem, bind
from custseg.exercises.theory import share_compare

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]

DIMENSIONS = ("人口统计", "地理", "心理", "行为")
SURVEY_SEGMENTS = ("价格敏感型", "注重健康型", "品牌忠诚型", "喜欢尝新型", "追求便利型", "均衡型")
"""The segments of :func:`custseg.dimensions.survey_segments` (checked by the tests)."""


OTHER_NAMES = {
    "65岁及以上的客户": ("65岁及以上", "65岁以上"),
    "管理人员": ("管理", "管理层"),
    "年龄段": ("年龄",),
    "一线": ("一线城市",),
    "新一线": ("新一线城市",),
    "二线": ("二线城市",),
    "三线及以下": ("三线及以下城市", "三线", "三线城市"),
    "价格敏感型": ("价格敏感",),
    "注重健康型": ("注重健康", "健康型"),
    "品牌忠诚型": ("品牌忠诚",),
    "喜欢尝新型": ("喜欢尝新", "尝新型"),
    "追求便利型": ("追求便利", "便利型"),
    "均衡型": ("均衡",),
    "门店": ("线下门店", "实体店", "线下"),
    "电商": ("线上", "网店", "网上", "电商平台"),
    "人口统计": ("人口统计维度", "人口统计特征"),
    "地理": ("地理维度", "地理特征"),
    "心理": ("心理维度", "心理特征"),
    "行为": ("行为维度", "行为特征"),
}
"""Shorter or longer names a learner may write for a choice (the course uses them too)."""


def _under_other_names(*misconceptions: Misconception) -> tuple[Misconception, ...]:
    return under_other_names(misconceptions, OTHER_NAMES)


@cache
def _clients() -> pd.DataFrame:
    from custseg.datasets import load_sample

    return load_sample("bank_marketing")


@cache
def _cn_customers() -> pd.DataFrame:
    from custseg.datasets import load_cn_customers
    from custseg.dimensions import add_survey_segments

    return add_survey_segments(load_cn_customers())


@cache
def _cn_orders() -> pd.DataFrame:
    from custseg.datasets import load_cn_orders

    return load_cn_orders()


def _rates(by: str) -> pd.DataFrame:
    """Response rates per segment of the bank clients, as numbers (from ``response_by``)."""
    from custseg.dimensions import response_by, segment_labels

    clients = _clients()
    frame = pd.DataFrame({"segment": segment_labels(clients, by).to_numpy(), "y": clients["y"]})
    return response_by(frame, "segment")


def _retired(column: str) -> float:
    return float(_rates("job").loc["退休", column])


CALL_GROUPS = {
    "65岁及以上的客户": ("age", "65岁及以上"),
    "学生": ("job", "学生"),
    "退休": ("job", "退休"),
    "管理人员": ("job", "管理人员"),
}
CALLS = 150


def _expected_subscriptions(name: str) -> float:
    """Calls to one group: min(group size, calls) times the group's response rate."""
    by, label = CALL_GROUPS[name]
    row = _rates(by).loc[label]
    return min(int(row["customers"]), CALLS) * float(row["response_rate"])


def _best_group_to_call() -> str:
    return max(CALL_GROUPS, key=_expected_subscriptions)


def _widest_dimension() -> str:
    from custseg.widgets.dimensions import BANK_DIMENSIONS

    gaps = {
        name: _rates(column)["response_rate"].max() - _rates(column)["response_rate"].min()
        for name, column in BANK_DIMENSIONS.items()
    }
    return max(gaps, key=gaps.get)


def _tier_sales() -> pd.DataFrame:
    orders = _cn_orders()
    grouped = orders.groupby("city_tier")
    return pd.DataFrame(
        {"sales": grouped["amount"].sum(), "customers": grouped["customer_id"].nunique()}
    )


def _top_tier_per_customer() -> str:
    table = _tier_sales()
    return str((table["sales"] / table["customers"]).idxmax())


def _top_tier_total() -> str:
    return str(_tier_sales()["sales"].idxmax())


def _main_channel(segment: str) -> str:
    customers = _cn_customers()
    return str(customers.loc[customers["心理分群"] == segment, "channel"].value_counts().idxmax())


def _age_band_means(item: str) -> pd.Series:
    from custseg.dimensions import SURVEY_ITEMS, survey_profile

    profile = survey_profile(_cn_customers(), by="age").drop(index="全部客户")
    return profile[SURVEY_ITEMS[item]].sort_values(ascending=False, kind="stable")


def _overall_channel() -> str:
    return str(_cn_customers()["channel"].value_counts().idxmax())


LOYAL_BUCKETS = ("不到 30%", "30%—50%", "50%—70%", "70% 以上")


def _bucket(share: float) -> str:
    edges = (0.3, 0.5, 0.7)
    return LOYAL_BUCKETS[sum(share >= edge for edge in edges)]


def _loyal_shares() -> tuple[float, float]:
    from custseg.dimensions import purchase_styles

    styles = purchase_styles(_cn_orders())
    loyal = styles["style"] == "忠诚型"
    return float(loyal.mean()), float(styles.loc[loyal, "total"].sum() / styles["total"].sum())


q1 = bind(
    Problem(
        name="retired_rate",
        kind="calculation",
        prompt=(
            '在草稿格运行 `response_table(data=clients, by="job")`（按职业分群）。'
            "退休客户的响应率是多少？写成三位小数，例如 0.125。"
        ),
        expected=lambda: round(_retired("response_rate"), 3),
        compare=share_compare(0.0015),
        misconceptions=(
            Misconception(
                lambda: round(_retired("response_rate") * 100, 1),
                "这是百分数：题目要的是 0 到 1 之间的小数，例如 12.5% 写成 0.125。",
            ),
            Misconception(
                lambda: round(_retired("lift"), 2),
                "这是**提升度**（退休客户的响应率是整体的几倍），不是响应率本身。",
            ),
            Misconception(
                lambda: int(_retired("responses")),
                "这是认购的**人数**；响应率 = 认购人数 ÷ 该群客户数。",
            ),
            Misconception(
                lambda: round(float((_clients()["y"] == "yes").mean()), 3),
                "这是**全部客户**的整体响应率；要找“退休”那一行。",
            ),
        ),
        hints=(
            '草稿格写 `response_table(data=clients, by="job")`，运行。',
            "找“退休”那一行的“响应率”，把百分数换成小数：20.0% 写成 0.2。",
        ),
        solution='retired_rate = 0.2  # response_table(data=clients, by="job")：退休 20.0%',
        explanation=(
            "退休客户的响应率是 20.0%，约为整体（11.4%）的 1.75 倍：提升度 1.75。"
            "人口统计维度里，学生和退休人员是两个“小而热”的群体。"
        ),
    )
)

q2 = bind(
    Problem(
        name="call_first",
        kind="decision",
        prompt=(
            "下个月的定期存款电话营销：上次活动成功的客户已经安排好了，还剩 **150 个电话**名额，"
            "只能打给下面**一群**人（这群人打完了，剩下的名额就浪费了）。要让**预计认购人数**最多，选哪一群？"
            "（在草稿格用 `response_table` 查各群的客户数和响应率。）"
        ),
        choices=tuple(CALL_GROUPS),
        expected=_best_group_to_call,
        accept=("退休客户", "退休人员"),
        misconceptions=_under_other_names(
            Misconception(
                "65岁及以上的客户",
                "65 岁及以上响应率最高（约 41%），但只有 46 人：预计约 19 人认购，104 个电话白白浪费。"
                "预计认购人数 = 能打的人数 × 响应率。",
            ),
            Misconception(
                "学生",
                "学生响应率约 26%，但只有 76 人：预计约 20 人认购，一半名额浪费。"
                "预计认购人数 = 能打的人数 × 响应率。",
            ),
            Misconception(
                "管理人员",
                "管理人员人多，150 个电话都打得满，但响应率只有约 13%：预计约 20 人认购。",
            ),
        ),
        hints=(
            "对每一群算：能打的人数（不超过 150）× 响应率 = 预计认购人数。",
            '需要的数字在 `response_table(data=clients, by="job")` 和按年龄段的表里。',
        ),
        solution='call_first = "退休"  # 145 人 × 20% ≈ 29 人认购，最多',
        explanation=(
            "退休客户 145 人，几乎用满 150 个名额，响应率 20%：预计约 29 人认购，"
            "多于 65 岁及以上（约 19 人）、学生（约 20 人）和管理人员（约 20 人）。"
            "名额有限时，要同时看**响应率**和**人数**：响应率最高的群不一定带来最多的认购。"
        ),
    )
)

q3 = bind(
    Problem(
        name="widest_dimension",
        kind="judgment",
        prompt=(
            "在上面的小部件里逐个切换“分类维度”，看摘要里“相差多少个百分点”。"
            "哪个维度把客户分得最“开”（最高和最低响应率相差最大）？写下拉框里的名称。"
        ),
        choices=("年龄段", "职业", "婚姻状况", "学历", "有无房贷", "上次活动结果"),
        expected=_widest_dimension,
        accept=("poutcome", "上次营销活动的结果"),
        misconceptions=_under_other_names(
            Misconception(
                "年龄段",
                "年龄段相差约 33 个百分点，已经不小；再切换到其他维度比一比“相差”的数字。",
            ),
            Misconception("职业", "职业相差约 20 个百分点；还有一个维度相差 50 个百分点以上。"),
        ),
        hints=(
            "每切换一次，摘要最后会写“相差 X 个百分点”。",
            "把六个数字记下来，取最大的那个维度。",
        ),
        solution='widest_dimension = "上次活动结果"',
        explanation=(
            "“上次活动结果”最高（成功 61%）和最低（未联系过 9%）相差约 52 个百分点，"
            "远超年龄段（约 33）和职业（约 20）。它是**行为**维度：分得开，也最能指导下一次打给谁。"
        ),
    )
)

q4 = bind(
    Problem(
        name="top_tier",
        kind="calculation",
        prompt=(
            '**换到禾悦食品。** 在草稿格运行 `sales_by(transactions=cn_orders, by="city_tier")`。'
            "哪个城市级别的**人均销售额**最高？"
        ),
        choices=("一线", "新一线", "二线", "三线及以下"),
        expected=_top_tier_per_customer,
        accept=("一线城市",),
        misconceptions=_under_other_names(
            Misconception(
                _top_tier_total,
                "这是**销售额合计**最高的城市级别：它客户多，总额自然大。"
                "人均销售额 = 销售额 ÷ 客户数，请看“人均销售额”一列。",
            ),
        ),
        hints=(
            '草稿格写 `sales_by(transactions=cn_orders, by="city_tier")`，运行。',
            "表格按销售额合计排序；要比较的是最后一列“人均销售额”。",
        ),
        solution='top_tier = "一线"  # sales_by(transactions=cn_orders, by="city_tier")：人均销售额最高',
        explanation=(
            "新一线城市客户最多，销售额合计最大；但一线城市的客户**人均**买得最多。"
            "比较客户群时，总额和人均回答的是两个不同的问题：“哪里生意大”和“哪里的客户更有价值”。"
        ),
    )
)

q5 = bind(
    Problem(
        name="launch_segment",
        kind="judgment",
        prompt=(
            "禾悦食品要上市一款**低糖高蛋白**的燕麦棒，卖点是“健康、无负担”。首发短信只发给一个心理分群，"
            "你选哪一个？"
        ),
        choices=SURVEY_SEGMENTS,
        expected=lambda: "注重健康型",
        accept=("健康型", "注重健康"),
        misconceptions=_under_other_names(
            Misconception(
                "喜欢尝新型",
                "喜欢尝新的客户愿意试新品，但这款产品打动人的是“健康”：卖点和客户最看重的东西要对上。",
            ),
            Misconception(
                "价格敏感型",
                "价格敏感的客户最看重便宜；低糖高蛋白通常更贵，卖点对不上。",
            ),
            Misconception(
                "均衡型", "均衡型客户没有突出的偏好，卖点不容易打动他们；首发要找最对口的一群。"
            ),
        ),
        hints=(
            "这款产品最大的卖点是什么？",
            '哪一群客户在问卷里最同意“我很注重健康”？看 `survey_profile(data=cn_customers, by="心理分群")`。',
        ),
        solution='launch_segment = "注重健康型"',
        explanation=(
            "心理分群回答的是客户“为什么买”：注重健康型客户在“注重健康”上平均约 4.8 分，"
            "“健康、无负担”正说到他们心里。产品卖点和分群的价值观对上，首发才有效。"
        ),
    )
)

q6 = bind(
    Problem(
        name="coupon_segment",
        kind="decision",
        prompt=(
            "市场部有一批“满 100 减 20”的优惠券，预算只够发给一个心理分群。目标是带来**本来不会发生的**"
            "额外购买，而不是给本来就会买的人打折。发给哪一群？"
        ),
        choices=SURVEY_SEGMENTS,
        expected=lambda: "价格敏感型",
        accept=("价格敏感",),
        misconceptions=_under_other_names(
            Misconception(
                "品牌忠诚型",
                "品牌忠诚型客户本来就会买，给他们发券，多半只是给本来就会发生的购买打了折："
                "钱花了，额外购买却不多。他们更适合会员权益和新品优先体验。",
            ),
            Misconception(
                "注重健康型", "注重健康型客户最看重的是健康，不是价格；优惠券打动他们的力度有限。"
            ),
            Misconception("追求便利型", "追求便利型客户看重省事（附近能买到、送货快），不是省钱。"),
        ),
        hints=(
            "优惠券改变的是什么：价格。谁最在乎价格？",
            "本来就会买的客户拿到券，带来的额外购买很少。",
        ),
        solution='coupon_segment = "价格敏感型"',
        explanation=(
            "优惠券降低的是价格，对价格最敏感的客户最可能因为券而**多买**。"
            "给忠诚客户发券是常见的浪费：第 10 讲会用对照组实验衡量优惠券带来的真正增量。"
        ),
    )
)

q8 = bind(
    Problem(
        name="convenience_channel",
        kind="judgment",
        prompt=(
            '在草稿格运行 `mix_table(data=cn_customers, by="心理分群", column="channel")`。'
            "要接触**追求便利型**客户，主要应该放在哪个渠道？"
        ),
        choices=("门店", "电商", "经销商"),
        expected=lambda: _main_channel("追求便利型"),
        misconceptions=_under_other_names(
            Misconception(
                _overall_channel,
                "这是**全部客户**里用得最多的渠道（看“全部”那一行）；"
                "追求便利型这一群和整体不一样，请看“追求便利型”那一行。",
            ),
        ),
        hints=(
            '草稿格写 `mix_table(data=cn_customers, by="心理分群", column="channel")`，运行。',
            "找“追求便利型”那一行，哪个渠道的百分比最大？和“全部”那一行比一比。",
        ),
        solution='convenience_channel = "门店"  # 追求便利型：门店占一半以上',
        explanation=(
            "整体上电商客户最多，但追求便利型客户一半以上主要在门店买：家门口、随手就能买到。"
            "给一个客户群定渠道，要看这一群自己的数据，而不是整体的平均。"
        ),
    )
)

q9 = bind(
    Problem(
        name="loyal_sales_share",
        kind="prediction",
        prompt=(
            "**先猜再看。** 禾悦食品的客户按购买行为分为忠诚型、冲动型、理性型三种。"
            "忠诚型客户约占客户总数的 **22%**。先猜一猜：他们贡献了多少比例的销售额？"
            "答完再运行下面的 `purchase_style_table(transactions=cn_orders)` 看答案。"
        ),
        choices=LOYAL_BUCKETS,
        expected=lambda: _bucket(_loyal_shares()[1]),
        accept=("50%-70%", "50-70%", "50%~70%", "50%到70%", "50%至70%", "50%-70", "五成到七成"),
        misconceptions=_under_other_names(
            Misconception(
                lambda: _bucket(_loyal_shares()[0]),
                "这是按**人数**比例估计的：如果每位客户买得一样多，22% 的人贡献 22%。"
                "但忠诚型客户买得多、买得久，想想他们的订单数。",
            ),
        ),
        hints=(
            "忠诚型：多次复购、购买跨度长。一位忠诚客户的订单数大约是其他客户的几倍？",
            "第 1 讲：少数客户往往贡献大部分销售额。",
        ),
        solution='loyal_sales_share = "50%—70%"',
        explanation=(
            "忠诚型客户约占 22% 的客户，却贡献了约 62% 的销售额：他们平均下了约 19 个订单，"
            "其他客户只有 3 个左右。行为维度直接告诉你谁是“价值担当”。"
        ),
    )
)

q10 = bind(
    Problem(
        name="channel_dimension",
        kind="judgment",
        prompt=(
            "禾悦食品客户表里的“渠道”（门店 / 电商 / 经销商：客户主要在哪里买）属于哪一类分类维度？"
        ),
        choices=DIMENSIONS,
        expected=lambda: "行为",
        accept=("行为维度", "行为特征", "行为特征分类"),
        misconceptions=_under_other_names(
            Misconception(
                "地理",
                "渠道说的是客户**怎么买**（购买习惯），不是客户住在哪里；"
                "省份、城市级别才是地理维度。",
            ),
            Misconception(
                "心理", "心理维度是价值观、生活方式，要靠问卷或访谈；渠道是客户实际的购买行为。"
            ),
            Misconception(
                "人口统计", "人口统计是年龄、性别、收入、学历、职业这些“客户是谁”的特征。"
            ),
        ),
        hints=(
            "它描述的是客户是谁、住在哪里、怎么想，还是做了什么？",
            "购买行为、使用习惯、品牌忠诚度属于哪个维度？",
        ),
        solution='channel_dimension = "行为"',
        explanation=(
            "渠道是客户的购买习惯：在门店、网上还是经销商那里买，属于**行为**维度。"
            "它和城市级别（地理）有关联：一线城市电商多，三线及以下经销商多，但两者不是一回事。"
        ),
    )
)

AGE_BANDS = ("25岁以下", "25-34岁", "35-44岁", "45-54岁", "55-64岁", "65岁及以上")

q7 = bind(
    Problem(
        name="tasting_age",
        kind="decision",
        prompt=(
            "禾悦食品要在商场做一场**新口味试吃**，希望来的人愿意尝鲜。在上面的问卷小部件里，"
            "把“分组方式”换成**年龄段**、“问卷题目”换成**喜欢尝新**：试吃活动主要面向哪个年龄段？"
        ),
        choices=AGE_BANDS,
        expected=lambda: str(_age_band_means("novelty_seeking").index[0]),
        misconceptions=_under_other_names(
            Misconception(
                lambda: str(_age_band_means("novelty_seeking").index[1]),
                "这个年龄段“喜欢尝新”的分数也高于平均，但不是最高的：再看看最上面那根柱子。",
            ),
            Misconception(
                lambda: str(_age_band_means("health_focus").index[0]),
                "这是“注重健康”平均分最高的年龄段：请把“问卷题目”换成“喜欢尝新”。",
            ),
        ),
        hints=(
            "两个下拉框都要换：分组方式选“年龄段”，问卷题目选“喜欢尝新”。",
            "柱子按平均分从高到低排列，最上面的就是答案；摘要里也写着“最高的是……”。",
        ),
        solution='tasting_age = "25岁以下"  # “喜欢尝新”平均分最高的年龄段',
        explanation=(
            "25 岁以下的客户“喜欢尝新”平均约 3.4 分，高于全部客户的 2.9 分；35 岁以上明显更低。"
            "心理特征和人口统计特征常常相关：用年龄这种容易拿到的信息，可以大致找到“愿意尝鲜”的人。"
        ),
    )
)
