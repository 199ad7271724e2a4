"""Practice for module 12 (trends and challenges).

Predict-then-reveal on the segments-over-time widget (Online Retail sample), the migration
table (which cell to act on), migration on the simulated 禾悦食品 orders (模拟数据), and
decisions on the three practical challenges.
"""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Misconception, Problem, bind

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

VIP = "重要价值客户"
EARLY_DAY, LATE_DAY = "2011-07-01", "2011-12-01"
CN_START, CN_END = "2024-06-30", "2024-12-31"


@cache
def _clean():
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    return clean_transactions(load_sample())[0]


def vip_count(day: str) -> int:
    """重要价值客户 on an analysis day, as the widget counts them (cn8 on purchases up to the day)."""
    from custseg.rfm import rfm_table
    from custseg.segments import RFMSegmenter

    segments = RFMSegmenter().fit_transform(rfm_table(_clean(), as_of=day))["segment"]
    return int((segments == VIP).sum())


def _direction() -> str:
    early, late = vip_count(EARLY_DAY), vip_count(LATE_DAY)
    if late > early * 1.2:
        return "变多"
    if late < early / 1.2:
        return "变少"
    return "差不多"


@cache
def cn_migration():
    """The migration table of the simulated orders from mid-2024 to the end of 2024."""
    from custseg.datasets import load_cn_orders
    from custseg.migration import migration_table

    return migration_table(load_cn_orders(), start=CN_START, end=CN_END)


q1 = bind(
    Problem(
        name="vip_trend",
        kind="prediction",
        prompt=(
            f"先预测，再拖动滑块：分析日从 **{EARLY_DAY}** 拖到 **{LATE_DAY}**（圣诞购物季前），"
            "这家网店的“重要价值客户”会变多、变少，还是差不多？写下预测后再拖滑块验证。"
        ),
        choices=("变多", "变少", "差不多"),
        expected=_direction,
        accept=("增加", "更多", "增多", "变大", "多了"),
        misconceptions=(
            Misconception(
                "减少",
                "年底前是礼品采购旺季：很多客户最近刚买过、买得更多，R 和 F 都变高，进入重要价值客户的人更多。",
            ),
            Misconception(
                "变少",
                "年底前是礼品采购旺季：很多客户最近刚买过、买得更多，R 和 F 都变高，进入重要价值客户的人更多。",
            ),
            Misconception(
                "差不多",
                "同一套规则，分析日一变，每位客户的“最近一次购买”和“购买次数”都在变：拖动滑块看看柱子。",
            ),
        ),
        hints=("年底前网店的订单会怎样？R（最近一次购买距今天数）和 F（购买次数）会怎样变？",),
        solution='vip_trend = "变多"',
        explanation=(
            "客户群是会变的：同样的规则，换一个分析日，结果就不一样。旺季前后，群的大小可以差一倍以上，"
            "所以分类要定期重算（动态分类），不能做一次用一年。"
        ),
    )
)

q2 = bind(
    Problem(
        name="vip_in_december",
        kind="calculation",
        prompt=f"把滑块拖到 **{LATE_DAY}**，读出这一天的重要价值客户有多少位。",
        expected=lambda: vip_count(LATE_DAY),
        misconceptions=(
            Misconception(
                lambda: vip_count(EARLY_DAY),
                f"这是 {EARLY_DAY} 的人数：滑块要拖到 {LATE_DAY}。",
            ),
        ),
        hints=("滑块下面的一行字写着“截至……：……位客户，其中重要价值客户……位”。",),
        solution=f"vip_in_december = ...  # 小部件拖到 {LATE_DAY} 时显示的重要价值客户人数",
        explanation="旺季前重要价值客户明显多了：这些客户最近常买，是年底营销的重点。",
    )
)

ACT_NOW = "从“重要价值客户”变成“重要挽留客户”的客户"
q3 = bind(
    Problem(
        name="act_first",
        kind="decision",
        prompt="迁移表里，哪一格的客户最需要马上有人联系？",
        choices=(
            "一直是“重要价值客户”的客户",
            ACT_NOW,
            "从“（新客户）”变成“一般发展客户”的客户",
            "一直是“一般挽留客户”的客户",
        ),
        expected=lambda: ACT_NOW,
        misconceptions=(
            Misconception(
                "一直是“重要价值客户”的客户",
                "他们还在最好的群里，按常规维护即可；最急的是刚从这个群掉出去的人。",
            ),
            Misconception(
                "从“（新客户）”变成“一般发展客户”的客户",
                "新客户要做首单后的引导，但他们价值还不高、也没有流失的迹象；最急的是价值高、正在走的人。",
            ),
            Misconception(
                "一直是“一般挽留客户”的客户",
                "他们早就不活跃、价值也低，挽回的成本高、回报小；最急的是价值高、刚开始流失的人。",
            ),
        ),
        hints=("找“价值高”而且“刚刚开始走”的客户。",),
        solution=f'act_first = "{ACT_NOW}"',
        explanation=(
            "重要挽留客户过去贡献大，但很久没买了：刚从重要价值客户掉下来，说明正在流失。"
            "越早联系（专属客服、回访、专属优惠），挽回的可能越大。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cn_vip_stayed",
        kind="calculation",
        prompt=(
            f"禾悦食品（模拟数据）：{CN_START} 的重要价值客户中，到 {CN_END} **仍是**重要价值客户的有多少位？"
        ),
        expected=lambda: int(cn_migration().loc[VIP, VIP]),
        misconceptions=(
            Misconception(
                lambda: int(cn_migration().loc[VIP, "合计"]),
                "这是 6 月底重要价值客户的总数（“合计”），其中有些人到年底已经换了群。",
            ),
            Misconception(
                lambda: int(cn_migration()[VIP].sum()),
                "这是年底全部重要价值客户（一整列），包括从别的群升上来的和新客户；题目只问留下来的。",
            ),
        ),
        hints=(
            "行是 6 月底所在的群，列是年底所在的群。",
            "找行和列都是“重要价值客户”的那一格。",
        ),
        solution="cn_vip_stayed = ...  # 迁移表中行、列都是“重要价值客户”的那一格",
        explanation="对角线上的格子是没有换群的客户；“留在原群”一列把它们换算成了比例。",
    )
)

q5 = bind(
    Problem(
        name="developing_customers_plan",
        kind="decision",
        prompt=(
            "禾悦食品的迁移表显示：不少半年前的“一般发展客户”到年底变成了“一般挽留客户”"
            "（买过一两次就不再来了）。你建议怎么做？"
        ),
        choices=(
            "首单后尽快跟进：会员引导、复购提醒和第二单的优惠",
            "不用管：一般客户价值低",
            "把他们从客户名单里删掉，省得打扰",
        ),
        expected=lambda: "首单后尽快跟进：会员引导、复购提醒和第二单的优惠",
        misconceptions=(
            Misconception(
                "不用管：一般客户价值低",
                "一般发展客户是“新来的、还没定型”的客户：这时候跟进最便宜，等他们变成挽留客户再挽回就贵了。",
            ),
            Misconception(
                "把他们从客户名单里删掉，省得打扰",
                "删掉就再也没有机会；要做的是换一种更合适、频率更低的联系，并提供退出营销的选项。",
            ),
        ),
        hints=("他们是在哪一步停下来的？第二次购买之前还是之后？",),
        solution='developing_customers_plan = "首单后尽快跟进：会员引导、复购提醒和第二单的优惠"',
        explanation="迁移表告诉你客户在哪一步流失，策略就放在那一步：新客户最容易在第二次购买之前流失。",
    )
)

q6 = bind(
    Problem(
        name="new_market_data",
        kind="judgment",
        prompt="禾悦食品要进入几个县级市场，那里几乎没有历史订单。客户分类怎么开始？",
        choices=(
            "直接套用一线城市的 RFM 分界点",
            "没有数据就不做分类，等两年后再说",
            "先用人口统计、地理、渠道粗分；同时建会员注册、电子小票等收集机制，积累订单后再做 RFM",
            "先花半年做一次大规模问卷调研，调研做完再开始分类和营销",
        ),
        expected=lambda: (
            "先用人口统计、地理、渠道粗分；同时建会员注册、电子小票等收集机制，积累订单后再做 RFM"
        ),
        misconceptions=(
            Misconception(
                "直接套用一线城市的 RFM 分界点",
                "县级市场的购买频次和客单价和一线城市不同，套用别处的分界点会把大多数客户分错。",
            ),
            Misconception(
                "没有数据就不做分类，等两年后再说",
                "等待不会让数据自己出现：要现在就建收集机制，同时先用已有的信息粗分。",
            ),
            Misconception(
                "先花半年做一次大规模问卷调研，调研做完再开始分类和营销",
                "调研能补上心理和需求信息，但一次性的调研又贵又慢，而且不会带来购买记录；"
                "更好的是先用手上的人口统计、地理、渠道信息粗分，同时建起持续收集订单的机制。",
            ),
        ),
        hints=("这是第一个挑战：数据收集难。缺数据时先用什么？数据从哪里来？",),
        solution=(
            'new_market_data = "先用人口统计、地理、渠道粗分；同时建会员注册、电子小票等收集机制，'
            '积累订单后再做 RFM"'
        ),
        explanation="数据收集难是第一个挑战：先用能拿到的维度粗分，同时建立收集机制，边做边积累。",
    )
)

q7 = bind(
    Problem(
        name="review_cutoffs",
        kind="judgment",
        prompt=(
            "去年定的规则是“90 天内买过算最近购买”。今年禾悦把主打产品换成了每月都要复购的日用饮品。"
            "分类标准怎么办？"
        ),
        choices=(
            "一直不变，保证年年可比",
            "马上把 90 天改成 30 天，以后就固定用 30 天",
            "每天根据销售额调整一次",
            "定期（如每季度）用迁移表和各客户群的实际表现复盘，必要时调整分界点",
        ),
        expected=lambda: "定期（如每季度）用迁移表和各客户群的实际表现复盘，必要时调整分界点",
        misconceptions=(
            Misconception(
                "一直不变，保证年年可比",
                "产品和购买节奏变了，90 天对每月复购的产品太长：几乎人人都成了“最近购买”，分类失去区分力。",
            ),
            Misconception(
                "每天根据销售额调整一次",
                "天天改，客户群就没有稳定的含义，营销和考核都没法跟上；要定期复盘，而不是随时改。",
            ),
            Misconception(
                "马上把 90 天改成 30 天，以后就固定用 30 天",
                "这一次改对了方向，但“以后就固定”又回到了老问题：产品和市场还会变，"
                "要定期用数据复盘，而不是改一次就不管。",
            ),
        ),
        hints=("这是第二个挑战：分类标准要动态调整。多久调整、根据什么调整？",),
        solution=(
            'review_cutoffs = "定期（如每季度）用迁移表和各客户群的实际表现复盘，必要时调整分界点"'
        ),
        explanation="标准要随市场和产品调整，但要按固定节奏、依据数据复盘，调整后说明口径的变化。",
    )
)

q8 = bind(
    Problem(
        name="sales_records",
        kind="decision",
        prompt=(
            "市场部希望销售每天录入客户拜访记录，销售部觉得太麻烦、录了也没用。作为项目负责人，你选哪个方案？"
        ),
        choices=(
            "由总经理下文件：每天必须录入，不录入扣绩效",
            "市场部自己去补录",
            "简化录入（手机上几项必填），统一客户编号和口径，每月把分群结果和线索反馈给销售，明确各群的负责人",
            "放弃拜访数据",
        ),
        expected=lambda: (
            "简化录入（手机上几项必填），统一客户编号和口径，每月把分群结果和线索反馈给销售，明确各群的负责人"
        ),
        misconceptions=(
            Misconception(
                "市场部自己去补录",
                "市场部不在现场，补录的信息不准也不及时；要让录入的人也得到好处。",
            ),
            Misconception(
                "放弃拜访数据",
                "拜访记录是了解需求和满意度的重要来源，放弃它分类会少一大块信息。",
            ),
            Misconception(
                "由总经理下文件：每天必须录入，不录入扣绩效",
                "强制能让表格填满，但录入的人得不到好处，常会为了应付而乱填，数据反而不可信；"
                "要让录入变简单，并把分群结果和线索还给销售。",
            ),
        ),
        hints=("这是第三个挑战：跨部门协作。怎样让录入数据的人也得到好处？",),
        solution=(
            'sales_records = "简化录入（手机上几项必填），统一客户编号和口径，每月把分群结果和线索反馈给销售，'
            '明确各群的负责人"'
        ),
        explanation="跨部门协作靠机制：统一口径、降低成本、共享结果、明确责任，而不是靠一次性的要求。",
    )
)
